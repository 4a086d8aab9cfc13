package cz.spojka.changelog;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the hub's Kafka clients, all configured in one place against one bootstrap address (the in-process broker
 * or an external cluster). The address is looked up when a client is created, after the broker has started.
 */
public final class KafkaClients {

    private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

    /** How long a health check waits for the broker before it reports it unreachable. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Supplier<String> bootstrapServers;
    private final Duration publishTimeout;

    public KafkaClients(Supplier<String> bootstrapServers) {
        this(bootstrapServers, Duration.ofMinutes(2));
    }

    /**
     * @param publishTimeout how long a send may wait for the broker ({@code delivery.timeout.ms}, {@code
     *     max.block.ms}), and a consumer's blocking call ({@code default.api.timeout.ms})
     */
    public KafkaClients(Supplier<String> bootstrapServers, Duration publishTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.publishTimeout = publishTimeout;
    }

    public String bootstrapServers() {
        return bootstrapServers.get();
    }

    public Admin admin() {
        return Admin.create(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                CommonClientConfigs.CLIENT_ID_CONFIG,
                "spojka-admin"));
    }

    /**
     * Creates each topic that does not exist yet; one that exists is left as it is.
     *
     * @throws IllegalStateException naming the topic and the broker when the broker refuses
     */
    public void createTopicsIfMissing(List<NewTopic> topics) {
        try (Admin admin = admin()) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    log.info("Created topic {}", topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "Cannot create Kafka topic " + topic.name() + " on " + bootstrapServers() + ": "
                                        + e.getCause().getMessage(),
                                e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka topics", e);
        }
    }

    /** Idempotent, acks from all replicas: a retried send never writes a record twice. */
    public KafkaProducer<String, byte[]> byteProducer(String clientId) {
        return new KafkaProducer<>(producerConfig(clientId), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A transactional producer (idempotent, acks from all replicas): what it sends in one transaction, together with
     * the consumer offsets sent with it, becomes visible to {@code read_committed} consumers all at once or not at
     * all. A producer with the same {@code transactionalId} that starts later fences this one off.
     */
    public KafkaProducer<String, byte[]> transactionalProducer(String clientId, String transactionalId) {
        Map<String, Object> config = producerConfig(clientId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer that is assigned partitions by hand and keeps its offsets itself (no group, no commits). */
    public KafkaConsumer<String, CloudEvent> eventConsumer(String clientId, int maxPollRecords) {
        return new KafkaConsumer<>(
                consumerConfig(clientId, maxPollRecords), new StringDeserializer(), new CloudEventDeserializer());
    }

    /**
     * A consumer assigned partitions by hand that commits its offsets to {@code groupId}: Kafka keeps its position
     * (a webhook subscription's), and it never joins the group's rebalancing.
     */
    public KafkaConsumer<String, CloudEvent> eventConsumer(String clientId, String groupId, int maxPollRecords) {
        Map<String, Object> config = consumerConfig(clientId, maxPollRecords);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer());
    }

    public KafkaConsumer<String, byte[]> byteConsumer(String clientId) {
        return new KafkaConsumer<>(
                consumerConfig(clientId, 5000), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A consumer of raw records assigned partitions by hand whose offsets are committed to {@code groupId}, by itself
     * or by a transactional producer ({@code sendOffsetsToTransaction}); it never joins the group's rebalancing.
     */
    public KafkaConsumer<String, byte[]> byteConsumer(String clientId, String groupId) {
        Map<String, Object> config = consumerConfig(clientId, 5000);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A consumer for health checks, whose calls give up after a few seconds while the broker is unreachable. */
    public KafkaConsumer<String, byte[]> probeConsumer(String clientId) {
        Map<String, Object> config = consumerConfig(clientId, 1);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        // A broker that is away fails a publish after publishTimeout rather than the producer's defaults (120 s to
        // deliver, 60 s blocked in send() per record without metadata); the run fails and the next run retries.
        int timeout = (int) publishTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout / 2));
        return config;
    }

    private Map<String, Object> consumerConfig(String clientId, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) publishTimeout.toMillis());
        return config;
    }
}
