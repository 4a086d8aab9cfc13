package cz.spojka.bench.crash;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on {@code spojka.changes}, read with a plain consumer from the beginning to the end: the latest state of
 * every entity, and every event that repeats a source change. An event repeats one when it creates an entity that
 * exists, updates an entity to the hash it already has, deletes an entity that does not exist, or carries a notice
 * version an earlier event of that notice carried already.
 */
final class ChangeLogAudit {

    static final Pattern NOTICE_KEY = Pattern.compile("/info/(\\d+)$");
    private static final Pattern VERSION = Pattern.compile("crash\\.example/notice/(\\d+)\\?verze=(\\d+)");

    /** The latest state of an entity on the log: its event time and, for a notice, its version. */
    record State(Instant time, Integer version, String hash) {}

    final Map<String, State> latest = new HashMap<>();
    final List<String> duplicates = new ArrayList<>();
    long events;
    long tombstones;

    static ChangeLogAudit read(String bootstrapServers, String topic) {
        ChangeLogAudit audit = new ChangeLogAudit();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "crash-bench-audit",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    audit.accept(record);
                }
            }
        }
        return audit;
    }

    private final Map<String, Set<Integer>> versionsSeen = new HashMap<>();

    private void accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            tombstones++;
            return;
        }
        events++;
        String key = record.key();
        String type = header(record, "ce_type");
        String where = record.partition() + "@" + record.offset() + " " + key;
        State before = latest.get(key);
        if (type.endsWith(".deleted")) {
            if (before == null) {
                duplicates.add(where + ": deleted, but it did not exist");
            }
            latest.remove(key);
            return;
        }
        String hash = header(record, "ce_entityhash");
        Integer version = null;
        Matcher m = VERSION.matcher(new String(record.value(), StandardCharsets.UTF_8));
        if (m.find()) {
            version = Integer.valueOf(m.group(2));
        }
        if (type.endsWith(".created") && before != null) {
            duplicates.add(where + ": created, but it existed");
        } else if (type.endsWith(".updated") && before != null && before.hash().equals(hash)) {
            duplicates.add(where + ": updated to the hash it had");
        }
        if (version != null && !versionsSeen.computeIfAbsent(key, k -> new HashSet<>()).add(version)) {
            duplicates.add(where + ": version " + version + " published again");
        }
        Instant time = OffsetDateTime.parse(header(record, "ce_time")).toInstant();
        latest.put(key, new State(time, version, hash));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
