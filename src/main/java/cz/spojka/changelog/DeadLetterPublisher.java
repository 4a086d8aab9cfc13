package cz.spojka.changelog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rejected records to the dead-letter topic and logs each one with its source, record and reason, so an
 * operator sees it in the console and can replay it from the topic after a fix.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaClients clients;
    private final String topic;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterPublisher(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    public synchronized void publish(DeadLetter letter) {
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
            producer.send(new ProducerRecord<>(topic, letter.key(), JSON.writeValueAsBytes(letter)))
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
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
