package cz.spojka.changelog;

import cz.spojka.system.EmbeddedKafkaBroker;
import cz.spojka.system.PhasedLifecycle;
import cz.spojka.system.SpojkaProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the change log at start-up, after the broker and before any producer or consumer: creates the topics
 * when they are missing ({@code spojka.changes} compacted, {@code spojka.deadletter} kept for 30 days) and reads
 * the index of published states back from the change log.
 */
public class ChangeLog extends PhasedLifecycle {

    public static final int PHASE = EmbeddedKafkaBroker.PHASE + 100;
    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);
    private static final Duration DEADLETTER_RETENTION = Duration.ofDays(30);
    /** A consumer (a dashboard, an external materializer) that lags less than this never misses a deletion. */
    private static final Duration TOMBSTONE_RETENTION = Duration.ofDays(7);

    private final KafkaClients clients;
    private final SpojkaProperties.Kafka config;
    private final ChangeLogIndex index;

    public ChangeLog(KafkaClients clients, SpojkaProperties.Kafka config, ChangeLogIndex index) {
        super(PHASE);
        this.clients = clients;
        this.config = config;
        this.index = index;
    }

    @Override
    protected void startUp() {
        createTopics();
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = clients.byteConsumer("spojka-index")) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.changesTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            index.load(consumer, partitions, Duration.ofMillis(500));
        }
        index.catchUpWith(this::catchUp);
        log.info(
                "Change log {}: {} entities indexed in {} ms",
                config.changesTopic(),
                index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads what a failed publish may have written after all; fails while the broker cannot be reached. */
    private void catchUp(ChangeLogIndex index) {
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = clients.byteConsumer("spojka-index")) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.changesTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            index.catchUp(consumer, partitions, Duration.ofMillis(500));
        } catch (RuntimeException e) {
            throw ChangeLogUnavailableException.of(
                    "Cannot read the change log " + config.changesTopic() + " on " + clients.bootstrapServers()
                            + " to learn what an earlier failed publish wrote; nothing is published until it can"
                            + " be read: " + e.getMessage(),
                    e);
        }
        log.info(
                "Change log {}: read again after a failed publish, {} entities indexed, in {} ms",
                config.changesTopic(),
                index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void createTopics() {
        NewTopic changes = new NewTopic(config.changesTopic(), config.partitions(), config.replicationFactor())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.DELETE_RETENTION_MS_CONFIG,
                        String.valueOf(TOMBSTONE_RETENTION.toMillis())));
        NewTopic deadletters = new NewTopic(config.deadletterTopic(), config.partitions(), config.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(DEADLETTER_RETENTION.toMillis())));
        clients.createTopicsIfMissing(List.of(changes, deadletters));
    }

    /** Nothing to release: the topics and the index stay as they are. */
    @Override
    protected void shutDown() {}
}
