package cz.spojka.publiclog;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the public change log must hold at a position of the change log: for each key whose latest record below that
 * position is an event of a public graph, where that event is and its id. Only the locations are kept, not the
 * events, so that a large dataset turned public does not have to fit in memory; the events are read again when they
 * are copied.
 */
final class LatestPublicRecords {

    /** Where a key's latest event is on the change log, and its {@code ce_id}. */
    record Location(int partition, long offset, String eventId) {}

    private final Map<String, Location> byKey = new HashMap<>();

    /** Reads the change log from its beginning up to {@code until}; the consumer is assigned its partitions. */
    static LatestPublicRecords scan(
            KafkaConsumer<String, byte[]> consumer,
            Map<TopicPartition, Long> until,
            Predicate<ConsumerRecord<String, byte[]>> publicEvent) {
        LatestPublicRecords latest = new LatestPublicRecords();
        ChangeRecords.readUntil(consumer, until, record -> {
            if (publicEvent.test(record)) {
                latest.byKey.put(
                        record.key(),
                        new Location(
                                record.partition(),
                                record.offset(),
                                ChangeRecords.header(record, ChangeRecords.ID_HEADER)));
            } else {
                latest.byKey.remove(record.key());
            }
        });
        return latest;
    }

    boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** Whether {@code record} is the latest public event of its key, and the public log does not hold it yet. */
    boolean missingFrom(PublicKeys held, ConsumerRecord<String, byte[]> record) {
        Location location = byKey.get(record.key());
        return location != null
                && location.partition() == record.partition()
                && location.offset() == record.offset()
                && !held.holds(record.key(), location.eventId());
    }

    /** How many latest public events the public log does not hold yet. */
    long countMissingFrom(PublicKeys held) {
        return byKey.entrySet().stream()
                .filter(entry -> !held.holds(entry.getKey(), entry.getValue().eventId()))
                .count();
    }
}
