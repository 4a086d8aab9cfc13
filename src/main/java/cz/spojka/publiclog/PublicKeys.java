package cz.spojka.publiclog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The keys the public change log holds (its latest record of the key is an event, not a tombstone), each with the id
 * ({@code ce_id}) of that event. Read from the topic at the start of each copy session, after the session's
 * transactional producer has fenced off and aborted whatever an earlier one left open, and kept current as the
 * session writes. It decides which tombstones of the change log are copied: only those of keys the public log holds,
 * so that a tombstone never names an entity of a dataset the public may not read.
 */
final class PublicKeys {

    private final Map<String, String> eventIdByKey = new HashMap<>();

    static PublicKeys read(KafkaConsumer<String, byte[]> consumer, String publicTopic) {
        PublicKeys keys = new PublicKeys();
        Map<TopicPartition, Long> end = consumer.endOffsets(ChangeRecords.assignAll(consumer, publicTopic));
        ChangeRecords.readUntil(consumer, end, record -> {
            if (record.value() == null) {
                keys.eventIdByKey.remove(record.key());
            } else {
                keys.eventIdByKey.put(record.key(), ChangeRecords.header(record, ChangeRecords.ID_HEADER));
            }
        });
        return keys;
    }

    void put(String key, String eventId) {
        eventIdByKey.put(key, eventId);
    }

    /** Forgets the key; true when the public log held it. */
    boolean remove(String key) {
        return eventIdByKey.remove(key) != null;
    }

    /** Whether the public log's latest event of the key is the one with this id. */
    boolean holds(String key, String eventId) {
        return eventId != null && eventId.equals(eventIdByKey.get(key));
    }

    Set<String> keys() {
        return Set.copyOf(eventIdByKey.keySet());
    }

    int size() {
        return eventIdByKey.size();
    }
}
