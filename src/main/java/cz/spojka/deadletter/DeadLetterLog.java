package cz.spojka.deadletter;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import cz.spojka.changelog.ChangeLog;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.system.PhasedLifecycle;
import cz.spojka.system.SpojkaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter topic and its replay log on Kafka. At start-up, after the change log created the topics, it creates
 * the compacted replay log ({@code <dead-letter topic>.replays}, keyed by letter id, each value every replay of that
 * letter) and reads both back into the {@link DeadLetterIndex}; afterwards the publisher tells the index of each new
 * letter, and {@link #refresh} catches up with the topic (letters written elsewhere, letters the retention removed).
 */
final class DeadLetterLog extends PhasedLifecycle {

    /** After the change log has created the dead-letter topic, before the materializer and the connectors. */
    static final int PHASE = ChangeLog.PHASE + 50;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterLog.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<Replay>> REPLAYS = new TypeReference<>() {};

    private final KafkaClients clients;
    private final SpojkaProperties.Kafka config;
    private final DeadLetterIndex index;
    /** Where the index has read the letters topic up to, by partition. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();

    private KafkaProducer<String, byte[]> producer;

    DeadLetterLog(KafkaClients clients, SpojkaProperties.Kafka config, DeadLetterIndex index) {
        super(PHASE);
        this.clients = clients;
        this.config = config;
        this.index = index;
    }

    static String replaysTopic(String deadletterTopic) {
        return deadletterTopic + ".replays";
    }

    String replaysTopic() {
        return replaysTopic(config.deadletterTopic());
    }

    @Override
    protected void startUp() {
        createReplaysTopic();
        long started = System.nanoTime();
        readReplays();
        refresh();
        log.info(
                "Dead-letter log {}: {} letters indexed in {} ms",
                config.deadletterTopic(),
                index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    protected synchronized void shutDown() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** Reads the letters written since the last look, and forgets those the topic's retention has removed. */
    synchronized void refresh() {
        try (KafkaConsumer<String, byte[]> consumer = clients.byteConsumer("spojka-deadletter-index")) {
            List<TopicPartition> partitions = partitions(consumer, config.deadletterTopic());
            consumer.assign(partitions);
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                index.expire(partition.partition(), first.get(partition));
                consumer.seek(partition, Math.max(first.get(partition), positions.getOrDefault(partition, 0L)));
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    index.add(LetterSummary.of(record.partition(), record.offset(), letter(record), header(record)));
                }
            }
            partitions.forEach(p -> positions.put(p, consumer.position(p)));
        }
    }

    /** The whole letter, or {@code null} when the topic no longer has it. */
    DeadLetter read(LetterSummary summary) {
        TopicPartition partition = new TopicPartition(config.deadletterTopic(), summary.partition());
        try (KafkaConsumer<String, byte[]> consumer = clients.byteConsumer("spojka-deadletter-reader")) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (summary.offset() < consumer.beginningOffsets(List.of(partition)).get(partition)
                    || summary.offset() >= end) {
                return null;
            }
            consumer.seek(partition, summary.offset());
            while (consumer.position(partition) <= summary.offset()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == summary.offset()) {
                        return letter(record);
                    }
                }
            }
            return null;
        }
    }

    /** Records a replay durably, then in the index: the replay log keeps every replay of the letter. */
    synchronized void recordReplay(Replay replay) {
        List<Replay> all = new java.util.ArrayList<>(index.replays(replay.letterId()));
        all.add(replay);
        if (producer == null) {
            producer = clients.byteProducer("spojka-deadletter-replays");
        }
        try {
            producer.send(new ProducerRecord<>(replaysTopic(), replay.letterId(), JSON.writeValueAsBytes(all)))
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not record the replay of dead letter " + replay.letterId() + " in " + replaysTopic() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a replay in " + replaysTopic(), e);
        }
        index.putReplays(replay.letterId(), all);
    }

    private void readReplays() {
        try (KafkaConsumer<String, byte[]> consumer = clients.byteConsumer("spojka-deadletter-replays")) {
            List<TopicPartition> partitions = partitions(consumer, replaysTopic());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() != null) {
                        index.putReplays(record.key(), JSON.readValue(record.value(), REPLAYS));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A replay in " + replaysTopic() + " is not readable: " + e.getMessage(), e);
        }
    }

    private void createReplaysTopic() {
        NewTopic topic = new NewTopic(replaysTopic(), config.partitions(), config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        clients.createTopicsIfMissing(List.of(topic));
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        try {
            return DeadLetterPublisher.read(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Dead letter " + LetterSummary.id(record.partition(), record.offset()) + " is not readable: "
                            + e.getMessage(),
                    e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(DeadLetterPublisher.REPLAY_OF_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }
}
