package cz.spojka.subscription;

import cz.spojka.changelog.KafkaClients;
import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A subscription's position on the change log: the committed offsets of its own Kafka consumer group
 * ({@link Subscription#consumerGroup}). Kafka keeps them, beside the log they point into, so they survive restarts
 * of the hub and need no store of their own. The workers commit through their consumer; this class starts, resumes
 * and forgets the position.
 */
final class SubscriptionOffsets {

    private SubscriptionOffsets() {}

    /**
     * Commits the log's current end for a new subscription, before it is confirmed: it then receives exactly the
     * events published after its creation, however late its worker starts.
     */
    static void startAtEnd(KafkaClients clients, String topic, Subscription subscription) {
        try (KafkaConsumer<String, CloudEvent> consumer =
                clients.eventConsumer("spojka-subscription-" + subscription.id(), subscription.consumerGroup(), 1)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> end.put(p, new OffsetAndMetadata(offset)));
            consumer.commitSync(end);
        }
    }

    /** Assigns every partition of the log and seeks each to the committed offset (its end where none is). */
    static void resume(KafkaConsumer<String, CloudEvent> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    /** Deletes the consumer group of a deleted subscription. */
    static void forget(KafkaClients clients, Subscription subscription) {
        try (Admin admin = clients.admin()) {
            admin.deleteConsumerGroups(List.of(subscription.consumerGroup()))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot delete the consumer group " + subscription.consumerGroup() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting " + subscription.consumerGroup(), e);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }
}
