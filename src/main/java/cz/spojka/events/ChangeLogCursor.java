package cz.spojka.events;

import cz.spojka.changelog.KafkaClients;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of the change log that reads forward from a {@link StreamPosition}: all partitions assigned by hand, no
 * group, no commits. It turns records into {@link StreamedEvent}s that carry the position after them. Tombstones (a
 * deletion event comes just before each) and records that are not change events are skipped but still move the
 * position on, so a client resuming from a later event never gets them.
 */
final class ChangeLogCursor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogCursor.class);
    private static final Duration REPLAY_POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 500;

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final Map<Integer, TopicPartition> partitions;
    private StreamPosition position;

    ChangeLogCursor(KafkaClients clients, String clientId, String topic) {
        this.consumer = clients.eventConsumer(clientId, MAX_POLL_RECORDS);
        this.partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toMap(TopicPartition::partition, p -> p, (a, b) -> a, TreeMap::new));
        consumer.assign(partitions.values());
    }

    /** Where each partition ends now. */
    StreamPosition end() {
        return positionOf(consumer.endOffsets(partitions.values()));
    }

    /** The first record of each partition published at or after {@code time}; where there is none, the end. */
    StreamPosition firstAt(Instant time) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.values().forEach(partition -> times.put(partition, time.toEpochMilli()));
        Map<TopicPartition, Long> first = new HashMap<>(consumer.endOffsets(partitions.values()));
        consumer.offsetsForTimes(times).forEach((partition, found) -> {
            if (found != null) {
                first.put(partition, found.offset());
            }
        });
        return positionOf(first);
    }

    void seek(StreamPosition to) {
        partitions.forEach((number, partition) -> consumer.seek(partition, to.next(number)));
        position = to;
    }

    StreamPosition position() {
        return position;
    }

    /**
     * The next batch of records, waiting up to {@code timeout} for one, not yet read as events: reading the entity of
     * every event costs more than the rest of the stream, and the live stream needs it only while a client listens.
     */
    List<Polled> pollRecords(Duration timeout) {
        return pollRecords(timeout, null);
    }

    /**
     * Hands every event before {@code target} to {@code sink}, in log order per partition, until the cursor stands at
     * {@code target} or {@code stopped} says to give up. Records at or past the target are left unread.
     */
    void readUntil(StreamPosition target, Consumer<StreamedEvent> sink, BooleanSupplier stopped) {
        while (!stopped.getAsBoolean() && !reached(target)) {
            decoded(pollRecords(REPLAY_POLL, target)).forEach(sink);
        }
        seek(target);
    }

    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private boolean reached(StreamPosition target) {
        return partitions.entrySet().stream().allMatch(p -> consumer.position(p.getValue()) >= target.next(p.getKey()));
    }

    /** A record at or past {@code limit} (if given) neither becomes an event nor moves the position. */
    private List<Polled> pollRecords(Duration timeout, StreamPosition limit) {
        List<Polled> events = new ArrayList<>();
        Iterable<ConsumerRecord<String, CloudEvent>> records;
        try {
            records = consumer.poll(timeout);
        } catch (RecordDeserializationException e) {
            log.warn(
                    "Skipped change-log record {}@{}: not a CloudEvent: {}",
                    e.topicPartition(),
                    e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            if (limit == null || e.offset() < limit.next(e.topicPartition().partition())) {
                position = position.after(e.topicPartition().partition(), e.offset());
            }
            return events;
        }
        for (ConsumerRecord<String, CloudEvent> record : records) {
            if (limit != null && record.offset() >= limit.next(record.partition())) {
                continue;
            }
            position = position.after(record.partition(), record.offset());
            if (record.value() != null) {
                events.add(new Polled(record.key(), record.value(), position));
            }
        }
        return events;
    }

    private static List<StreamedEvent> decoded(List<Polled> records) {
        List<StreamedEvent> events = new ArrayList<>(records.size());
        records.forEach(record -> record.decode().ifPresent(events::add));
        return events;
    }

    /**
     * A change-log record as polled, with the stream position after it.
     *
     * @param key the entity IRI
     */
    record Polled(String key, CloudEvent value, StreamPosition position) {

        /** The event, or nothing (logged) when the record is not a change event. */
        Optional<StreamedEvent> decode() {
            try {
                return Optional.of(new StreamedEvent(value, position));
            } catch (IllegalArgumentException e) {
                log.warn("Skipped the change-log record of {}, not a change event: {}", key, e.getMessage());
                return Optional.empty();
            }
        }
    }

    private static StreamPosition positionOf(Map<TopicPartition, Long> offsets) {
        TreeMap<Integer, Long> next = new TreeMap<>();
        offsets.forEach((partition, offset) -> next.put(partition.partition(), offset));
        return new StreamPosition(next);
    }
}
