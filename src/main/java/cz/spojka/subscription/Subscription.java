package cz.spojka.subscription;

import cz.spojka.access.Caller;
import cz.spojka.access.Role;
import java.net.URI;
import java.time.Instant;

/**
 * A webhook subscription: matching change events are delivered to {@code callbackUrl}, signed with {@code secret}.
 *
 * @param id the subscription's id, also the name of its Kafka consumer group ({@code spojka-subscription-<id>})
 * @param owner the agency the subscription belongs to, whose access decides what it is delivered; {@code null} for a
 *     public-only subscription (one an administrator created without an owner, or one stored before owners existed)
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
        String owner,
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

    /** Whether {@code caller} may see and manage it: an administrator every one, an agency its own. */
    boolean managedBy(Caller caller) {
        return caller.role().includes(Role.ADMIN)
                || (caller.agency() != null && caller.agency().equals(owner));
    }

    String consumerGroup() {
        return "spojka-subscription-" + id;
    }

    Subscription suspended(Instant at, String reason) {
        return new Subscription(id, owner, filter, callbackUrl, secret, createdAt, Status.suspended, at, reason);
    }

    Subscription resumed() {
        return new Subscription(id, owner, filter, callbackUrl, secret, createdAt, Status.active, null, null);
    }
}
