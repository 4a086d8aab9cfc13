package cz.spojka.changelog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The latest published state of every entity (hash, connector, source record, kind), which change detection compares
 * against. It is not stored anywhere of its own: at start-up it is read back from the compacted change log, which is
 * the source of truth, so it can never disagree with what was published — also after a crash.
 */
public final class ChangeLogIndex {

    /**
     * The latest state of one entity on the change log, and where that event is ({@code partition}, {@code offset}),
     * so that the state itself can be read back when the entity changes again; {@code fetchedAt} is when the source
     * delivered that state (the event's {@code time}; null when an event has none).
     */
    public record Entry(
            String hash,
            String connectorId,
            String recordId,
            String kind,
            String dataset,
            String graph,
            int partition,
            long offset,
            Instant fetchedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Entry get(String entityIri) {
        return entries.get(entityIri);
    }

    public int size() {
        return entries.size();
    }

    /** The entities a connector has published and not deleted. */
    public Map<String, Entry> ofConnector(String connectorId) {
        Map<String, Entry> result = new java.util.HashMap<>();
        entries.forEach((iri, entry) -> {
            if (entry.connectorId().equals(connectorId)) {
                result.put(iri, entry);
            }
        });
        return result;
    }

    /** Learns a change the broker acknowledged at {@code offset} of {@code partition}. */
    void apply(Change change, int partition, long offset) {
        if (change.type() == ChangeType.DELETED) {
            entries.remove(change.entityIri());
        } else {
            entries.put(
                    change.entityIri(),
                    new Entry(
                            change.hash(),
                            change.provenance().connectorId(),
                            change.provenance().recordId(),
                            change.kind(),
                            change.dataset(),
                            change.graphIri(),
                            partition,
                            offset,
                            change.provenance().fetchedAt()));
        }
    }

    /** Reads the whole topic from the beginning to its current end. */
    void load(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Duration pollTimeout) {
        entries.clear();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
                loadRecord(record);
            }
        }
    }

    private void loadRecord(ConsumerRecord<String, byte[]> record) {
        String hash = header(record, "ce_" + ChangeEvents.EXT_HASH);
        if (record.value() == null || hash == null) {
            entries.remove(record.key());
            return;
        }
        String type = header(record, "ce_type");
        String kind = type == null ? null : type.substring("cz.spojka.".length(), type.lastIndexOf('.'));
        entries.put(
                record.key(),
                new Entry(
                        hash,
                        header(record, "ce_" + ChangeEvents.EXT_CONNECTOR),
                        header(record, "ce_" + ChangeEvents.EXT_RECORD),
                        kind,
                        header(record, "ce_" + ChangeEvents.EXT_DATASET),
                        header(record, "ce_" + ChangeEvents.EXT_GRAPH),
                        record.partition(),
                        record.offset(),
                        time(header(record, "ce_time"))));
    }

    private static Instant time(String ceTime) {
        try {
            return ceTime == null ? null : OffsetDateTime.parse(ceTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
