package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.RunReport;
import cz.spojka.privacy.PersonalDataCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A dataset with the policy {@code hold} in a hub of its own: the connector {@code uredni-deska-ofn} with its real
 * mapping, its policy set to {@code hold}, over three real boards of its sample (15 notices, 7 of them naming the
 * person a document is delivered to). The held notices are listed by the review API with their findings, to
 * operators only, and are absent from SPARQL; a release publishes one as it is, a discard keeps one out
 * for good, and the next run respects both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataHoldIT extends HubUnderTest {

    private static final String HOLD = "uredni-deska-ofn-hold";
    /** The review API needs the role operator; the demo's admin key has it. */
    private static final String REVIEW_KEY = HubApi.ADMIN_KEY;

    private static final String SAMPLE = "/" + HOLD + "/boards.json";
    private static final String NOTICES =
            BASE_IRI + "zdroj/uredni-deska/00007064/informace/opendata-test.mvcr.cz/api/boards/";
    private static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce";
    private static final String KADIKIS = NOTICES + "8/info/1052712";
    private static final String TEZHA = NOTICES + "8/info/1118005";
    private static final String HROMEK = NOTICES + "13/info/1230656";
    private static final List<String> HELD = List.of(
            NOTICES + "1/info/1449918",
            KADIKIS,
            TEZHA,
            NOTICES + "8/info/1230654",
            NOTICES + "8/info/1349262",
            HROMEK,
            NOTICES + "13/info/1639769");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgendaSystem AGENDA = new AgendaSystem().start();
    private static final TestHub HUB = TestHub.onFreePorts(TestHub.tempDir("spojka-hold-it-"), holdConnector())
            .withAgenda(AGENDA.baseUrl());

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @Autowired
    ConnectorScheduler scheduler;

    @Test
    @Order(1)
    void holdsTheNoticesThatNamePeopleAndPublishesTheOthers() {
        TestHub.awaitFirstRuns(connectors, List.of(HOLD));
        RunReport run = connectors.lastRun(HOLD);
        assertThat(run.personalData()).isEqualTo(new PersonalDataCounts(18, 0, 0, 7));
        assertThat(run.entities())
                .as("3 boards and the 8 notices that name no one")
                .isEqualTo(11);
        assertThat(run.created()).isEqualTo(11);
        awaitMaterialized();
        assertThat(sparql().count("?n a <" + NOTICE + ">")).isEqualTo(8);
        for (String held : HELD) {
            assertThat(sparql().ask("ASK { <" + held + "> ?p ?o }")).as(held).isFalse();
        }
        assertThat(sparql().count("?s ?p ?o FILTER(CONTAINS(STR(?o), \"KADIKIS\"))"))
                .isZero();
        assertThat(changesAbout(KADIKIS)).isZero();
    }

    @Test
    @Order(2)
    void theReviewApiListsTheHeldEntitiesWithTheirFindingsToOperatorsOnly() throws Exception {
        assertThat(api().send("GET", "/api/connectors/" + HOLD + "/held", null).statusCode())
                .isEqualTo(401);
        assertThat(api().send("GET", "/api/held", "a-wrong-key").statusCode()).isEqualTo(401);
        JsonNode held = api().get("/api/connectors/" + HOLD + "/held", REVIEW_KEY);
        assertThat(held).hasSize(7);
        assertThat(held.findValuesAsText("iri")).containsExactlyInAnyOrderElementsOf(HELD);
        JsonNode kadikis = HubApi.item(held, "iri", KADIKIS);
        assertThat(kadikis.get("kind").asText()).isEqualTo("notice");
        assertThat(kadikis.get("findings").toString())
                .isEqualTo("[{\"kind\":\"name\",\"value\":\"Reinis KADIKIS\",\"property\":"
                        + "\"http://purl.org/dc/terms/title\",\"link\":false},"
                        + "{\"kind\":\"name\",\"value\":\"Reinis KADIKIS\",\"property\":"
                        + "\"http://schema.org/downloadUrl\",\"link\":true}]");
        assertThat(kadikis.get("entity").asText())
                .as("the entity as mapped, for the review")
                .contains("\"VEŘEJNÁ VYHLÁŠKA, výzva k vyzvednutí písemnosti - Reinis KADIKIS\"@cs");
        assertThat(api().get("/api/held", REVIEW_KEY)).hasSize(7);
        assertThat(Files.readString(HUB.dataDir().resolve("held-for-review/" + HOLD + ".json")))
                .as("kept under the data dir, so a restart keeps them")
                .contains(KADIKIS, HROMEK);
    }

    @Test
    @Order(3)
    void aReleasePublishesAsItIsADiscardKeepsOutAndTheNextRunRespectsBoth() throws Exception {
        JsonNode held = api().get("/api/connectors/" + HOLD + "/held", REVIEW_KEY);
        String release = "/api/connectors/" + HOLD + "/held/"
                + HubApi.item(held, "iri", KADIKIS).get("key").asText();
        String discard = "/api/connectors/" + HOLD + "/held/"
                + HubApi.item(held, "iri", TEZHA).get("key").asText();

        assertThat(api().send("POST", release + "/release", null).statusCode()).isEqualTo(401);
        HttpResponse<String> released = api().send("POST", release + "/release", REVIEW_KEY);
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(released.body()).toString())
                .contains("\"released\":\"" + KADIKIS + "\"", "\"change\":\"created\"");
        HttpResponse<String> discarded = api().send("POST", discard + "/discard", REVIEW_KEY);
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(api().send("POST", release + "/release", REVIEW_KEY).statusCode())
                .as("no longer held")
                .isEqualTo(404);
        awaitMaterialized();
        assertThat(sparql().ask("ASK { <" + KADIKIS + "> <http://purl.org/dc/terms/title>"
                        + " \"VEŘEJNÁ VYHLÁŠKA, výzva k vyzvednutí písemnosti - Reinis KADIKIS\"@cs }"))
                .isTrue();
        assertThat(sparql().ask("ASK { <" + TEZHA + "> ?p ?o }")).isFalse();

        RunReport again = scheduler.poll(HOLD);
        assertThat(again.error()).isNull();
        assertThat(again.created() + again.updated() + again.deleted())
                .as("the released notice is unchanged, the discarded one stays out")
                .isZero();
        assertThat(again.personalData()).isEqualTo(new PersonalDataCounts(14, 0, 0, 5));
        assertThat(api().get("/api/connectors/" + HOLD + "/held", REVIEW_KEY)).hasSize(5);
        assertThat(changesAbout(KADIKIS)).isEqualTo(1);
        assertThat(changesAbout(TEZHA)).isZero();
    }

    private long changesAbout(String iri) {
        return HUB.changeLog().events("spojka.changes").stream()
                .filter(r -> r.key().equals(iri))
                .count();
    }

    /** Boards 1, 8 and 13 of the real MV ČR sample: 15 notices, 7 of them delivering a document to a named person. */
    private static byte[] threeRealBoards() {
        try {
            ArrayNode boards = (ArrayNode) JSON.readTree(AgendaSystem.sample(AgendaSystem.OFN, AgendaSystem.OFN_FILE));
            ArrayNode three =
                    JSON.createArrayNode().add(boards.get(0)).add(boards.get(7)).add(boards.get(12));
            return JSON.writeValueAsBytes(three);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real connector {@code uredni-deska-ofn} under another id, with the policy hold, reading the three boards the
     * agenda system now serves.
     */
    private static Path holdConnector() {
        try {
            Path connectors = Files.createTempDirectory("spojka-hold-connectors-");
            Path real = Path.of("connectors", AgendaSystem.OFN);
            Path folder = Files.createDirectories(connectors.resolve(HOLD));
            Files.copy(real.resolve("mapping.yaml"), folder.resolve("mapping.yaml"));
            Files.copy(real.resolve("context.jsonld"), folder.resolve("context.jsonld"));
            String yaml = Files.readString(real.resolve("connector.yaml"))
                    .replace("id: " + AgendaSystem.OFN, "id: " + HOLD)
                    .replace("/" + AgendaSystem.OFN + "/" + AgendaSystem.OFN_FILE, SAMPLE)
                    .replace("policy: redact", "policy: hold");
            assertThat(yaml).contains("id: " + HOLD, SAMPLE, "policy: hold");
            Files.writeString(folder.resolve("connector.yaml"), yaml);
            AGENDA.serve(SAMPLE, threeRealBoards(), "application/ld+json");
            return connectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
