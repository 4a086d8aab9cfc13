package cz.spojka.e2e;

import static cz.spojka.e2e.EventStream.FROM_THE_BEGINNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The classification of the datasets on {@code /events} and webhook subscriptions, for every kind of caller: the
 * anonymous public, the demo agency granted the fill level of containers, an agency granted nothing, one whose grant
 * has expired, a revoked key, and the administrator.
 *
 * <p>A first hub loads the connectors while the agenda systems do not answer yet, so nothing is published, and gets
 * the subscriptions: a public-only one from the administrator (whose stored file then loses its {@code owner}, as a
 * subscription stored before owners existed), one of the demo agency, and one of an agency whose grant expires
 * before the second hub starts. The second hub's start-up polls publish 362 events: air quality (public, 99
 * entities), the fill level of containers (restricted, granted to the demo agency: 188) and parking (internal, 75).
 * Each subscriber, a real HTTP server, receives exactly what its owner may read.
 */
class EventsAccessIT {

    private static final String SECRET = "a-shared-secret-of-the-agency";
    private static final String ADMIN = SubscriptionsApi.ADMIN_KEY;
    private static final String DEMO_AGENCY = "demo-agency-key";
    private static final String AIR = "golemio-ovzdusi";
    private static final String CONTAINERS = "golemio-kontejnery";
    private static final String PARKING = "golemio-parkoviste";
    private static final String AIR_DATASET = "kvalita-ovzdusi";
    private static final String CONTAINERS_DATASET = "zaplnenost-nadob";
    private static final String PARKING_DATASET = "obsazenost-parkovist";
    private static final int AIR_ENTITIES = 99;
    private static final int CONTAINER_ENTITIES = 188;
    private static final int PARKING_ENTITIES = 75;
    private static final String POLLED = "dataset=" + AIR_DATASET + "," + CONTAINERS_DATASET + "," + PARKING_DATASET;
    private static final Duration CALLER_REFRESH = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgendaSystem AGENDA = new AgendaSystem();
    private static final Path DATA_DIR = TestHub.tempDir("spojka-events-access-it-");

    private static final WebhookSubscriber publicOnly = new WebhookSubscriber(SECRET);
    private static final WebhookSubscriber ofTheDemoAgency = new WebhookSubscriber(SECRET);
    private static final WebhookSubscriber withAnExpiredGrant = new WebhookSubscriber(SECRET);
    private static final WebhookSubscriber forTheDemoAgencyByTheAdmin = new WebhookSubscriber(SECRET);
    private static String publicOnlyId;
    private static String demoAgencyId;
    private static String createdByTheAdminForTheDemoAgency;
    private static String refusedOwner;
    private static String ungrantedKey;
    private static String expiredGrantKey;
    private static ConfigurableApplicationContext hub;
    private static SubscriptionsApi api;
    private static int port;

    @BeforeAll
    static void subscribeThenPublish() throws IOException, InterruptedException {
        AGENDA.start();
        ClassifiedConnectors connectors = new ClassifiedConnectors(
                Map.of("citizen-reports", "public", AIR, "public", CONTAINERS, "restricted", PARKING, "internal"));
        TestHub testHub = TestHub.onFreePorts(DATA_DIR, connectors.dir()).withAgenda(AGENDA.baseUrl());
        Instant grantExpires;
        try (ConfigurableApplicationContext first = testHub.start()) {
            SubscriptionsApi firstApi = new SubscriptionsApi(port(first));
            publicOnlyId = created(firstApi.call("POST", "/api/subscriptions", body(publicOnly, null), ADMIN));
            demoAgencyId =
                    created(firstApi.call("POST", "/api/subscriptions", body(ofTheDemoAgency, null), DEMO_AGENCY));
            createdByTheAdminForTheDemoAgency = created(firstApi.call(
                    "POST", "/api/subscriptions", body(forTheDemoAgencyByTheAdmin, "demo-agency"), ADMIN));
            refusedOwner = firstApi.call("POST", "/api/subscriptions", body(publicOnly, "someone-else"), DEMO_AGENCY)
                    .body();
            ungrantedKey = agencyWithKey(firstApi, "bez-grantu");
            expiredGrantKey = agencyWithKey(firstApi, "kratky-grant");
            grantExpires = Instant.now().plusSeconds(2);
            firstApi.admin(
                    "POST",
                    "/api/grants",
                    "{\"agency\":\"kratky-grant\",\"dataset\":\"" + CONTAINERS_DATASET + "\",\"expiresAt\":\""
                            + grantExpires + "\"}");
            created(firstApi.call("POST", "/api/subscriptions", body(withAnExpiredGrant, null), expiredGrantKey));
        }
        Path stored = DATA_DIR.resolve("subscriptions").resolve(publicOnlyId + ".json");
        ObjectNode withoutOwner = (ObjectNode) JSON.readTree(stored.toFile());
        assertThat(withoutOwner.remove("owner").isNull()).isTrue();
        Files.writeString(stored, withoutOwner.toString());
        while (Instant.now().isBefore(grantExpires)) {
            Thread.sleep(100);
        }

        for (String connector : List.of(AIR, CONTAINERS, PARKING)) {
            String file = Objects.requireNonNull(
                    Path.of("connectors", connector, "samples").toFile().list())[0];
            AGENDA.serve("/" + connector + "/" + file, AgendaSystem.sample(connector, file), "application/json");
        }
        hub = testHub.start(
                "--spojka.events.caller-refresh=" + CALLER_REFRESH.toMillis() + "ms",
                "--spojka.events.heartbeat=" + CALLER_REFRESH.toMillis() + "ms");
        port = port(hub);
        api = new SubscriptionsApi(port);
        Instant started = Instant.ofEpochMilli(hub.getStartupDate());
        Connectors loaded = hub.getBean(Connectors.class);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> List.of(AIR, CONTAINERS, PARKING).stream().allMatch(id -> {
                    RunReport last = loaded.lastRun(id);
                    return last != null && last.succeeded() && last.startedAt().isAfter(started);
                }));
    }

    @AfterAll
    static void stop() {
        hub.close();
        List.of(publicOnly, ofTheDemoAgency, withAnExpiredGrant, forTheDemoAgencyByTheAdmin)
                .forEach(WebhookSubscriber::close);
        AGENDA.stop();
    }

    @Test
    void eachSubscriptionReceivesExactlyWhatItsOwnerMayRead() {
        assertThat(delivered(publicOnly, AIR_ENTITIES)).isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES));
        assertThat(delivered(ofTheDemoAgency, AIR_ENTITIES + CONTAINER_ENTITIES))
                .isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES, CONTAINERS_DATASET, CONTAINER_ENTITIES));
        assertThat(delivered(forTheDemoAgencyByTheAdmin, AIR_ENTITIES + CONTAINER_ENTITIES))
                .isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES, CONTAINERS_DATASET, CONTAINER_ENTITIES));
        assertThat(delivered(withAnExpiredGrant, AIR_ENTITIES))
                .as("the grant expired before the events were delivered")
                .isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES));
        assertThat(api.subscription(publicOnlyId).get("owner").isNull())
                .as("stored without an owner: public-only")
                .isTrue();
        assertThat(api.subscription(demoAgencyId).get("owner").asText()).isEqualTo("demo-agency");
        assertThat(api.subscription(createdByTheAdminForTheDemoAgency)
                        .get("owner")
                        .asText())
                .isEqualTo("demo-agency");
    }

    @Test
    void anAgencySeesOnlyItsOwnSubscriptions() {
        assertThat(refusedOwner)
                .isEqualTo("{\"problems\":[\"owner: 'someone-else': only an administrator creates a subscription for"
                        + " another agency; leave it out for one of your own (demo-agency)\"]}");
        assertThat(ids(api.call("GET", "/api/subscriptions", null, DEMO_AGENCY)))
                .containsExactlyInAnyOrder(demoAgencyId, createdByTheAdminForTheDemoAgency);
        assertThat(ids(api.call("GET", "/api/subscriptions", null, ungrantedKey)))
                .isEmpty();
        assertThat(ids(api.call("GET", "/api/subscriptions", null, ADMIN))).hasSize(4);
        for (String path : List.of("", "/deliveries")) {
            HttpResponse<String> other =
                    api.call("GET", "/api/subscriptions/" + demoAgencyId + path, null, ungrantedKey);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(other.body()).isEqualTo("{\"status\":404,\"error\":\"No subscription '" + demoAgencyId + "'\"}");
        }
        assertThat(api.call("POST", "/api/subscriptions/" + demoAgencyId + "/resume", null, ungrantedKey)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.call("DELETE", "/api/subscriptions/" + demoAgencyId, null, ungrantedKey)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.call("GET", "/api/subscriptions/" + demoAgencyId, null, DEMO_AGENCY)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void eachCallerReplaysExactlyTheDatasetsItMayRead() {
        assertThat(countByDataset(replay(null))).isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES));
        assertThat(countByDataset(replay(DEMO_AGENCY)))
                .isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES, CONTAINERS_DATASET, CONTAINER_ENTITIES));
        assertThat(countByDataset(replay(ungrantedKey))).isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES));
        assertThat(countByDataset(replay(expiredGrantKey))).isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES));
        assertThat(countByDataset(replay(ADMIN)))
                .isEqualTo(Map.of(
                        AIR_DATASET,
                        AIR_ENTITIES,
                        CONTAINERS_DATASET,
                        CONTAINER_ENTITIES,
                        PARKING_DATASET,
                        PARKING_ENTITIES));
        assertThat(replay(null, FROM_THE_BEGINNING + "&dataset=" + CONTAINERS_DATASET + "," + PARKING_DATASET, null))
                .isEmpty();
    }

    @Test
    void resumingAppliesTheSameRule() {
        List<SseFrame> all = replay(DEMO_AGENCY);
        assertThat(all).hasSize(AIR_ENTITIES + CONTAINER_ENTITIES);
        List<SseFrame> rest = replay(DEMO_AGENCY, POLLED, all.get(99).id());
        assertThat(rest).extracting(SseFrame::id).isEqualTo(ids(all.subList(100, all.size())));

        List<SseFrame> anonymous = replay(null);
        List<SseFrame> anonymousRest = replay(null, POLLED, anonymous.get(39).id());
        assertThat(anonymousRest).hasSize(AIR_ENTITIES - 40);
        assertThat(countByDataset(anonymousRest)).isEqualTo(Map.of(AIR_DATASET, AIR_ENTITIES - 40));
    }

    @Test
    void aRevokedKeyIs401() {
        JsonNode issued = api.admin("POST", "/api/agencies/bez-grantu/keys", "{}");
        api.admin("DELETE", "/api/agencies/bez-grantu/keys/" + issued.get("id").asText(), null);
        try (EventStream stream =
                EventStream.open(port, "", null, issued.get("key").asText())) {
            assertThat(stream.response().statusCode()).isEqualTo(401);
        }
    }

    /** A key revoked while its stream is open ends the stream at a heartbeat, though no event comes. */
    @Test
    void aRevokedKeysOpenStreamEndsWithoutWaitingForAnEvent() throws IOException {
        JsonNode issued = api.admin("POST", "/api/agencies/bez-grantu/keys", "{}");
        try (EventStream stream = EventStream.open(
                port, "dataset=nothing-comes", null, issued.get("key").asText())) {
            assertThat(stream.untilLive()).isEmpty();
            api.admin(
                    "DELETE",
                    "/api/agencies/bez-grantu/keys/" + issued.get("id").asText(),
                    null);

            SseFrame last = stream.nextSkippingHeartbeats(Duration.ofSeconds(30));
            assertThat(last.event()).isEqualTo("disconnect");
            assertThat(JSON.readTree(last.data()).get("reason").asText()).isEqualTo("revoked");
        }
    }

    /** The dashboard's own anonymous stream still works, and a disabled agency's open stream ends with the reason. */
    @Test
    void aDisabledAgencysOpenStreamEndsWhileTheAnonymousOneGoesOn() throws InterruptedException {
        String key = agencyWithKey(api, "vypnuta");
        try (EventStream agency = EventStream.open(port, "dataset=podnety", null, key);
                EventStream anonymous = EventStream.open(port, "dataset=podnety")) {
            assertThat(agency.untilLive()).isEmpty();
            assertThat(anonymous.untilLive()).isEmpty();
            api.admin("POST", "/api/agencies/vypnuta/disable", null);
            // The agency's caller is looked up again only after the refresh interval.
            Thread.sleep(CALLER_REFRESH.multipliedBy(2).toMillis());
            api.pushReport("900001");

            assertThat(anonymous.changes(2, Duration.ofSeconds(30))).hasSize(2);
            SseFrame last = agency.nextSkippingHeartbeats(Duration.ofSeconds(30));
            assertThat(last.event()).isEqualTo("disconnect");
            assertThat(JSON.readTree(last.data()).get("reason").asText()).isEqualTo("revoked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(api.call("GET", "/dashboard", null, null).statusCode()).isEqualTo(200);
    }

    private static Map<String, Integer> delivered(WebhookSubscriber subscriber, int expected) {
        await().atMost(Duration.ofMinutes(1)).until(() -> subscriber.accepted().size() >= expected);
        await().during(Duration.ofSeconds(2)).until(() -> subscriber.accepted().size() == expected);
        assertThat(subscriber.accepted()).allMatch(WebhookSubscriber.Received::signatureValid);
        return subscriber.accepted().stream()
                .collect(Collectors.groupingBy(
                        r -> r.event().get("dataset").asText(), TreeMap::new, Collectors.summingInt(r -> 1)));
    }

    /** The three polled datasets from the beginning (not the reports another test pushes). */
    private static List<SseFrame> replay(String apiKey) {
        return replay(apiKey, FROM_THE_BEGINNING + "&" + POLLED, null);
    }

    private static List<SseFrame> replay(String apiKey, String query, String lastEventId) {
        try (EventStream stream = EventStream.open(port, query, lastEventId, apiKey)) {
            return stream.untilLive();
        }
    }

    private static Map<String, Integer> countByDataset(List<SseFrame> frames) {
        return frames.stream()
                .collect(Collectors.groupingBy(
                        frame -> read(frame.data()).get("dataset").asText(),
                        TreeMap::new,
                        Collectors.summingInt(frame -> 1)));
    }

    private static List<String> ids(List<SseFrame> frames) {
        return frames.stream().map(SseFrame::id).toList();
    }

    private static List<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return read(list.body()).findValuesAsText("id");
    }

    /** Creates a reader agency and returns a key of it. */
    private static String agencyWithKey(SubscriptionsApi api, String id) {
        api.admin("POST", "/api/agencies", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"role\":\"reader\"}");
        return api.admin("POST", "/api/agencies/" + id + "/keys", "{}")
                .get("key")
                .asText();
    }

    private static String body(WebhookSubscriber subscriber, String owner) {
        return "{\"callbackUrl\":\"" + subscriber.url() + "\",\"secret\":\"" + SECRET + "\""
                + (owner == null ? "" : ",\"owner\":\"" + owner + "\"") + "}";
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body()).get("id").asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
