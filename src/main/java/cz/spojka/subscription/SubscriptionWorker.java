package cz.spojka.subscription;

import cz.spojka.access.Caller;
import cz.spojka.system.SpojkaProperties;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one subscription's events, in log order, on a thread of its own: it reads the change log from the
 * subscription's committed offsets (its Kafka consumer group), passes over the events its owner may not read at that
 * moment ({@link DeliveryAccess}), sends each matching event until the subscriber
 * answers 2xx, and only then commits past it. An event keeps its CloudEvent id on every attempt. Failed attempts are
 * retried after an exponential backoff; when the last attempt fails, the subscription is suspended and its offset
 * stays at that event, so resuming it delivers the event and everything after it. Stopping lets a delivery in flight
 * finish (and commit) but cuts a backoff short, so a restart neither repeats nor skips an event.
 */
final class SubscriptionWorker {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    /** How long a poll waits for new events; a stop is noticed after at most this long. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** How long a worker whose consumer failed waits before it reads the log again. */
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);

    private enum Outcome {
        DELIVERED,
        GAVE_UP,
        STOPPED
    }

    private final Subscription subscription;
    private final DeliverySettings settings;
    private final SpojkaProperties.Subscriptions config;
    private final DeliveryLog deliveries;
    private final BiConsumer<Instant, String> onSuspend;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private DeliveryLog.Delivery lastAttempt;

    /**
     * @param onSuspend called on the worker's thread with the time and the reason when the last attempt of an event
     *     failed or the subscription's owner turned out disabled, after the worker has committed everything before
     *     that event and before it ends
     */
    SubscriptionWorker(
            Subscription subscription,
            DeliverySettings settings,
            DeliveryLog deliveries,
            BiConsumer<Instant, String> onSuspend) {
        this.subscription = subscription;
        this.settings = settings;
        this.config = settings.config();
        this.deliveries = deliveries;
        this.onSuspend = onSuspend;
        this.thread = new Thread(this::run, "spojka-subscription-" + subscription.id());
    }

    void start() {
        thread.start();
    }

    /**
     * Asks the worker to stop and waits until it has: a delivery in flight is finished and committed first (the
     * consumer is never woken up, since that would fail the commit after a delivery the subscriber already has).
     */
    void stop() {
        stopping.countDown();
        try {
            thread.join(config.timeout().plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    /**
     * Delivers until stopped or suspended. A failure of Kafka (the broker unreachable, a commit refused) ends the
     * consumer, not the subscription: the worker starts again from the committed offsets after a pause.
     */
    private void run() {
        try {
            if (!settings.access().awaitClassified(stopping)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        while (!stopped()) {
            try (KafkaConsumer<String, CloudEvent> consumer = settings.clients()
                    .eventConsumer("spojka-subscription-" + subscription.id(), subscription.consumerGroup(), 100)) {
                SubscriptionOffsets.resume(consumer, settings.topic());
                while (deliverNext(consumer)) {
                    // one poll after the other, until stopped or suspended
                }
                return;
            } catch (RuntimeException e) {
                log.error(
                        "Subscription {}: reading the change log failed, starting again from the committed offsets"
                                + " in {} s: {}",
                        subscription.id(),
                        RESTART_PAUSE.toSeconds(),
                        e.getMessage(),
                        e);
                if (pause(RESTART_PAUSE)) {
                    return;
                }
            }
        }
    }

    /** Delivers what one poll returned; false when the worker must end (stopping, or the subscription suspended). */
    private boolean deliverNext(KafkaConsumer<String, CloudEvent> consumer) {
        Map<TopicPartition, OffsetAndMetadata> passed = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(POLL)) {
            if (stopped()) {
                break;
            }
            CloudEvent event = record.value();
            boolean matching = event != null && subscription.filter().matches(event);
            Optional<Caller> caller = matching ? settings.access().callerOf(subscription) : Optional.empty();
            if (matching && caller.isEmpty()) {
                commit(consumer, passed);
                onSuspend.accept(
                        Instant.now(),
                        "the agency '" + subscription.owner()
                                + "' that owns the subscription is disabled or no longer exists");
                return false;
            }
            matching = matching && settings.access().mayReceive(caller.get(), event);
            Outcome outcome = matching ? deliver(event) : Outcome.DELIVERED;
            if (outcome != Outcome.DELIVERED) {
                commit(consumer, passed);
                if (outcome == Outcome.GAVE_UP) {
                    onSuspend.accept(
                            lastAttempt.at(),
                            "event " + lastAttempt.eventId() + " not delivered in " + lastAttempt.attempt()
                                    + " attempts; last: " + lastAttempt.error());
                }
                return false;
            }
            passed.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            if (matching) {
                // Committed before the next event is sent: a restart must not deliver this one again.
                commit(consumer, passed);
            }
        }
        commit(consumer, passed);
        return !stopped();
    }

    private Outcome deliver(CloudEvent event) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= config.maxAttempts();
            DeliveryLog.Delivery delivery = settings.sender().send(subscription, event, attempt, last);
            deliveries.add(delivery);
            lastAttempt = delivery;
            if (delivery.error() == null) {
                return Outcome.DELIVERED;
            }
            log.warn(
                    "Subscription {}: delivery {} of event {} to {} failed: {}",
                    subscription.id(),
                    attempt,
                    event.getId(),
                    subscription.callbackUrl(),
                    delivery.error());
            if (last) {
                return Outcome.GAVE_UP;
            }
            if (pause(backoff(config, attempt + 1))) {
                return Outcome.STOPPED;
            }
        }
    }

    /** Waits {@code wait}; true when the worker was asked to stop meanwhile. */
    private boolean pause(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The wait before {@code attempt} (2 or more): the initial backoff, doubled per further attempt, capped. */
    static Duration backoff(SpojkaProperties.Subscriptions config, int attempt) {
        Duration wait = config.initialBackoff();
        for (int i = 2; i < attempt && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private void commit(KafkaConsumer<String, CloudEvent> consumer, Map<TopicPartition, OffsetAndMetadata> passed) {
        if (!passed.isEmpty()) {
            consumer.commitSync(passed);
            passed.clear();
        }
    }
}
