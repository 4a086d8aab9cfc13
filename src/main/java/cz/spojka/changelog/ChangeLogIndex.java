package cz.spojka.changelog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The latest published state of every entity (hash, connector, source record, kind), which change detection compares
 * against. It is not stored anywhere of its own: at start-up it is read back from the compacted change log, which is
 * the source of truth, so it can never disagree with what was published — also after a crash.
 *
 * <p>A send that failed may still have been written: the broker can append a record and go away before it answers.
 * The publisher then marks the index {@link #markUncertain() uncertain}, and before the next change is detected
 * {@link #ensureCurrent()} reads the log again from where the index was last known complete, so such a record is
 * known and not published a second time.
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
    /** Per partition, the offset up to which every record of the log is in the index. */
    private final Map<Integer, Long> completeUpTo = new ConcurrentHashMap<>();

    private volatile boolean uncertain;
    private volatile java.util.function.Consumer<ChangeLogIndex> catchUp = index -> {};

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

    /** Whether a failed publish may have written changes the index does not know yet. */
    public boolean uncertain() {
        return uncertain;
    }

    /** Called by the publisher when a send failed: the broker may have written it all the same. */
    void markUncertain() {
        uncertain = true;
    }

    /** How {@link #ensureCurrent()} reads the log again (set by {@link ChangeLog} once the topic is known). */
    void catchUpWith(java.util.function.Consumer<ChangeLogIndex> reader) {
        this.catchUp = reader;
    }

    /**
     * Before changes are detected: when a publish failed, reads the log from where the index was last complete to its
     * end. Fails (and so fails the run, which publishes nothing) while the log cannot be read.
     */
    public void ensureCurrent() {
        if (uncertain) {
            synchronized (this) {
                if (uncertain) {
                    catchUp.accept(this);
                    uncertain = false;
                }
            }
        }
    }

    /** Records that the index holds every record of {@code partition} before {@code next}. */
    void completeUpTo(int partition, long next) {
        completeUpTo.merge(partition, next, Math::max);
    }

    /** Per partition, the offset from which the log may hold records the index does not know. */
    Map<Integer, Long> completeUpTo() {
        return new HashMap<>(completeUpTo);
    }

    /** Learns a change the broker acknowledged (never while {@link #ensureCurrent()} reads the log again) at {@code offset} of {@code partition}. */
    synchronized void apply(Change change, int partition, long offset) {
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
    void load(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Duration pollTimeout) {
        entries.clear();
        completeUpTo.clear();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        readToEnd(consumer, partitions, pollTimeout);
    }

    /**
     * Reads the records the index may not know, from {@link #completeUpTo()} to the log's current end. A record read
     * again never replaces a later state of its entity that a publish has applied meanwhile.
     */
    void catchUp(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Duration pollTimeout) {
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long from = completeUpTo.get(partition.partition());
            if (from == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, from);
            }
        }
        readToEnd(consumer, partitions, pollTimeout);
    }

    private void readToEnd(
            Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Duration pollTimeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
                loadRecord(record);
            }
        }
        end.forEach((partition, next) -> completeUpTo(partition.partition(), next));
    }

    private void loadRecord(ConsumerRecord<String, byte[]> record) {
        Entry known = entries.get(record.key());
        if (known != null && known.partition() == record.partition() && known.offset() > record.offset()) {
            return;
        }
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
