package cz.spojka.subscription;

import java.net.URI;
import java.time.Instant;

/**
 * A webhook subscription: matching change events are delivered to {@code callbackUrl}, signed with {@code secret}.
 *
 * @param id the subscription's id, also the name of its Kafka consumer group ({@code spojka-subscription-<id>})
 * @param filter which events it receives
 * @param callbackUrl where events are POSTed
 * @param secret the HMAC-SHA256 key of the signatures; never shown by the API
 * @param createdAt when it was created: it receives the events published from then on
 * @param status {@code active}, or {@code suspended} after an event could not be delivered in the configured attempts
 * @param suspendedAt when it was suspended; {@code null} while active
 * @param suspendedReason the last failure of the event it was suspended at; {@code null} while active
 */
record Subscription(
        String id,
        EventFilter filter,
        URI callbackUrl,
        String secret,
        Instant createdAt,
        Status status,
        Instant suspendedAt,
        String suspendedReason) {

    enum Status {
        active,
        suspended
    }

    String consumerGroup() {
        return "spojka-subscription-" + id;
    }

    Subscription suspended(Instant at, String reason) {
        return new Subscription(id, filter, callbackUrl, secret, createdAt, Status.suspended, at, reason);
    }

    Subscription resumed() {
        return new Subscription(id, filter, callbackUrl, secret, createdAt, Status.active, null, null);
    }
}
