package cz.spojka.changelog;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes changes to the change log, keyed by entity IRI so every entity's events stay in order on one partition.
 * The index learns a change only once the broker has acknowledged it; a change that failed to send is therefore
 * detected again, and sent again, on the next run.
 */
public final class ChangePublisher implements AutoCloseable {

    private final KafkaClients clients;
    private final String topic;
    private final ChangeEvents events;
    private final ChangeLogIndex index;
    private KafkaProducer<String, byte[]> producer;

    public ChangePublisher(KafkaClients clients, String topic, ChangeEvents events, ChangeLogIndex index) {
        this.clients = clients;
        this.topic = topic;
        this.events = events;
        this.index = index;
    }

    /**
     * Sends every change and waits for the broker. The index learns each change the broker acknowledged, also when
     * others failed, so it always matches the topic; then the first failure is thrown, naming its entity.
     */
    public synchronized void publish(List<Change> changes) {
        KafkaProducer<String, byte[]> producer = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(changes.size());
        List<Future<RecordMetadata>> tombstones = new ArrayList<>();
        for (Change change : changes) {
            CloudEvent event = events.toEvent(change);
            sent.add(producer.send(
                    KafkaMessageFactory.createWriter(topic, change.entityIri()).writeBinary(event)));
            if (change.type() == ChangeType.DELETED) {
                tombstones.add(producer.send(new ProducerRecord<>(topic, change.entityIri(), null)));
            }
        }
        producer.flush();
        IllegalStateException failure = null;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String error = await(sent.get(i));
            if (error == null) {
                index.apply(change);
            } else if (failure == null) {
                failure = new IllegalStateException(
                        "Could not write the change of " + change.entityIri() + " to " + topic + ": " + error);
            }
        }
        for (Future<RecordMetadata> tombstone : tombstones) {
            String error = await(tombstone);
            if (error != null && failure == null) {
                failure = new IllegalStateException("Could not write a tombstone to " + topic + ": " + error);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String await(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
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
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
