package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static cz.spojka.e2e.SamplePages.bytes;
import static cz.spojka.e2e.SamplePages.envelope;
import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.ConfigProblem;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.ConnectorState;
import cz.spojka.connector.RunReport;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
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
 * The {@code http-poll} template against WireMock standing in for agenda systems that page, answer incrementally and
 * authenticate, all serving the real notice-board samples cut into pages. The hub is the real one with its own
 * connectors ({@code src/test/resources/cz/spojka/e2e/http-poll-connectors}, each given the mapping of the demo
 * connector whose sample it serves); every connector's first run is its poll at start-up.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpPollIT extends HubUnderTest {

    private static final String PASSWORD = "heslo-pro-desku";
    private static final String API_KEY = "klic-7f3a";
    private static final String CLIENT_SECRET = "tajemstvi-klienta";
    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce";
    private static final String BOARD = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska";
    private static final List<String> LOADED = List.of(
            "edesky-by-offset",
            "ofn-api-key",
            "ofn-basic",
            "ofn-by-link-header",
            "ofn-by-next-link",
            "ofn-by-page",
            "ofn-conditional",
            "ofn-oauth2",
            "ofn-since-body",
            "ofn-since-fetch-time",
            "ofn-since-header");

    private static final WireMockServer AGENDA =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final Instant STARTED = Instant.now();
    private static final Path CONNECTORS = HttpPollConnectors.assemble(TestHub.tempDir("spojka-http-poll-connectors-"));

    static {
        AGENDA.start();
        servePagesByNumber();
        serveEdeskyByOffset();
        servePagesByLinkHeader();
        servePagesByNextLink();
        serveSinceHeader();
        serveSinceBody();
        serveSinceFetchTime();
        serveConditional();
        serveAuthenticated();
    }

    /** Declared after the agenda systems have started: their address is part of it. */
    private static final TestHub HUB = TestHub.onFreePorts(TestHub.tempDir("spojka-http-poll-it-"), CONNECTORS)
            .withAgenda(AGENDA.baseUrl());

    @Autowired
    ConnectorScheduler scheduler;

    @Autowired
    ConnectorState state;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("test.agenda.password", () -> PASSWORD);
        registry.add("test.agenda.api-key", () -> API_KEY);
        registry.add("test.agenda.client-secret", () -> CLIENT_SECRET);
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @Test
    @Order(1)
    void aLiteralSecretOrParametersThatDoNotFitTogetherSkipTheConnectorNamingEveryProblem() {
        TestHub.awaitFirstRuns(connectors, LOADED);
        assertThat(connectors.active().stream().map(a -> a.definition().id())).containsExactlyElementsOf(LOADED);
        assertThat(connectors.skipped().get("parameters-that-do-not-fit").stream()
                        .map(ConfigProblem::toString))
                .containsExactly(CONNECTORS.resolve("parameters-that-do-not-fit/connector.yaml")
                        + ":1: connector 'parameters-that-do-not-fit', field 'template': route could not be created:"
                        + " connector 'parameters-that-do-not-fit': the http-poll parameters do not fit together:"
                        + " pagination next-link needs nextLinkPointer, the JSON Pointer of the next page's address"
                        + " in the body (e.g. /links/next), not ''; conditional requests need pagination none: a 304"
                        + " Not Modified speaks for one address, not for every page; auth basic needs username;"
                        + " auth basic needs password");
        assertThat(connectors.skipped().get("literal-password").stream().map(ConfigProblem::toString))
                .containsExactly(CONNECTORS.resolve("literal-password/connector.yaml")
                        + ":9: connector 'literal-password', field 'parameters.password': is a secret: give it as a"
                        + " ${PROPERTY} placeholder (an environment variable or a property), never written out in"
                        + " connector.yaml");
    }

    @Test
    @Order(2)
    void pageNumbersFetchEveryPageUntilAnEmptyOneAndThePagesFormOneSnapshot() {
        RunReport first = connectors.lastRun("ofn-by-page");
        assertThat(first.error()).isNull();
        assertThat(first.records()).isEqualTo(182);
        assertThat(first.entities()).isEqualTo(182 + 1206);
        assertThat(first.created()).isEqualTo(182 + 1206);
        assertThat(first.rejected()).isZero();
        assertThat(urls("/ofn-by-page/desky"))
                .containsExactly(
                        "/ofn-by-page/desky?strana=1&pocet=50",
                        "/ofn-by-page/desky?strana=2&pocet=50",
                        "/ofn-by-page/desky?strana=3&pocet=50",
                        "/ofn-by-page/desky?strana=4&pocet=50",
                        "/ofn-by-page/desky?strana=5&pocet=50");

        RunReport second = scheduler.poll("ofn-by-page");
        assertThat(second.entities()).isEqualTo(1388);
        assertThat(second.created() + second.updated() + second.deleted())
                .as("a page is not a snapshot of its own: page 1 alone would delete the other pages' entities")
                .isZero();
    }

    @Test
    @Order(3)
    void aFailingMiddlePageFailsTheRunAndDeletesNothing() {
        long events = HUB.changeLog().endOffsetSum("spojka.changes");
        RequestPatternBuilder page3 =
                getRequestedFor(urlPathEqualTo("/ofn-by-page/desky")).withQueryParam("strana", equalTo("3"));
        int page3Before = AGENDA.findAll(page3).size();
        AGENDA.stubFor(page("/ofn-by-page/desky", "strana", 3)
                .willReturn(aResponse().withStatus(500).withBody("Údržba")));
        RunReport serverError = scheduler.poll("ofn-by-page");
        assertThat(serverError.error())
                .isEqualTo("HttpPollException: GET " + AGENDA.baseUrl()
                        + "/ofn-by-page/desky?strana=3&pocet=50 answered HTTP 500: Údržba (gave up after 4"
                        + " attempts)");
        assertThat(AGENDA.findAll(page3).size() - page3Before)
                .as("the first attempt and three retries")
                .isEqualTo(4);

        AGENDA.stubFor(page("/ofn-by-page/desky", "strana", 3).willReturn(json("<html>Údržba</html>".getBytes(UTF_8))));
        RunReport garbage = scheduler.poll("ofn-by-page");
        assertThat(garbage.error())
                .startsWith("HttpPollException: Page 3 (" + AGENDA.baseUrl()
                        + "/ofn-by-page/desky?strana=3&pocet=50) cannot be read to find the next one: The body is not"
                        + " well-formed jsonld");
        assertThat(deadLetters("ofn-by-page")).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("fetch");
            assertThat(letter.recordId()).isEqualTo("body");
            assertThat(letter.reason())
                    .startsWith("Page 3 (" + AGENDA.baseUrl() + "/ofn-by-page/desky?strana=3&pocet=50) cannot be"
                            + " read to find the next one: The body is not well-formed jsonld");
            assertThat(garbage.error()).startsWith("HttpPollException: " + letter.reason());
            assertThat(letter.record()).isEqualTo("<html>Údržba</html>");
        });

        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(events);
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + graph("ofn-by-page") + "> { ?n a <" + NOTICE + "> }"))
                .isEqualTo(1206);
        assertThat(sparql().count("GRAPH <" + graph("ofn-by-page") + "> { ?b a <" + BOARD + "> }"))
                .isEqualTo(182);
    }

    @Test
    @Order(4)
    void aBoardMissingFromTheLastPageIsDeletedOnceEveryPageArrived() {
        AGENDA.stubFor(
                page("/ofn-by-page/desky", "strana", 3).willReturn(json(bytes(SamplePages.ofnBoards(100, 150)))));
        AGENDA.stubFor(
                page("/ofn-by-page/desky", "strana", 4).willReturn(json(bytes(SamplePages.ofnBoards(150, 181)))));
        RunReport run = scheduler.poll("ofn-by-page");
        assertThat(run.records()).isEqualTo(181);
        assertThat(run.deleted()).as("board 182 and its one notice").isEqualTo(2);
        assertThat(run.created() + run.updated()).isZero();
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + graph("ofn-by-page") + "> { ?b a <" + BOARD + "> }"))
                .isEqualTo(181);
    }

    @Test
    @Order(5)
    void offsetsAdvanceByTheRecordsReceivedAndWindows1250BodiesArriveUntouched() {
        RunReport first = connectors.lastRun("edesky-by-offset");
        assertThat(first.error()).isNull();
        assertThat(first.records()).isEqualTo(43);
        assertThat(first.entities()).isEqualTo(1 + 43);
        assertThat(urls("/edesky-by-offset/documents"))
                .containsExactly(
                        "/edesky-by-offset/documents?dashboard_id=97&offset=0&limit=10",
                        "/edesky-by-offset/documents?dashboard_id=97&offset=10&limit=10",
                        "/edesky-by-offset/documents?dashboard_id=97&offset=20&limit=10",
                        "/edesky-by-offset/documents?dashboard_id=97&offset=30&limit=10",
                        "/edesky-by-offset/documents?dashboard_id=97&offset=40&limit=10",
                        "/edesky-by-offset/documents?dashboard_id=97&offset=43&limit=10");
        AGENDA.verify(
                exactly(6),
                getRequestedFor(urlPathEqualTo("/edesky-by-offset/documents"))
                        .withHeader("Accept", equalTo("application/xml")));
        awaitMaterialized();
        assertThat(sparql().select(
                                "SELECT ?title WHERE { GRAPH <" + graph("edesky-by-offset", "00270211") + "> { ?n a <"
                                        + NOTICE + "> ; <http://purl.org/dc/terms/title> ?title"
                                        + " FILTER(STRENDS(STR(?n), '/dokument/3312051')) } }"))
                .containsExactly(
                        "rozhodnutí - společné povolení (U+S): \"Palackého třída, Chrudim - podélné parkování\"");
    }

    @Test
    @Order(6)
    void linkHeadersLeadFromPageToPageAndAnUnreadablePageFailsTheWholeRun() {
        RunReport first = connectors.lastRun("ofn-by-link-header");
        assertThat(first.error()).isNull();
        assertThat(first.records()).isEqualTo(30);
        assertThat(first.created()).isEqualTo(30 + 207);
        assertThat(urls("/ofn-by-link-header/desky"))
                .containsExactly(
                        "/ofn-by-link-header/desky",
                        "/ofn-by-link-header/desky?po=10",
                        "/ofn-by-link-header/desky?po=20");

        long events = HUB.changeLog().endOffsetSum("spojka.changes");
        AGENDA.stubFor(get(urlEqualTo("/ofn-by-link-header/desky?po=10"))
                .willReturn(json("{\"nedokončeno\": ".getBytes(UTF_8))
                        .withHeader("Link", "</ofn-by-link-header/desky?po=20>; rel=\"next\"")));
        RunReport run = scheduler.poll("ofn-by-link-header");
        assertThat(run.error())
                .startsWith(AGENDA.baseUrl() + "/ofn-by-link-header/desky: Page 2 of 3: The body is not well-formed"
                        + " jsonld");
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(events);
        DeadLetter letter = deadLetters("ofn-by-link-header").get(0);
        assertThat(letter.stage()).isEqualTo("fetch");
        assertThat(letter.recordId()).isEqualTo("body");
        assertThat(letter.reason()).isEqualTo(run.error());
        assertThat(letter.record()).isEqualTo("{\"nedokončeno\": ");
    }

    @Test
    @Order(7)
    void nextLinksInTheBodyLeadFromPageToPage() {
        RunReport first = connectors.lastRun("ofn-by-next-link");
        assertThat(first.error()).isNull();
        assertThat(first.records()).isEqualTo(30);
        assertThat(first.created()).isEqualTo(30 + 390);
        assertThat(urls("/ofn-by-next-link/desky"))
                .containsExactly(
                        "/ofn-by-next-link/desky",
                        "/ofn-by-next-link/desky?stranka=2",
                        "/ofn-by-next-link/desky?stranka=3");
    }

    @Test
    @Order(8)
    void theSinceValueOfAResponseHeaderIsSentNextTimeAndAPartialAnswerDeletesNothing() {
        RunReport first = connectors.lastRun("ofn-since-header");
        assertThat(first.records()).isEqualTo(10);
        assertThat(first.created()).isEqualTo(10 + 7);
        assertThat(state.get("ofn-since-header", "since")).isEqualTo("2024-05-24T20:20:09Z");

        RunReport second = scheduler.poll("ofn-since-header");
        assertThat(urls("/ofn-since-header/desky"))
                .containsExactly(
                        "/ofn-since-header/desky", "/ofn-since-header/desky?zmeneno-od=2024-05-24T20%3A20%3A09Z");
        assertThat(second.records()).isEqualTo(1);
        assertThat(second.updated()).as("the notice whose title changed").isEqualTo(1);
        assertThat(second.deleted())
                .as("the other boards are missing from a partial answer, not from the source")
                .isZero();
        assertThat(state.get("ofn-since-header", "since")).isEqualTo("2024-05-25T06:00:00Z");

        AGENDA.stubFor(since("/ofn-since-header/desky", "zmeneno-od", equalTo("2024-05-25T06:00:00Z"))
                .willReturn(json("[{".getBytes(UTF_8)).withHeader("X-Zmeneno-Do", "2024-05-26T06:00:00Z")));
        assertThat(scheduler.poll("ofn-since-header").succeeded()).isFalse();
        assertThat(state.get("ofn-since-header", "since"))
                .as("a failed run keeps the value, so the next poll asks for the same changes again")
                .isEqualTo("2024-05-25T06:00:00Z");
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + graph("ofn-since-header") + "> { ?b a <" + BOARD + "> }"))
                .isEqualTo(10);
    }

    @Test
    @Order(9)
    void theSinceCursorInTheBodyOfTheLastPageIsSentNextTime() {
        RunReport first = connectors.lastRun("ofn-since-body");
        assertThat(first.records()).isEqualTo(5);
        assertThat(first.created()).isEqualTo(5 + 5);
        assertThat(state.get("ofn-since-body", "since")).isEqualTo("k-1");

        RunReport second = scheduler.poll("ofn-since-body");
        assertThat(second.error()).isNull();
        assertThat(second.records()).isZero();
        assertThat(urls("/ofn-since-body/desky"))
                .containsExactly("/ofn-since-body/desky", "/ofn-since-body/desky?kurzor=k-1");
        assertThat(state.get("ofn-since-body", "since")).isEqualTo("k-2");
    }

    @Test
    @Order(10)
    void theFetchTimeOfOnePollIsTheSinceValueOfTheNext() {
        RunReport first = connectors.lastRun("ofn-since-fetch-time");
        assertThat(first.records()).isEqualTo(5);
        String since = state.get("ofn-since-fetch-time", "since");
        Instant stored = Instant.parse(since);
        assertThat(stored).isBetween(STARTED.minusSeconds(1), first.startedAt());

        RunReport second = scheduler.poll("ofn-since-fetch-time");
        assertThat(second.error()).isNull();
        assertThat(urls("/ofn-since-fetch-time/desky"))
                .containsExactly(
                        "/ofn-since-fetch-time/desky", "/ofn-since-fetch-time/desky?od=" + since.replace(":", "%3A"));
        assertThat(Instant.parse(state.get("ofn-since-fetch-time", "since"))).isAfter(stored);
    }

    @Test
    @Order(11)
    void theValidatorsAreSentBackAndNotModifiedIsASuccessfulRunThatChangesNothing() {
        RunReport first = connectors.lastRun("ofn-conditional");
        assertThat(first.created()).isEqualTo(10 + 8);
        assertThat(state.get("ofn-conditional", "etag")).isEqualTo("\"desky-v1\"");
        assertThat(state.get("ofn-conditional", "lastModified")).isEqualTo("Fri, 24 May 2024 20:20:09 GMT");

        long events = HUB.changeLog().endOffsetSum("spojka.changes");
        RunReport notModified = scheduler.poll("ofn-conditional");
        assertThat(notModified.error()).isNull();
        assertThat(notModified.records()).isZero();
        assertThat(notModified.created() + notModified.updated() + notModified.deleted())
                .isZero();
        AGENDA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo("/ofn-conditional/desky.json"))
                        .withHeader("If-None-Match", equalTo("\"desky-v1\""))
                        .withHeader("If-Modified-Since", equalTo("Fri, 24 May 2024 20:20:09 GMT")));
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(events);
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + graph("ofn-conditional") + "> { ?b a <" + BOARD + "> }"))
                .isEqualTo(10);

        AGENDA.stubFor(get(urlEqualTo("/ofn-conditional/desky.json"))
                .withHeader("If-None-Match", equalTo("\"desky-v1\""))
                .willReturn(json(bytes(SamplePages.ofnBoards(81, 90)))
                        .withHeader("ETag", "\"desky-v2\"")
                        .withHeader("Last-Modified", "Sat, 25 May 2024 06:00:00 GMT")));
        RunReport changed = scheduler.poll("ofn-conditional");
        assertThat(changed.deleted()).as("board 81 and its one notice").isEqualTo(2);
        assertThat(state.get("ofn-conditional", "etag")).isEqualTo("\"desky-v2\"");
        assertThat(state.get("ofn-conditional", "lastModified")).isEqualTo("Sat, 25 May 2024 06:00:00 GMT");
    }

    @Test
    @Order(12)
    void basicAuthenticationSendsTheUserAndThePasswordFromItsPlaceholder() {
        assertThat(connectors.lastRun("ofn-basic").created()).isEqualTo(5 + 2);
        AGENDA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo("/ofn-basic/desky"))
                        .withHeader(
                                "Authorization",
                                equalTo("Basic "
                                        + Base64.getEncoder().encodeToString(("spojka:" + PASSWORD).getBytes(UTF_8)))));
    }

    @Test
    @Order(13)
    void anApiKeyTravelsInItsHeader() {
        assertThat(connectors.lastRun("ofn-api-key").created()).isEqualTo(5 + 62);
        AGENDA.verify(
                exactly(1),
                getRequestedFor(urlEqualTo("/ofn-api-key/desky")).withHeader("X-Api-Klic", equalTo(API_KEY)));
    }

    @Test
    @Order(14)
    void anOAuth2TokenServesTwoRunsAndIsRenewedOnceWhenTheSourceRefusesIt() {
        assertThat(connectors.lastRun("ofn-oauth2").created()).isEqualTo(5 + 25);
        assertThat(scheduler.poll("ofn-oauth2").error()).isNull();
        AGENDA.verify(exactly(1), postRequestedFor(urlEqualTo("/oauth/token")));
        AGENDA.verify(exactly(2), bearer("token-1"));

        AGENDA.stubFor(tokenRequest().willReturn(token("token-2")));
        AGENDA.stubFor(oauth2Data("token-1").willReturn(aResponse().withStatus(401)));
        AGENDA.stubFor(oauth2Data("token-2").willReturn(json(bytes(SamplePages.ofnBoards(100, 105)))));
        RunReport renewed = scheduler.poll("ofn-oauth2");
        assertThat(renewed.error()).isNull();
        assertThat(renewed.entities()).isEqualTo(5 + 25);
        AGENDA.verify(exactly(2), postRequestedFor(urlEqualTo("/oauth/token")));
        AGENDA.verify(exactly(3), bearer("token-1"));
        AGENDA.verify(exactly(1), bearer("token-2"));

        AGENDA.stubFor(tokenRequest().willReturn(token("token-3")));
        AGENDA.stubFor(oauth2Data("token-2").willReturn(aResponse().withStatus(401)));
        AGENDA.stubFor(oauth2Data("token-3").willReturn(aResponse().withStatus(401)));
        RunReport refused = scheduler.poll("ofn-oauth2");
        assertThat(refused.error())
                .isEqualTo("HttpPollException: GET " + AGENDA.baseUrl() + "/ofn-oauth2/desky answered HTTP 401");
        AGENDA.verify(exactly(3), postRequestedFor(urlEqualTo("/oauth/token")));
        AGENDA.verify(exactly(1), bearer("token-3"));
    }

    // --- the agenda systems

    /** The whole OFN sample in pages of 50 boards by page number, then an empty page. */
    private static void servePagesByNumber() {
        for (int page = 1; page <= 5; page++) {
            int from = Math.min(182, (page - 1) * 50);
            AGENDA.stubFor(page("/ofn-by-page/desky", "strana", page)
                    .withQueryParam("pocet", equalTo("50"))
                    .willReturn(json(bytes(SamplePages.ofnBoards(from, Math.min(182, from + 50))))));
        }
    }

    /** The eDesky sample in windows-1250, 10 documents a page by offset, then an empty document list. */
    private static void serveEdeskyByOffset() {
        List<byte[]> pages = SamplePages.edeskyPages(10, WINDOWS_1250);
        int[] offsets = {0, 10, 20, 30, 40, 43};
        for (int i = 0; i < offsets.length; i++) {
            AGENDA.stubFor(get(urlPathEqualTo("/edesky-by-offset/documents"))
                    .withQueryParam("dashboard_id", equalTo("97"))
                    .withQueryParam("offset", equalTo(Integer.toString(offsets[i])))
                    .withQueryParam("limit", equalTo("10"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/xml; charset=windows-1250")
                            .withBody(pages.get(i))));
        }
    }

    /** Boards 1–30 in three pages; the Link header names the next one absolutely, then relatively. */
    private static void servePagesByLinkHeader() {
        String path = "/ofn-by-link-header/desky";
        AGENDA.stubFor(get(urlEqualTo(path))
                .willReturn(json(bytes(SamplePages.ofnBoards(0, 10)))
                        .withHeader("Link", "<" + AGENDA.baseUrl() + path + "?po=10>; rel=\"next\"")));
        AGENDA.stubFor(get(urlEqualTo(path + "?po=10"))
                .willReturn(json(bytes(SamplePages.ofnBoards(10, 20)))
                        .withHeader("Link", "<" + path + ">; rel=\"prev first\", <" + path + "?po=20>; rel=next")));
        AGENDA.stubFor(get(urlEqualTo(path + "?po=20"))
                .willReturn(json(bytes(SamplePages.ofnBoards(20, 30)))
                        .withHeader("Link", "<" + path + "?po=10>; rel=\"prev\"")));
    }

    /** Boards 31–60 in three envelopes; the next link is relative, then absolute, then null. */
    private static void servePagesByNextLink() {
        String path = "/ofn-by-next-link/desky";
        AGENDA.stubFor(get(urlEqualTo(path))
                .willReturn(json(bytes(envelope(SamplePages.ofnBoards(30, 40), "desky?stranka=2")))));
        AGENDA.stubFor(get(urlEqualTo(path + "?stranka=2"))
                .willReturn(
                        json(bytes(envelope(SamplePages.ofnBoards(40, 50), AGENDA.baseUrl() + path + "?stranka=3")))));
        AGENDA.stubFor(get(urlEqualTo(path + "?stranka=3"))
                .willReturn(json(bytes(envelope(SamplePages.ofnBoards(50, 60), null)))));
    }

    /** Boards 61–70, then only board 61 with a corrected notice title; the header says up to when. */
    private static void serveSinceHeader() {
        String path = "/ofn-since-header/desky";
        AGENDA.stubFor(since(path, "zmeneno-od", absent())
                .willReturn(
                        json(bytes(SamplePages.ofnBoards(60, 70))).withHeader("X-Zmeneno-Do", "2024-05-24T20:20:09Z")));
        ArrayNode changed = SamplePages.ofnBoards(60, 61);
        ObjectNode notice = (ObjectNode) changed.get(0).get("informace").get(0);
        ((ObjectNode) notice.get("název"))
                .put("cs", notice.get("název").get("cs").asText() + " (opraveno)");
        AGENDA.stubFor(since(path, "zmeneno-od", equalTo("2024-05-24T20:20:09Z"))
                .willReturn(json(bytes(changed)).withHeader("X-Zmeneno-Do", "2024-05-25T06:00:00Z")));
    }

    /** Boards 71–75 in an envelope with the cursor to ask from next time, then nothing new. */
    private static void serveSinceBody() {
        String path = "/ofn-since-body/desky";
        ObjectNode all = envelope(SamplePages.ofnBoards(70, 75), null);
        all.putObject("meta").put("kurzor", "k-1");
        AGENDA.stubFor(since(path, "kurzor", absent()).willReturn(json(bytes(all))));
        ObjectNode none = envelope(SamplePages.ofnBoards(0, 0), null);
        none.putObject("meta").put("kurzor", "k-2");
        AGENDA.stubFor(since(path, "kurzor", equalTo("k-1")).willReturn(json(bytes(none))));
    }

    /** Boards 76–80, then nothing changed since an ISO-8601 instant. */
    private static void serveSinceFetchTime() {
        String path = "/ofn-since-fetch-time/desky";
        AGENDA.stubFor(since(path, "od", absent()).willReturn(json(bytes(SamplePages.ofnBoards(75, 80)))));
        AGENDA.stubFor(since(path, "od", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .willReturn(json("[]".getBytes(UTF_8))));
    }

    /** Boards 81–90 with validators; asked with them, the source answers 304 Not Modified. */
    private static void serveConditional() {
        String path = "/ofn-conditional/desky.json";
        AGENDA.stubFor(get(urlEqualTo(path))
                .withHeader("If-None-Match", absent())
                .willReturn(json(bytes(SamplePages.ofnBoards(80, 90)))
                        .withHeader("ETag", "\"desky-v1\"")
                        .withHeader("Last-Modified", "Fri, 24 May 2024 20:20:09 GMT")));
        AGENDA.stubFor(get(urlEqualTo(path))
                .withHeader("If-None-Match", equalTo("\"desky-v1\""))
                .withHeader("If-Modified-Since", equalTo("Fri, 24 May 2024 20:20:09 GMT"))
                .willReturn(aResponse().withStatus(304)));
    }

    /** Boards 91–95, 96–100 and 101–105, each only for the right credentials (WireMock answers 404 otherwise). */
    private static void serveAuthenticated() {
        AGENDA.stubFor(get(urlEqualTo("/ofn-basic/desky"))
                .withBasicAuth("spojka", PASSWORD)
                .willReturn(json(bytes(SamplePages.ofnBoards(90, 95)))));
        AGENDA.stubFor(get(urlEqualTo("/ofn-api-key/desky"))
                .withHeader("X-Api-Klic", equalTo(API_KEY))
                .willReturn(json(bytes(SamplePages.ofnBoards(95, 100)))));
        AGENDA.stubFor(tokenRequest().willReturn(token("token-1")));
        AGENDA.stubFor(oauth2Data("token-1").willReturn(json(bytes(SamplePages.ofnBoards(100, 105)))));
    }

    private static MappingBuilder page(String path, String param, int page) {
        return get(urlPathEqualTo(path)).withQueryParam(param, equalTo(Integer.toString(page)));
    }

    private static MappingBuilder since(String path, String param, StringValuePattern value) {
        return get(urlPathEqualTo(path)).withQueryParam(param, value);
    }

    private static MappingBuilder tokenRequest() {
        return post(urlEqualTo("/oauth/token"))
                .withBasicAuth("spojka-hub", CLIENT_SECRET)
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=uredni-deska.read"));
    }

    private static ResponseDefinitionBuilder token(String token) {
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
    }

    private static MappingBuilder oauth2Data(String token) {
        return get(urlEqualTo("/ofn-oauth2/desky")).withHeader("Authorization", equalTo("Bearer " + token));
    }

    private static RequestPatternBuilder bearer(String token) {
        return getRequestedFor(urlEqualTo("/ofn-oauth2/desky")).withHeader("Authorization", equalTo("Bearer " + token));
    }

    private static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse().withHeader("Content-Type", "application/ld+json").withBody(body);
    }

    // --- reading what happened

    /** The addresses requested at a path, oldest first. */
    private static List<String> urls(String path) {
        List<LoggedRequest> requests = new ArrayList<>(AGENDA.findAll(getRequestedFor(urlPathEqualTo(path))));
        // The journal lists the newest first; requests within the same millisecond keep that order reversed.
        Collections.reverse(requests);
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests.stream().map(LoggedRequest::getUrl).toList();
    }

    private static String graph(String dataset) {
        return graph(dataset, "00007064");
    }

    private static String graph(String dataset, String ico) {
        return BASE_IRI + "graph/" + dataset + "/" + ico;
    }

    private List<DeadLetter> deadLetters(String connectorId) {
        return HUB.changeLog().deadLetters("spojka.deadletter").stream()
                .filter(l -> l.connectorId().equals(connectorId))
                .toList();
    }
}
