package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the tests of webhook subscriptions send a hub: calls of {@code /api/subscriptions} with the admin key of the
 * demo configuration, and citizen reports pushed to the {@code citizen-reports} webhook connector (the real sample
 * with another id each time), each of which publishes a {@code cz.spojka.citizen-report.created} event.
 */
final class SubscriptionsApi {

    static final String ADMIN_KEY = "demo-admin";
    static final String REPORT_CREATED = "cz.spojka.citizen-report.created";
    static final String BRNO = "44992785";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    SubscriptionsApi(int port) {
        this.port = port;
    }

    HttpResponse<String> call(String method, String path, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, UTF_8))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode admin(String method, String path, String body) {
        HttpResponse<String> response = call(method, path, body, ADMIN_KEY);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    /** Creates a subscription of {@code subscriber} to the given filter (JSON) and returns its id. */
    String subscribe(WebhookSubscriber subscriber, String secret, String filter) {
        return admin(
                        "POST",
                        "/api/subscriptions",
                        "{\"callbackUrl\":\"" + subscriber.url() + "\",\"secret\":\"" + secret + "\",\"filter\":"
                                + filter + "}")
                .get("id")
                .asText();
    }

    JsonNode subscription(String id) {
        return admin("GET", "/api/subscriptions/" + id, null);
    }

    JsonNode deliveries(String id) {
        return admin("GET", "/api/subscriptions/" + id + "/deliveries", null);
    }

    /** Pushes one citizen report of Brno with the given id; the hub answers once it has published it. */
    void pushReport(String reportId) {
        String report = new String(AgendaSystem.sample("citizen-reports", "request-638344.json"), UTF_8)
                .replace("\"service_request_id\":\"638344\"", "\"service_request_id\":\"" + reportId + "\"");
        HttpResponse<String> response = call("POST", "/ingest/citizen-reports", report, "demo-key");
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "The push of report " + reportId + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String reportIri(String reportId) {
        return TestHub.BASE_IRI + "zdroj/podnety/" + BRNO + "/podnět/" + reportId;
    }

    private static JsonNode read(String body) {
        try {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
