package cz.spojka.subscription;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The newest delivery attempts of one subscription, in memory: what its subscriber was sent and answered. */
final class DeliveryLog {

    /**
     * One attempt to deliver one event.
     *
     * @param at when the attempt started
     * @param eventId the CloudEvent id, the same on every attempt of the event
     * @param attempt 1 for the first attempt of the event
     * @param status the subscriber's HTTP status; {@code null} when no answer came (refused, timed out)
     * @param outcome {@code delivered} (2xx), {@code failed} (retried later) or {@code suspended} (the last attempt
     *     failed; the subscription is suspended)
     * @param error why it failed; {@code null} when delivered
     */
    record Delivery(
            Instant at,
            String eventId,
            String type,
            String subject,
            int attempt,
            Integer status,
            String outcome,
            String error,
            long millis) {}

    private final int size;
    private final Deque<Delivery> newestFirst = new ArrayDeque<>();

    DeliveryLog(int size) {
        this.size = size;
    }

    synchronized void add(Delivery delivery) {
        newestFirst.addFirst(delivery);
        if (newestFirst.size() > size) {
            newestFirst.removeLast();
        }
    }

    synchronized List<Delivery> newestFirst() {
        return List.copyOf(newestFirst);
    }
}
