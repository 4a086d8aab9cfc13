package cz.spojka.changelog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rejected records to the dead-letter topic and logs each one with its source, record and reason, so an
 * operator sees it in the console and can replay it from the topic after a fix.
 */
public final class DeadLetterPublisher implements DeadLetterSink, AutoCloseable {

    /**
     * The Kafka header of a letter written by a replay that rejected the record again: the id of the letter that was
     * replayed.
     */
    public static final String REPLAY_OF_HEADER = "spojka_replay_of";

    /** Told of every letter the broker acknowledged, in the order they were written. */
    @FunctionalInterface
    public interface Listener {
        void written(int partition, long offset, DeadLetter letter, String replayOf);
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaClients clients;
    private final String topic;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterPublisher(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public String publish(DeadLetter letter) {
        return publish(letter, null);
    }

    /**
     * Writes a letter and returns its id, {@code <partition>-<offset>}.
     *
     * @param replayOf the id of the letter whose replay rejected the record again, or {@code null}
     */
    public synchronized String publish(DeadLetter letter, String replayOf) {
        if (producer == null) {
            producer = clients.byteProducer("spojka-deadletters");
        }
        log.warn(
                "Rejected record {} of connector {} at {}{}: {}",
                letter.recordId(),
                letter.connectorId(),
                letter.stage(),
                letter.entityIri() == null ? "" : " (entity " + letter.entityIri() + ")",
                letter.reason());
        try {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, letter.key(), JSON.writeValueAsBytes(letter));
            if (replayOf != null) {
                record.headers().add(REPLAY_OF_HEADER, replayOf.getBytes(StandardCharsets.UTF_8));
            }
            RecordMetadata written = producer.send(record).get();
            listeners.forEach(l -> l.written(written.partition(), written.offset(), letter, replayOf));
            return written.partition() + "-" + written.offset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw ChangeLogUnavailableException.of(
                    "Could not write the dead letter of record " + letter.key() + " to " + topic + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a dead letter to " + topic, e);
        }
    }

    public static DeadLetter read(byte[] json) throws IOException {
        return JSON.readValue(json, DeadLetter.class);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
