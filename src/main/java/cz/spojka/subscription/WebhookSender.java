package cz.spojka.subscription;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one change event to a subscriber with the CloudEvents HTTP binding in <em>structured</em> mode: the body is
 * the whole event as JSON ({@code application/cloudevents+json}), its data the event's JSON object. Structured mode
 * keeps every attribute, among them IRIs with non-ASCII characters, in the UTF-8 body rather than in HTTP headers,
 * and the signature then covers all of them.
 */
final class WebhookSender {

    static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE + "; charset=UTF-8";
    static final String SUBSCRIPTION_HEADER = "X-Spojka-Subscription";
    static final String ATTEMPT_HEADER = "X-Spojka-Delivery-Attempt";

    private static final JsonFormat FORMAT =
            (JsonFormat) EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** One attempt; the answer is logged as a {@link DeliveryLog.Delivery}. */
    DeliveryLog.Delivery send(Subscription subscription, CloudEvent event, int attempt, boolean last) {
        byte[] body = FORMAT.serialize(event);
        HttpRequest request = HttpRequest.newBuilder(subscription.callbackUrl())
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header(Signature.HEADER, Signature.of(subscription.secret(), body))
                .header(SUBSCRIPTION_HEADER, subscription.id())
                .header(ATTEMPT_HEADER, String.valueOf(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Instant at = Instant.now();
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = status / 100 == 2 ? null : "the subscriber answered " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        String outcome = error == null ? "delivered" : last ? "suspended" : "failed";
        return new DeliveryLog.Delivery(
                at,
                event.getId(),
                event.getType(),
                event.getSubject(),
                attempt,
                status,
                outcome,
                error,
                (System.nanoTime() - started) / 1_000_000);
    }
}
