package cz.spojka.publiclog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Reading and copying the raw records of the change log: the CloudEvent headers the copy decides by, a record copied
 * unchanged (key, headers, value, timestamp) to another topic, a tombstone, and reading a topic from its beginning
 * up to a position.
 */
final class ChangeRecords {

    static final String GRAPH_HEADER = "ce_graph";
    static final String ID_HEADER = "ce_id";
    private static final Duration POLL = Duration.ofMillis(500);

    private ChangeRecords() {}

    /** The value of a header as UTF-8 text, or null when the record has none (a tombstone has no headers). */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /** The same record on {@code topic}: the same key, so the same partition when the topics have as many. */
    static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String topic) {
        return new ProducerRecord<>(
                topic,
                null,
                record.timestamp(),
                record.key(),
                record.value(),
                new RecordHeaders(record.headers().toArray()));
    }

    static ProducerRecord<String, byte[]> tombstone(String topic, String key) {
        return new ProducerRecord<>(topic, key, null);
    }

    /** The partitions of {@code topic}, which the consumer is then assigned. */
    static List<TopicPartition> assignAll(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        return partitions;
    }

    /**
     * Hands every record of the assigned partitions from their beginning up to (not including) {@code until} to
     * {@code sink}, in log order per partition.
     */
    static void readUntil(
            KafkaConsumer<String, byte[]> consumer,
            Map<TopicPartition, Long> until,
            Consumer<ConsumerRecord<String, byte[]>> sink) {
        consumer.seekToBeginning(until.keySet());
        while (until.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
                    sink.accept(record);
                }
            }
        }
    }
}
