package cz.spojka.changelog;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads entities' previous states back from the change log, at the positions the index keeps, so that an update can
 * say which properties changed. The log is the one place that holds exactly the previous state: the store may still
 * lag behind it, and the index keeps only hashes. The events an update run needs lie close together on each
 * partition (a connector's entities are published together), so each partition is read forward from the first
 * position and seeks only over gaps.
 */
final class PreviousStates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreviousStates.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** An event the index names is on the broker; polling this long without it means it was compacted away. */
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final KafkaClients clients;
    private final String topic;
    private KafkaConsumer<String, CloudEvent> consumer;

    PreviousStates(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /**
     * The previous state of each entity, by IRI; an entity whose event is no longer on the log (a later write whose
     * acknowledgement was lost can let compaction remove it) is missing from the result.
     */
    synchronized Map<String, Graph> of(Map<String, ChangeLogIndex.Entry> entries) {
        Map<Integer, TreeMap<Long, String>> wanted = new HashMap<>();
        entries.forEach((iri, entry) ->
                wanted.computeIfAbsent(entry.partition(), p -> new TreeMap<>()).put(entry.offset(), iri));
        Map<String, Graph> states = new HashMap<>();
        wanted.forEach((partition, offsets) -> read(new TopicPartition(topic, partition), offsets, states));
        if (states.size() < entries.size()) {
            log.warn(
                    "{} of {} previous states are no longer on {}; their updates name no changed properties",
                    entries.size() - states.size(),
                    entries.size(),
                    topic);
        }
        return states;
    }

    private void read(TopicPartition partition, TreeMap<Long, String> offsets, Map<String, Graph> states) {
        KafkaConsumer<String, CloudEvent> consumer = consumer();
        consumer.assign(List.of(partition));
        TreeMap<Long, String> left = new TreeMap<>(offsets);
        while (!left.isEmpty()) {
            consumer.seek(partition, left.firstKey());
            List<ConsumerRecord<String, CloudEvent>> batch = poll(consumer, partition);
            if (batch.isEmpty()) {
                return;
            }
            long last = batch.get(batch.size() - 1).offset();
            for (ConsumerRecord<String, CloudEvent> record : batch) {
                String iri = left.get(record.offset());
                if (iri != null && iri.equals(record.key()) && record.value() != null) {
                    decode(record).ifPresent(state -> states.put(iri, state));
                }
            }
            // Positions the batch passed without a record were compacted away.
            left.headMap(last, true).clear();
        }
    }

    private static Optional<Graph> decode(ConsumerRecord<String, CloudEvent> record) {
        try {
            return Optional.ofNullable(ChangeEvents.fromEvent(record.value()).entity());
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot read the previous state of {} at {}@{}: {}",
                    record.key(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static List<ConsumerRecord<String, CloudEvent>> poll(
            KafkaConsumer<String, CloudEvent> consumer, TopicPartition partition) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, CloudEvent>> records =
                    new ArrayList<>(consumer.poll(POLL).records(partition));
            if (!records.isEmpty()) {
                return records;
            }
        }
        return List.of();
    }

    /** Created on first use, once the broker is up. */
    private KafkaConsumer<String, CloudEvent> consumer() {
        if (consumer == null) {
            consumer = clients.eventConsumer("spojka-previous-states", 500);
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
