package cz.spojka.e2e;

import static cz.spojka.e2e.EventStream.FROM_THE_BEGINNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.Connectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The classification of the datasets on {@code /events} and webhook subscriptions, for the callers there are without
 * agencies: the anonymous public and the administrator. A first hub (the {@code citizen-reports} webhook only) gets a
 * public-only subscription from the administrator; its stored file then loses its {@code owner}, as a subscription
 * stored before owners existed. The second hub adds air quality (public, 99 entities), the fill level of containers
 * (restricted, 188) and parking (internal, 75), whose start-up polls publish 362 events: the subscriber, a real HTTP
 * server, receives exactly the 99 public ones, and an anonymous stream replays exactly them, also when it resumes.
 */
class EventsAccessIT {

    private static final String SECRET = "a-shared-secret-of-the-agency";
    private static final String AIR = "golemio-ovzdusi";
    private static final String CONTAINERS = "golemio-kontejnery";
    private static final String PARKING = "golemio-parkoviste";
    private static final int AIR_ENTITIES = 99;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgendaSystem AGENDA = new AgendaSystem();
    private static final Path DATA_DIR = TestHub.tempDir("spojka-events-access-it-");

    private static WebhookSubscriber subscriber;
    private static String subscription;
    private static String refusedForAnAgency;
    private static ConfigurableApplicationContext hub;
    private static int port;

    @BeforeAll
    static void subscribeThenAddTheClassifiedConnectors() throws IOException {
        AGENDA.start();
        for (String connector : List.of(AIR, CONTAINERS, PARKING)) {
            String file = Objects.requireNonNull(
                    Path.of("connectors", connector, "samples").toFile().list())[0];
            AGENDA.serve("/" + connector + "/" + file, AgendaSystem.sample(connector, file), "application/json");
        }
        subscriber = new WebhookSubscriber(SECRET);
        ClassifiedConnectors connectors = new ClassifiedConnectors(Map.of("citizen-reports", "public"));
        TestHub testHub = TestHub.onFreePorts(DATA_DIR, connectors.dir()).withAgenda(AGENDA.baseUrl());
        try (ConfigurableApplicationContext first = testHub.start()) {
            SubscriptionsApi api = new SubscriptionsApi(port(first));
            subscription = api.subscribe(subscriber, SECRET, "{}");
            refusedForAnAgency = api.call(
                            "POST",
                            "/api/subscriptions",
                            "{\"callbackUrl\":\"" + subscriber.url() + "\",\"secret\":\"" + SECRET
                                    + "\",\"owner\":\"demo-agency\"}",
                            SubscriptionsApi.ADMIN_KEY)
                    .body();
        }
        Path stored = DATA_DIR.resolve("subscriptions").resolve(subscription + ".json");
        ObjectNode withoutOwner = (ObjectNode) JSON.readTree(stored.toFile());
        assertThat(withoutOwner.remove("owner").isNull()).isTrue();
        Files.writeString(stored, withoutOwner.toString());

        connectors.add(AIR, "public");
        connectors.add(CONTAINERS, "restricted");
        connectors.add(PARKING, "internal");
        hub = testHub.start();
        port = port(hub);
        TestHub.awaitFirstRuns(hub.getBean(Connectors.class), List.of(AIR, CONTAINERS, PARKING));
    }

    @AfterAll
    static void stop() {
        hub.close();
        subscriber.close();
        AGENDA.stop();
    }

    @Test
    void aPublicOnlySubscriptionReceivesExactlyThePublicEvents() {
        await().atMost(Duration.ofMinutes(1)).until(() -> subscriber.accepted().size() >= AIR_ENTITIES);
        await().during(Duration.ofSeconds(3)).until(() -> subscriber.accepted().size() == AIR_ENTITIES);
        assertThat(subscriber.accepted())
                .extracting(r -> r.event().get("dataset").asText())
                .containsOnly("kvalita-ovzdusi");
        assertThat(subscriber.accepted()).allMatch(WebhookSubscriber.Received::signatureValid);
        JsonNode loaded = new SubscriptionsApi(port).subscription(subscription);
        assertThat(loaded.get("owner").isNull())
                .as("stored without an owner: public-only")
                .isTrue();
    }

    @Test
    void aSubscriptionForAnAgencyIsRefusedWhileThereAreNoAgencies() {
        assertThat(refusedForAnAgency).isEqualTo("{\"problems\":[\"owner: 'demo-agency' is not an enabled agency\"]}");
    }

    @Test
    void anAnonymousStreamReplaysExactlyThePublicDatasetsAndResumesWithTheSameFilter() {
        List<SseFrame> all = replay(FROM_THE_BEGINNING, null);
        assertThat(all).hasSize(AIR_ENTITIES);
        assertThat(all).extracting(frame -> dataset(frame)).containsOnly("kvalita-ovzdusi");
        assertThat(replay(FROM_THE_BEGINNING + "&dataset=zaplnenost-nadob,obsazenost-parkovist", null))
                .isEmpty();

        List<SseFrame> rest =
                replay("dataset=kvalita-ovzdusi,zaplnenost-nadob", all.get(39).id());
        assertThat(rest).hasSize(AIR_ENTITIES - 40);
        assertThat(rest)
                .extracting(SseFrame::id)
                .isEqualTo(
                        all.subList(40, AIR_ENTITIES).stream().map(SseFrame::id).toList());
    }

    @Test
    void theDashboardStillGetsItsPublicStream() {
        HttpResponse<String> page = new SubscriptionsApi(port).call("GET", "/dashboard", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        try (EventStream stream = EventStream.open(port, "")) {
            assertThat(stream.untilLive()).isEmpty();
        }
    }

    private static List<SseFrame> replay(String query, String lastEventId) {
        try (EventStream stream = EventStream.open(port, query, lastEventId)) {
            return stream.untilLive();
        }
    }

    private static String dataset(SseFrame frame) {
        try {
            return JSON.readTree(frame.data()).get("dataset").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
