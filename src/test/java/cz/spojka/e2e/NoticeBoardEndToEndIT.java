package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.RunReport;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The foundation end to end: the real notice-board samples served by WireMock → events read back from Kafka →
 * SPARQL answers with exact counts, then the source changes step by step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoticeBoardEndToEndIT extends HubIT {

    private static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/" + "informace-zveřejněná-na-úřední-desce";
    private static final String BOARD = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska";
    private static final String OFN_NOTICES = BASE_IRI + "zdroj/uredni-deska/00007064/informace/";
    private static final String CHRUDIM_BOARD = BASE_IRI + "zdroj/uredni-deska/00270211/deska/edesky.cz/desky/97";
    private static final String REMOVED_NOTICE = OFN_NOTICES + "opendata-test.mvcr.cz/api/boards/1/info/953";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ConnectorScheduler scheduler;

    @Test
    @Order(1)
    void publishesEveryBoardAndNoticeOfTheRealSamples() {
        awaitStartupRuns();
        RunReport ofn = connectors.lastRun(OFN);
        assertThat(ofn.error()).isNull();
        assertThat(ofn.records()).isEqualTo(182);
        assertThat(ofn.entities()).isEqualTo(182 + 1206);
        assertThat(ofn.created()).isEqualTo(182 + 1206);
        assertThat(ofn.rejected()).isZero();
        RunReport edesky = connectors.lastRun(EDESKY);
        assertThat(edesky.records()).isEqualTo(43);
        assertThat(edesky.created()).isEqualTo(1 + 43);

        assertThat(count("?n a <" + NOTICE + ">")).isEqualTo(1206 + 43);
        assertThat(count("?b a <" + BOARD + ">")).isEqualTo(182 + 1);
        assertThat(count("GRAPH <" + BASE_IRI + "graph/uredni-deska/00270211> { ?n a <" + NOTICE + "> }"))
                .isEqualTo(43);
        assertThat(count("?n <http://purl.org/dc/terms/isPartOf> ?b . ?b <http://purl.org/dc/terms/spatial> "
                        + "<https://linked.cuzk.cz/resource/ruian/obec/571164>"))
                .isEqualTo(43);
        assertThat(count("?n a <" + NOTICE + "> ; <http://www.w3.org/ns/prov#wasAttributedTo> <" + BASE_IRI
                        + "connectors/" + OFN + "> ; <https://w3id.org/spojka/slovník/mappingVersion> ?v"))
                .isEqualTo(1206);
        String entities = "GRAPH ?g { ?e a ?type } FILTER(isIRI(?e) && STRSTARTS(STR(?g), '" + BASE_IRI
                + "graph/uredni-deska/'))";
        String withProvenance = entities + " ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?record ;"
                + " <http://www.w3.org/ns/prov#generatedAtTime> ?at ;"
                + " <http://www.w3.org/ns/prov#wasAttributedTo> ?connector ;"
                + " <http://www.w3.org/ns/prov#wasGeneratedBy> ?run ;"
                + " <https://w3id.org/spojka/slovník/mappingVersion> ?mapping ."
                + " FILTER(STRSTARTS(STR(?record), STR(?connector)) && STRSTARTS(STR(?run), STR(?connector)))";
        assertThat(count("{ SELECT DISTINCT ?e WHERE { " + withProvenance + " } }"))
                .as("every entity carries its provenance")
                .isEqualTo(count("{ SELECT DISTINCT ?e WHERE { " + entities + " } }"))
                .isEqualTo(182 + 1206 + 1 + 43);
    }

    @Test
    @Order(2)
    void everyChangeIsOneCloudEventKeyedByTheEntityIri() throws IOException {
        Set<String> noticeBoards = Set.of(BASE_IRI + "connectors/" + OFN, BASE_IRI + "connectors/" + EDESKY);
        List<ConsumerRecord<String, CloudEvent>> events = changeEvents().stream()
                .filter(r -> noticeBoards.contains(r.value().getSource().toString()))
                .toList();
        assertThat(events).hasSize(182 + 1206 + 1 + 43);
        assertThat(events).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(record.value().getSubject());
            assertThat(record.value().getType()).matches("cz\\.spojka\\.(notice|notice-board)\\.created");
        });
        CloudEvent notice = eventFor(events, REMOVED_NOTICE);
        assertThat(notice.getType()).isEqualTo("cz.spojka.notice.created");
        assertThat(notice.getSource()).hasToString(BASE_IRI + "connectors/" + OFN);
        assertThat(notice.getDataContentType()).isEqualTo("application/json");
        assertThat(notice.getExtension("dataset")).isEqualTo("uredni-deska");
        assertThat(notice.getExtension("graph")).isEqualTo(BASE_IRI + "graph/uredni-deska/00007064");
        JsonNode data = JSON.readTree(notice.getData().toBytes());
        assertThat(data.at("/entity/@id").asText()).isEqualTo(REMOVED_NOTICE);
        assertThat(data.at("/entity/@type").toString()).contains("desky:informace-zveřejněná-na-úřední-desce");
        assertThat(data.at("/entity/@context/desky").asText())
                .isEqualTo("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/");
        assertThat(data.at("/entity/dcterms:title/@value").asText()).isEqualTo("Informace k nemocenskému pojištění");
        assertThat(notice.getDataSchema()).hasToString(BASE_IRI + "vocab/shapes/uredni-desky.shapes.ttl#Informace");
        assertThat(data.at("/provenance/connector").asText()).isEqualTo(OFN);
        assertThat(data.at("/provenance/sourceRecordId").asText())
                .isEqualTo("https://opendata-test.mvcr.cz/api/boards/1");
        assertThat(data.at("/provenance/sourceRecord").asText())
                .isEqualTo(BASE_IRI + "connectors/" + OFN
                        + "/records/https%3A%2F%2Fopendata-test.mvcr.cz%2Fapi%2Fboards%2F1");
        assertThat(data.at("/provenance/mappingVersion").asText())
                .as("the declared version and the hash of the mapping's files")
                .matches("2026-11-26\\.1\\+[0-9a-f]{12}");
        assertThat(data.at("/provenance/fetchedAt").asText()).isNotBlank();
        String run = data.at("/provenance/run").asText();
        assertThat(run)
                .isEqualTo(BASE_IRI + "connectors/" + OFN + "/runs/"
                        + data.at("/provenance/runId").asText());
        assertThat(ask("ASK { <" + REMOVED_NOTICE + "> <http://www.w3.org/ns/prov#wasGeneratedBy> <" + run + "> ;"
                        + " <http://www.w3.org/ns/prov#wasDerivedFrom> <"
                        + data.at("/provenance/sourceRecord").asText()
                        + "> }"))
                .isTrue();
    }

    @Test
    @Order(3)
    void anUnchangedRepollPublishesNothing() {
        long before = changeLog().endOffsetSum("spojka.changes");
        RunReport run = scheduler.poll(OFN);
        assertThat(run.error()).isNull();
        assertThat(run.entities()).isEqualTo(1388);
        assertThat(run.created() + run.updated() + run.deleted()).isZero();
        assertThat(changeLog().endOffsetSum("spojka.changes")).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aNoticeRemovedFromTheSnapshotIsDeleted() throws IOException {
        ArrayNode boards = realOfnSample();
        ((ArrayNode) boards.get(0).get("informace")).remove(0);
        serve(OFN_SAMPLE, JSON.writeValueAsBytes(boards), "application/ld+json");

        RunReport run = scheduler.poll(OFN);
        assertThat(run.deleted()).isEqualTo(1);
        assertThat(run.created() + run.updated()).isZero();
        List<ConsumerRecord<String, CloudEvent>> ofNotice = changeEvents().stream()
                .filter(r -> r.key().equals(REMOVED_NOTICE))
                .toList();
        assertThat(ofNotice).hasSize(3);
        CloudEvent deleted = ofNotice.get(1).value();
        assertThat(deleted.getType()).isEqualTo("cz.spojka.notice.deleted");
        assertThat(deleted.getSubject()).isEqualTo(REMOVED_NOTICE);
        assertThat(deleted.getExtension("recordid")).isEqualTo("https://opendata-test.mvcr.cz/api/boards/1");
        assertThat(JSON.readTree(deleted.getData().toBytes()).at("/entity/@id").asText())
                .isEqualTo(REMOVED_NOTICE);
        assertThat(ofNotice.get(2).value())
                .as("a tombstone follows, so compaction can drop the key")
                .isNull();
        awaitMaterialized();
        assertThat(ask("ASK { <" + REMOVED_NOTICE + "> ?p ?o }")).isFalse();
        assertThat(count("?n a <" + NOTICE + ">")).isEqualTo(1206 + 43 - 1);
    }

    @Test
    @Order(5)
    void aFailedPollDeletesNothing() {
        long before = changeLog().endOffsetSum("spojka.changes");
        AGENDA.stubFor(get(urlEqualTo(OFN_SAMPLE))
                .willReturn(aResponse().withStatus(500).withBody("maintenance")));

        RunReport run = scheduler.poll(OFN);
        assertThat(run.succeeded()).isFalse();
        assertThat(run.error()).contains("500");
        assertThat(changeLog().endOffsetSum("spojka.changes")).isEqualTo(before);
        assertThat(count("?n a <" + NOTICE + ">")).isEqualTo(1206 + 43 - 1);
    }

    @Test
    @Order(6)
    void invalidRecordsGoToTheDeadLetterLogWhileTheOthersPublish() throws IOException {
        ArrayNode boards = realOfnSample();
        int withNotices = 1;
        while (boards.get(withNotices).get("informace").isEmpty()) {
            withNotices++;
        }
        int withoutId = boards.size() - 1;
        JsonNode untitled = boards.get(withNotices).get("informace").get(0);
        ((ObjectNode) untitled).putObject("název");
        ((ObjectNode) boards.get(withoutId)).remove("iri");
        serve(OFN_SAMPLE, JSON.writeValueAsBytes(boards), "application/ld+json");

        RunReport run = scheduler.poll(OFN);
        assertThat(run.error()).isNull();
        assertThat(run.rejected()).isEqualTo(2);
        assertThat(run.created()).as("the notice removed in step 4 is back").isEqualTo(1);
        assertThat(run.updated() + run.deleted()).isZero();

        List<DeadLetter> letters = changeLog().deadLetters("spojka.deadletter");
        DeadLetter shacl = letters.stream()
                .filter(l -> "shacl".equals(l.stage()))
                .findFirst()
                .orElseThrow();
        assertThat(shacl.connectorId()).isEqualTo(OFN);
        assertThat(shacl.recordId())
                .isEqualTo(boards.get(withNotices).get("iri").asText());
        assertThat(shacl.entityIri())
                .isEqualTo(OFN_NOTICES + untitled.get("iri").asText().substring(8));
        assertThat(shacl.reason()).contains("dcterms:title");
        assertThat(shacl.report()).contains("sh:ValidationResult");
        assertThat(shacl.record()).contains(untitled.get("iri").asText());
        DeadLetter mapping = letters.stream()
                .filter(l -> "mapping".equals(l.stage()))
                .findFirst()
                .orElseThrow();
        assertThat(mapping.recordId()).isEqualTo("#" + withoutId);
        assertThat(mapping.reason()).isEqualTo("the record has no id at '/iri'");

        awaitMaterialized();
        assertThat(ask("ASK { <" + shacl.entityIri() + "> ?p ?o }"))
                .as("last good state kept")
                .isTrue();
        assertThat(count("?n a <" + NOTICE + ">")).isEqualTo(1206 + 43);
    }

    /**
     * The hub runs with chunks of 5 records (HubIT), so the 43 eDesky documents arrive in 9 chunks that all describe
     * their board: a board new to the hub is created from the first chunk's description and updated once with the
     * union of all of them at the end of the run.
     */
    @Test
    @Order(7)
    void aNewEntityDescribedAcrossChunksEndsAsTheUnionOfItsDescriptions() {
        String xml = new String(sample(EDESKY, AgendaSystem.EDESKY_FILE), UTF_8)
                .replace("dashboard_id='97'", "dashboard_id='98'");
        int tenth = nthIndexOf(xml, "dashboard_name='Město Chrudim'", 10);
        xml = xml.substring(0, tenth)
                + xml.substring(tenth)
                        .replace("dashboard_name='Město Chrudim'", "dashboard_name='Úřední deska Chrudim'");
        serve(AgendaSystem.EDESKY_SAMPLE, xml.getBytes(UTF_8), "application/xml");
        String newBoard = CHRUDIM_BOARD.replace("/97", "/98");

        RunReport run = scheduler.poll(EDESKY);
        assertThat(run.error()).isNull();
        assertThat(run.created()).as("the new board").isEqualTo(1);
        assertThat(run.updated())
                .as("43 notices on the new board, and the board itself")
                .isEqualTo(43 + 1);
        assertThat(run.deleted()).as("the old board").isEqualTo(1);
        assertThat(run.entities()).isEqualTo(1 + 43);
        assertThat(run.unchanged()).isZero();
        List<String> ofNewBoard = changeEvents().stream()
                .filter(r -> r.key().equals(newBoard))
                .map(r -> r.value().getType())
                .toList();
        assertThat(ofNewBoard).containsExactly("cz.spojka.notice-board.created", "cz.spojka.notice-board.updated");

        awaitMaterialized();
        assertThat(count("<" + newBoard + "> <http://purl.org/dc/terms/title> ?t"))
                .isEqualTo(2);
        assertThat(count("?n <http://purl.org/dc/terms/isPartOf> <" + newBoard + ">"))
                .isEqualTo(43);
        assertThat(ask("ASK { <" + CHRUDIM_BOARD + "> ?p ?o }")).isFalse();

        serve(AgendaSystem.EDESKY_SAMPLE, sample(EDESKY, AgendaSystem.EDESKY_FILE), "application/xml");
        assertThat(scheduler.poll(EDESKY).deleted())
                .as("the real sample back, for the other tests")
                .isEqualTo(1);
        awaitMaterialized();
    }

    /**
     * An update names the properties that changed since the entity's previous state on the log, and its
     * {@code dataschema} is the shape the hub serves.
     */
    @Test
    @Order(8)
    void anUpdatedNoticeNamesItsChangedPropertiesAndItsShape() throws Exception {
        String oldTitle = "rozhodnutí - společné povolení (U+S): \"Palackého třída, Chrudim - podélné parkování\"";
        String newTitle = "rozhodnutí - společné povolení (U+S): Palackého třída, Chrudim - opraveno";
        String xml = new String(sample(EDESKY, AgendaSystem.EDESKY_FILE), UTF_8)
                .replace("name='" + oldTitle + "'", "name='" + newTitle + "'");
        serve(AgendaSystem.EDESKY_SAMPLE, xml.getBytes(UTF_8), "application/xml");
        String notice = BASE_IRI + "zdroj/uredni-deska/00270211/informace/edesky.cz/dokument/3312051";

        RunReport run = scheduler.poll(EDESKY);
        assertThat(run.updated()).isEqualTo(1);
        assertThat(run.created() + run.deleted()).isZero();
        List<CloudEvent> ofNotice = changeEvents().stream()
                .filter(r -> r.key().equals(notice))
                .map(ConsumerRecord::value)
                .toList();
        CloudEvent updated = ofNotice.get(ofNotice.size() - 1);
        assertThat(updated.getType()).isEqualTo("cz.spojka.notice.updated");
        assertThat(updated.getDataSchema()).hasToString(BASE_IRI + "vocab/shapes/uredni-desky.shapes.ttl#Informace");
        JsonNode data = JSON.readTree(updated.getData().toBytes());
        assertThat(data.get("changed").toString()).isEqualTo("[\"http://purl.org/dc/terms/title\"]");
        assertThat(data.at("/entity/dcterms:title").toString())
                .isEqualTo("{\"@value\":\"" + newTitle + "\",\"@language\":\"cs\"}");
        assertThat(data.at("/entity/@context/dcterms").asText()).isEqualTo("http://purl.org/dc/terms/");
        assertThat(JSON.readTree(ofNotice.get(0).getData().toBytes()).has("changed"))
                .as("a creation names no changed properties")
                .isFalse();

        HttpResponse<String> shapes = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(updated.getDataSchema()
                                        .toString()
                                        .replace(BASE_IRI, "http://localhost:" + port + "/")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(shapes.statusCode()).isEqualTo(200);
        assertThat(shapes.headers().firstValue("Content-Type")).hasValue("text/turtle;charset=UTF-8");
        assertThat(shapes.body()).contains("tvar:Informace\n    a sh:NodeShape ;");

        serve(AgendaSystem.EDESKY_SAMPLE, sample(EDESKY, AgendaSystem.EDESKY_FILE), "application/xml");
        assertThat(scheduler.poll(EDESKY).updated()).as("the real sample back").isEqualTo(1);
        awaitMaterialized();
    }

    private static int nthIndexOf(String text, String part, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(part, at + 1);
        }
        return at;
    }

    private ArrayNode realOfnSample() throws IOException {
        return (ArrayNode) JSON.readTree(sample(OFN, "mvcr-policie-uredni-desky-ofn-2024-05.json"));
    }

    private List<ConsumerRecord<String, CloudEvent>> changeEvents() {
        return changeLog().events("spojka.changes");
    }

    private static CloudEvent eventFor(List<ConsumerRecord<String, CloudEvent>> events, String iri) {
        Map<String, CloudEvent> bySubject = events.stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toMap(CloudEvent::getSubject, Function.identity(), (a, b) -> b));
        return bySubject.get(iri);
    }
}
