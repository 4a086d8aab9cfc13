package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static cz.spojka.e2e.SamplePages.bytes;
import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The faults of the outside world against the real hub: WireMock stands in for agenda systems that answer 5xx, reset
 * the connection, send malformed chunks, random bytes, nothing at all, answer too slowly, send HTML instead of JSON or
 * a body cut short, fail for a while and recover. Each connector ({@code src/test/resources/cz/spojka/e2e/
 * faults-connectors}) serves OFN notice boards with the demo connector's mapping and declares its own
 * {@code resilience:} block. The requests WireMock received show the retries; the change log and the store show that
 * a failed run publishes and deletes nothing.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT extends HubUnderTest {

    private static final String BOARD = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska";
    private static final List<String> LOADED = List.of("breaker", "faults", "flaky", "stale");

    private static final WireMockServer AGENDA =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final Path CONNECTORS = HttpPollConnectors.assemble(
            Path.of("src/test/resources/cz/spojka/e2e/faults-connectors"),
            TestHub.tempDir("spojka-faults-connectors-"));

    static {
        AGENDA.start();
        // flaky: 503, then a reset connection, then the boards: one run with two retries.
        AGENDA.stubFor(desky("flaky")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Přetíženo"))
                .willSetStateTo("reset"));
        AGENDA.stubFor(desky("flaky")
                .inScenario("flaky")
                .whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("up"));
        AGENDA.stubFor(
                desky("flaky").inScenario("flaky").whenScenarioStateIs("up").willReturn(boards(0, 5)));
        AGENDA.stubFor(desky("faults").willReturn(boards(10, 20)));
        AGENDA.stubFor(desky("breaker").willReturn(boards(20, 25)));
        AGENDA.stubFor(desky("stale").willReturn(aResponse().withStatus(500)));
    }

    private static final TestHub HUB = TestHub.onFreePorts(TestHub.tempDir("spojka-faults-it-"), CONNECTORS)
            .withAgenda(AGENDA.baseUrl());

    @Autowired
    ConnectorScheduler scheduler;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @Test
    @Order(1)
    void aServerErrorAndAResetConnectionAreRetriedAndTheRunSucceeds() {
        TestHub.awaitFirstRuns(connectors, LOADED);
        RunReport first = connectors.lastRun("flaky");
        assertThat(first.error()).isNull();
        assertThat(first.records()).isEqualTo(5);
        assertThat(requests("flaky")).as("503, reset, 200").isEqualTo(3);
        assertThat(connectors.runs("flaky")).hasSize(1);
    }

    @Test
    @Order(2)
    void everyKindOfBrokenAnswerIsRetriedThenFailsTheRunWithItsReasonAndDeletesNothing() {
        assertThat(connectors.lastRun("faults").entities()).isEqualTo(10 + countNotices(10, 20));
        String url = AGENDA.baseUrl() + "/faults/desky";
        long events = HUB.changeLog().endOffsetSum("spojka.changes");

        assertThat(failWith(aResponse().withStatus(500).withBody("Interní chyba")))
                .isEqualTo("HttpPollException: GET " + url
                        + " answered HTTP 500: Interní chyba (gave up after 3 attempts)");
        for (Fault fault : List.of(
                Fault.CONNECTION_RESET_BY_PEER,
                Fault.MALFORMED_RESPONSE_CHUNK,
                Fault.RANDOM_DATA_THEN_CLOSE,
                Fault.EMPTY_RESPONSE)) {
            assertThat(failWith(aResponse().withFault(fault), 3, 6))
                    .as("%s", fault)
                    .startsWith("HttpPollException: GET " + url + " failed: IOException: ")
                    .contains("(gave up after 3 attempts)");
        }
        assertThat(failWith(boards(10, 20).withFixedDelay(5000)))
                .startsWith("HttpPollException: GET " + url
                        + " failed: HttpTimeoutException: request timed out (gave up after 3 attempts)");

        assertThat(HUB.changeLog().endOffsetSum("spojka.changes"))
                .as("no failed run published anything")
                .isEqualTo(events);
        assertThat(boardsInTheStore("faults")).isEqualTo(10);
    }

    @Test
    @Order(3)
    void aBodyThatIsNotJsonOrIsCutShortIsADeadLetterAndTheRunFailsWithoutRetriesOrDeletions() {
        long events = HUB.changeLog().endOffsetSum("spojka.changes");
        AGENDA.resetRequests();
        AGENDA.stubFor(desky("faults")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Služba je dočasně nedostupná</body></html>")));
        RunReport html = scheduler.poll("faults");
        assertThat(html.error()).startsWith(AGENDA.baseUrl() + "/faults/desky: The body is not well-formed jsonld");
        assertThat(requests("faults"))
                .as("a 200 is not retried, whatever it carries")
                .isEqualTo(1);

        byte[] whole = bytes(SamplePages.ofnBoards(10, 20));
        AGENDA.stubFor(desky("faults").willReturn(json(java.util.Arrays.copyOf(whole, whole.length / 2))));
        RunReport cut = scheduler.poll("faults");
        assertThat(cut.error()).startsWith(AGENDA.baseUrl() + "/faults/desky: The body is not well-formed jsonld");

        List<DeadLetter> letters = HUB.changeLog().deadLetters("spojka.deadletter").stream()
                .filter(letter -> letter.connectorId().equals("faults"))
                .toList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).stage()).isEqualTo("fetch");
        assertThat(letters.get(0).reason()).isEqualTo(html.error());
        assertThat(letters.get(0).record()).isEqualTo("<html><body>Služba je dočasně nedostupná</body></html>");
        assertThat(letters.get(1).reason()).isEqualTo(cut.error());
        assertThat(letters.get(1).record()).isEqualTo(new String(whole, 0, whole.length / 2, UTF_8));
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(events);
        assertThat(boardsInTheStore("faults")).isEqualTo(10);
    }

    @Test
    @Order(4)
    void aCompleteSnapshotThatArrivesWholeDeletesTheBoardsMissingFromIt() {
        AGENDA.stubFor(desky("faults").willReturn(boards(10, 18)));
        RunReport run = scheduler.poll("faults");
        assertThat(run.error()).isNull();
        assertThat(run.deleted()).isEqualTo(2 + countNotices(18, 20));
        assertThat(boardsInTheStore("faults")).isEqualTo(8);
    }

    /**
     * A complete snapshot that lost most of the dataset but still parses — here the source answers with two of its
     * eight boards — is refused by the deletion guard (50 % by default) until the operator allows it once.
     */
    @Test
    @Order(5)
    void aSnapshotThatWouldDeleteMoreThanHalfTheDatasetDeletesNothingUntilAnOperatorAllowsItOnce() throws Exception {
        int published = 8 + countNotices(10, 18);
        int gone = 6 + countNotices(12, 18);
        long events = HUB.changeLog().endOffsetSum("spojka.changes");
        AGENDA.stubFor(desky("faults").willReturn(boards(10, 12)));

        RunReport refused = scheduler.poll("faults");
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.error())
                .isEqualTo("The complete snapshot would delete " + gone + " of the connector's " + published
                        + " published entities (" + Math.round(100.0 * gone / published) + " %), more than"
                        + " resilience.maxDeletionShare (50 %) allows, so nothing was deleted: a truncated or partial"
                        + " export looks like this. If the source really removed them, allow it once with POST"
                        + " /api/connectors/faults/deletions/allow and run the connector again.");
        assertThat(refused.deleted()).isZero();
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes"))
                .as("the boards it delivered are unchanged")
                .isEqualTo(events);
        assertThat(boardsInTheStore("faults")).isEqualTo(8);
        assertThat(scheduler.poll("faults").succeeded()).as("refused again").isFalse();

        HubApi api = api();
        assertThat(api.send("POST", "/api/connectors/faults/deletions/allow", null)
                        .statusCode())
                .as("an anonymous caller may not")
                .isEqualTo(401);
        assertThat(api.send("POST", "/api/connectors/faults/deletions/allow", HubApi.ADMIN_KEY)
                        .statusCode())
                .isEqualTo(200);
        assertThat(connector("faults").get("deletionsAllowedOnce").asBoolean()).isTrue();
        RunReport allowed = scheduler.poll("faults");
        assertThat(allowed.error()).isNull();
        assertThat(allowed.deleted()).isEqualTo(gone);
        assertThat(boardsInTheStore("faults")).isEqualTo(2);
        assertThat(connector("faults").get("deletionsAllowedOnce").asBoolean())
                .as("used up")
                .isFalse();

        AGENDA.stubFor(desky("faults").willReturn(boards(10, 18)));
        assertThat(scheduler.poll("faults").created()).as("the boards back").isEqualTo(gone);
        AGENDA.stubFor(desky("faults").willReturn(boards(10, 11)));
        assertThat(scheduler.poll("faults").error())
                .as("the next run is guarded again")
                .startsWith("The complete snapshot would delete");
    }

    @Test
    @Order(6)
    void theBreakerOpensAfterTwoFailedRunsSkipsPollsAndClosesAfterASuccessfulTrial() throws Exception {
        assertThat(breaker("breaker").get("state").asText()).isEqualTo("closed");
        AGENDA.stubFor(desky("breaker").willReturn(aResponse().withStatus(502)));
        AGENDA.resetRequests();
        assertThat(scheduler.poll("breaker").error()).contains("answered HTTP 502");
        assertThat(breaker("breaker").get("state").asText()).isEqualTo("closed");
        assertThat(scheduler.poll("breaker").error()).contains("answered HTTP 502");
        JsonNode open = breaker("breaker");
        assertThat(open.get("state").asText()).isEqualTo("open");
        assertThat(open.get("failedRuns").asInt()).isEqualTo(2);
        assertThat(metric("spojka.connector.breaker.open", "breaker")).isEqualTo(1.0);

        RunReport skipped = scheduler.poll("breaker");
        assertThat(requests("breaker"))
                .as("an open breaker does not ask the source")
                .isEqualTo(2);
        assertThat(skipped.succeeded()).isFalse();
        assertThat(skipped.error()).isNull();
        assertThat(skipped.skipped())
                .isEqualTo("the source's circuit breaker is open after 2 failed runs in a row (the last:"
                        + " HttpPollException: GET " + AGENDA.baseUrl() + "/breaker/desky answered HTTP 502); the"
                        + " first poll after " + open.get("retryAt").asText() + " tries the source again");
        JsonNode lastRun = connector("breaker").get("lastRun");
        assertThat(lastRun.get("skipped").asText()).isEqualTo(skipped.skipped());
        assertThat(connectors.runs("breaker").get(0).skipped()).isEqualTo(skipped.skipped());

        Instant retryAt = Instant.parse(open.get("retryAt").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(retryAt));
        AGENDA.stubFor(desky("breaker").willReturn(boards(20, 25)));
        RunReport trial = scheduler.poll("breaker");
        assertThat(trial.error()).isNull();
        assertThat(trial.changed() + trial.deleted()).isZero();
        assertThat(requests("breaker")).isEqualTo(3);
        assertThat(breaker("breaker").get("state").asText()).isEqualTo("closed");
        assertThat(metric("spojka.connector.breaker.open", "breaker")).isEqualTo(0.0);
    }

    @Test
    @Order(7)
    void aSourceWithoutASuccessForLongerThanItsStaleAfterIsStaleInTheApiTheMetricsAndTheHealthWhichStaysUp()
            throws Exception {
        assertThat(connectors.lastRun("stale").error()).contains("answered HTTP 500");
        await().atMost(Duration.ofMinutes(1))
                .until(() -> connector("stale").get("stale").asBoolean());
        JsonNode stale = connector("stale");
        assertThat(stale.get("staleAfter").asText()).isEqualTo("PT10S");
        assertThat(stale.get("lastSuccess").isNull()).isTrue();
        assertThat(stale.get("status").asText()).isEqualTo("failing");
        assertThat(connector("flaky").get("stale").asBoolean())
                .as("within three hours of its success")
                .isFalse();
        assertThat(connector("flaky").get("staleAfter").asText()).isEqualTo("PT3H");
        assertThat(metric("spojka.connector.stale", "stale")).isEqualTo(1.0);
        assertThat(metric("spojka.connector.stale", "flaky")).isEqualTo(0.0);
        JsonNode health = api().get("/actuator/health", HubApi.ADMIN_KEY);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode component = health.at("/components/connectors");
        assertThat(component.get("status").asText()).isEqualTo("UP");
        assertThat(component.at("/details/stale").fieldNames()).toIterable().containsExactly("stale");
        assertThat(component.at("/details/stale/stale/staleAfter").asText()).isEqualTo("PT10S");

        AGENDA.stubFor(desky("stale").willReturn(boards(30, 32)));
        RunReport recovered = scheduler.poll("stale");
        assertThat(recovered.error()).isNull();
        assertThat(connector("stale").get("stale").asBoolean()).isFalse();
        assertThat(connector("stale").get("lastSuccess").asText())
                .isEqualTo(recovered.startedAt().toString());
    }

    // --- the agenda systems

    private static com.github.tomakehurst.wiremock.client.MappingBuilder desky(String connector) {
        return get(urlEqualTo("/" + connector + "/desky"));
    }

    private static ResponseDefinitionBuilder boards(int from, int to) {
        return json(bytes(SamplePages.ofnBoards(from, to)));
    }

    private static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse().withHeader("Content-Type", "application/ld+json").withBody(body);
    }

    private static int countNotices(int from, int to) {
        int notices = 0;
        for (JsonNode board : SamplePages.ofnBoards(from, to)) {
            notices += board.get("informace").size();
        }
        return notices;
    }

    /**
     * Makes the faults source answer so, polls it, checks it was asked three times (the first attempt and two
     * retries) and returns the run's error.
     */
    private String failWith(ResponseDefinitionBuilder answer) {
        return failWith(answer, 3);
    }

    /**
     * The same, for a fault after which the JDK's HTTP client may itself send the GET once more, on a new connection,
     * when the connection it reused from its pool closed before any answer: then the source sees six requests.
     */
    private String failWith(ResponseDefinitionBuilder answer, Integer... requests) {
        AGENDA.stubFor(desky("faults").willReturn(answer));
        AGENDA.resetRequests();
        RunReport run = scheduler.poll("faults");
        assertThat(run.succeeded()).isFalse();
        assertThat(requests("faults")).as("requests for: %s", run.error()).isIn((Object[]) requests);
        return run.error();
    }

    private static int requests(String connector) {
        return AGENDA.findAll(getRequestedFor(urlEqualTo("/" + connector + "/desky")))
                .size();
    }

    // --- reading what happened

    private long boardsInTheStore(String dataset) {
        awaitMaterialized();
        return sparql().count("GRAPH <" + BASE_IRI + "graph/" + dataset + "/00007064> { ?b a <" + BOARD + "> }");
    }

    private JsonNode connector(String id) throws Exception {
        return HubApi.item(api().get("/api/connectors", HubApi.ADMIN_KEY), "id", id);
    }

    private JsonNode breaker(String id) throws Exception {
        return connector(id).get("breaker");
    }

    private double metric(String name, String connector) throws Exception {
        return api().get("/actuator/metrics/" + name + "?tag=connector:" + connector, HubApi.ADMIN_KEY)
                .at("/measurements/0/value")
                .asDouble();
    }
}
