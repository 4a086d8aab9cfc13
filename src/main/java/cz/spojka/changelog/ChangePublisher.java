package cz.spojka.changelog;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes changes to the change log, keyed by entity IRI so every entity's events stay in order on one partition.
 * An update first learns which properties changed since the entity's previous state on the log. The index learns a
 * change, with its position, only once the broker has acknowledged it; a change that failed to send is therefore
 * detected again, and sent again, on the next run.
 */
public final class ChangePublisher implements AutoCloseable {

    private final KafkaClients clients;
    private final String topic;
    private final ChangeEvents events;
    private final ChangeLogIndex index;
    private final PreviousStates previousStates;
    private KafkaProducer<String, byte[]> producer;

    public ChangePublisher(KafkaClients clients, String topic, ChangeEvents events, ChangeLogIndex index) {
        this.clients = clients;
        this.topic = topic;
        this.events = events;
        this.index = index;
        this.previousStates = new PreviousStates(clients, topic);
    }

    /**
     * Sends every change and waits for the broker. The index learns each change the broker acknowledged, also when
     * others failed, so it always matches the topic; then the first failure is thrown, naming its entity.
     */
    public synchronized void publish(List<Change> detected) {
        List<Change> changes = withChangedProperties(detected);
        KafkaProducer<String, byte[]> producer = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(changes.size());
        List<Future<RecordMetadata>> tombstones = new ArrayList<>();
        for (Change change : changes) {
            CloudEvent event = events.toEvent(change);
            Future<RecordMetadata> send = producer.send(
                    KafkaMessageFactory.createWriter(topic, change.entityIri()).writeBinary(event));
            sent.add(send);
            if (change.type() == ChangeType.DELETED) {
                tombstones.add(producer.send(new ProducerRecord<>(topic, change.entityIri(), null)));
            }
            if (failedAlready(send)) {
                // The broker is unreachable (no metadata within max.block.ms): every further send would wait as long.
                break;
            }
        }
        producer.flush();
        IllegalStateException failure = null;
        Map<Integer, Long> last = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            try {
                if (i >= sent.size()) {
                    throw new IllegalStateException("not sent: an earlier send failed at once");
                }
                RecordMetadata written = await(sent.get(i));
                index.apply(change, written.partition(), written.offset());
                last.merge(written.partition(), written.offset(), Math::max);
            } catch (IllegalStateException e) {
                if (failure == null) {
                    failure = ChangeLogUnavailableException.of(
                            "Could not write the change of " + change.entityIri() + " to " + topic + ": "
                                    + e.getMessage(),
                            e.getCause());
                }
            }
        }
        for (Future<RecordMetadata> tombstone : tombstones) {
            try {
                RecordMetadata written = await(tombstone);
                last.merge(written.partition(), written.offset(), Math::max);
            } catch (IllegalStateException e) {
                if (failure == null) {
                    failure = ChangeLogUnavailableException.of(
                            "Could not write a tombstone to " + topic + ": " + e.getMessage(), e.getCause());
                }
            }
        }
        if (failure != null) {
            // The broker may have written what it did not acknowledge: the index reads the log again before the
            // next detection, and a fresh producer starts without the failed one's pending state.
            index.markUncertain();
            closeProducer();
            throw failure;
        }
        if (!index.uncertain()) {
            last.forEach((partition, offset) -> index.completeUpTo(partition, offset + 1));
        }
    }

    /** Each update with the properties that differ from the entity's previous state on the log. */
    private List<Change> withChangedProperties(List<Change> changes) {
        Map<String, ChangeLogIndex.Entry> updated = new HashMap<>();
        for (Change change : changes) {
            ChangeLogIndex.Entry entry = index.get(change.entityIri());
            if (change.type() == ChangeType.UPDATED && entry != null) {
                updated.put(change.entityIri(), entry);
            }
        }
        if (updated.isEmpty()) {
            return changes;
        }
        Map<String, Graph> previous = previousStates.of(updated);
        List<Change> described = new ArrayList<>(changes.size());
        for (Change change : changes) {
            Graph before = previous.get(change.entityIri());
            described.add(
                    before == null || change.type() != ChangeType.UPDATED
                            ? change
                            : change.withChanged(
                                    ChangedProperties.between(before, change.entity(), change.entityIri())));
        }
        return described;
    }

    private static boolean failedAlready(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
    }

    /** The broker's acknowledgement, or an {@link IllegalStateException} with the reason it failed. */
    private static RecordMetadata await(Future<RecordMetadata> send) {
        try {
            return send.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Created on first use, once the broker is up, so start-up does not log connection failures. */
    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.byteProducer("spojka-changes");
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        previousStates.close();
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** Drops the producer after a failed publish without waiting for a broker that may be gone. */
    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
