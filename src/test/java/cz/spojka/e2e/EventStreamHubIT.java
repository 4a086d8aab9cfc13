package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub behind {@code /events} and {@code /dashboard}, shared by their integration tests: the real connectors
 * {@code golemio-ovzdusi} (15 Prague air-quality stations: 99 entities), {@code uredni-deska-edesky} (Chrudim: a
 * board and 43 notices), {@code citizen-reports-poll} (Ostrava: the GeoReport v2 spec's two example requests, located
 * in San Francisco, and their kind) polled from WireMock, and the webhook {@code citizen-reports} (Brno), to which the
 * tests push. Small limits make the limits testable: 4 clients, a heartbeat every 500 ms.
 */
abstract class EventStreamHubIT extends HubUnderTest {

    static final String WEBHOOK = "citizen-reports";
    static final String POLL = "citizen-reports-poll";
    static final String AIR = "golemio-ovzdusi";
    static final int MAX_CLIENTS = 4;
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final ObjectMapper JSON = new ObjectMapper();

    private static final AgendaSystem AGENDA = new AgendaSystem().start();
    private static final TestHub HUB = TestHub.onFreePorts(
                    TestHub.tempDir("spojka-events-it-"),
                    AgendaSystem.connectors(WEBHOOK, POLL, AIR, AgendaSystem.EDESKY))
            .withAgenda(AGENDA.baseUrl());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        AGENDA.serve("/" + POLL + "/requests.json", AgendaSystem.sample(POLL, "requests.json"), "application/json");
        AGENDA.serve(
                "/" + AIR + "/airqualitystations.json",
                AgendaSystem.sample(AIR, "airqualitystations.json"),
                "application/geo+json");
        HUB.register(registry);
        registry.add("spojka.events.max-clients", () -> MAX_CLIENTS);
        registry.add("spojka.events.heartbeat", () -> HEARTBEAT.toMillis() + "ms");
    }

    /** Every test starts with the polls of start-up published and no client of an earlier test still counted. */
    @BeforeEach
    void startupPublishedAndNoClientLeft() {
        TestHub.awaitFirstRuns(connectors, List.of(POLL, AIR, AgendaSystem.EDESKY));
        awaitClients(0);
    }

    EventStream stream(String query) {
        return EventStream.open(port, query);
    }

    /** The change events a stream replays before it goes live. */
    List<SseFrame> replay(String query) {
        try (EventStream stream = stream(query)) {
            return stream.untilLive();
        }
    }

    /**
     * A service request as Brno's agenda system pushes it: the GeoReport v2 spec's example request with another id,
     * kind, description and place.
     */
    static ObjectNode report(String id, String kindCode, String kindName, String description, double lat, double lon) {
        try {
            ObjectNode request = (ObjectNode) JSON.readTree(AgendaSystem.sample(WEBHOOK, "request-638344.json"))
                    .get(0);
            return request.put("service_request_id", id)
                    .put("service_code", kindCode)
                    .put("service_name", kindName)
                    .put("status", "open")
                    .put("description", description)
                    .put("requested_datetime", Instant.now().toString())
                    .put("updated_datetime", Instant.now().toString())
                    .put("lat", lat)
                    .put("long", lon);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes the requests to the webhook connector; returns when the hub has published them. */
    void push(ObjectNode... requests) {
        ArrayNode body = JSON.createArrayNode();
        for (ObjectNode request : requests) {
            body.add(request);
        }
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/" + WEBHOOK))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "demo-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** The value of a metric at {@code /actuator/metrics/<name>}. */
    double metric(String name) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics/" + name))
                        .header("X-Api-Key", HubApi.ADMIN_KEY)
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).at("/measurements/0/value").asDouble();
    }

    void awaitClients(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("spojka.events.clients") == count);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
