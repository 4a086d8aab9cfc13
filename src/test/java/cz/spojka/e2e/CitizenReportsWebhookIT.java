package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.RunReport;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The citizen-report connectors in a running hub of their own (in-process KRaft broker, TDB2, the real folders of
 * {@code connectors/citizen-reports} and {@code connectors/citizen-reports-poll}): the poll connector reads the
 * GeoReport v2 spec's example from WireMock, and an agenda system pushes to {@code POST /ingest/citizen-reports} over
 * HTTP. Checked: the receipt, the events on Kafka, the SPARQL answers, a re-push that publishes nothing, every
 * refusal with its reason and its dead letter, and that the reporter's personal data is neither in the store, nor in
 * the events, nor in the dead letters.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenReportsWebhookIT extends HubUnderTest {

    private static final String WEBHOOK = "citizen-reports";
    private static final String POLL = "citizen-reports-poll";
    private static final String MISCONFIGURED = "citizen-reports-misconfigured";
    private static final String BRNO = BASE_IRI + "graph/podnety/44992785";
    private static final String OSTRAVA = BASE_IRI + "graph/podnety/00845451";
    private static final String REPORT = BASE_IRI + "zdroj/podnety/44992785/podnět/638344";
    private static final String KIND = BASE_IRI + "zdroj/podnety/44992785/druh-podnětu/006";
    private static final String PREFIXES = "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
            + "PREFIX adms: <http://www.w3.org/ns/adms#>\n"
            + "PREFIX geo: <http://www.opengis.net/ont/geosparql#>\n"
            + "PREFIX podněty: <https://w3id.org/spojka/slovník/podněty/pojem/>\n"
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            + "PREFIX prov: <http://www.w3.org/ns/prov#>\n";
    /** The reporter's fields of the GeoReport v2 spec's example POST request, with their values. */
    private static final String[][] REPORTER = {
        {"email", "smit333@sfgov.edu"},
        {"device_id", "tt222111"},
        {"account_id", "123456"},
        {"first_name", "john"},
        {"last_name", "smith"},
        {"phone", "111111111"}
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgendaSystem AGENDA = new AgendaSystem().start();
    private static final TestHub HUB = TestHub.onFreePorts(
                    TestHub.tempDir("spojka-webhook-it-"), copyOfTheCitizenReportConnectors())
            .withAgenda(AGENDA.baseUrl());

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        AGENDA.serve("/" + POLL + "/requests.json", AgendaSystem.sample(POLL, "requests.json"), "application/json");
        HUB.register(registry);
    }

    @Test
    @Order(1)
    void thePollConnectorPublishesTheSpecExampleOfRequestsJson() {
        TestHub.awaitFirstRuns(connectors, List.of(POLL));
        RunReport run = connectors.lastRun(POLL);
        assertThat(run.error()).isNull();
        assertThat(run.records()).isEqualTo(2);
        assertThat(run.created()).isEqualTo(3);
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + OSTRAVA + "> { ?r a podněty:podnět }"))
                .isEqualTo(2);
        assertThat(sparql().count("GRAPH <" + OSTRAVA + "> { ?k a podněty:druh-podnětu }"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aPushIsAcceptedWithAReceiptAndPublishedToTheChangeLogAndTheStore() throws Exception {
        HttpResponse<String> response = push(sample(), "application/json", "demo-key");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Api-Key"))
                .as("the key is not echoed")
                .isEmpty();
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.get("receiptId").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(receipt.get("connectorId").asText()).isEqualTo(WEBHOOK);
        assertThat(receipt.get("status").asInt()).isEqualTo(202);
        assertThat(counts(receipt)).containsExactly(1, 0, 2, 2, 0, 0, 0);
        assertThat(receipt.get("rejections")).isEmpty();

        CloudEvent event = eventsOf(REPORT).get(0).value();
        assertThat(event.getType()).isEqualTo("cz.spojka.citizen-report.created");
        assertThat(event.getSource()).hasToString(BASE_IRI + "connectors/" + WEBHOOK);
        assertThat(event.getExtension("graph")).isEqualTo(BRNO);
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.at("/entity/dcterms:identifier").asText()).isEqualTo("638344");
        assertThat(data.at("/provenance/sourceRecordId").asText()).isEqualTo("638344");
        assertThat(eventsOf(KIND).get(0).value().getType()).isEqualTo("cz.spojka.citizen-report-kind.created");

        awaitMaterialized();
        assertThat(sparql().ask("ASK { GRAPH <" + BRNO + "> { <" + REPORT + "> a podněty:podnět ;"
                        + " dcterms:identifier \"638344\" ;"
                        + " adms:status <https://w3id.org/spojka/číselníky/stavy-podnětů/položky/closed> ;"
                        + " podněty:poznámka-ke-stavu \"Duplicate request.\" ;"
                        + " dcterms:dateSubmitted \"2010-04-14T06:37:38-08:00\"^^<http://www.w3.org/2001/XMLSchema#dateTimeStamp> ;"
                        + " geo:hasGeometry/geo:asWKT \"POINT(-122.4651145 37.762221815)\"^^geo:wktLiteral ;"
                        + " dcterms:type <" + KIND + "> ;"
                        + " prov:wasAttributedTo <" + BASE_IRI + "connectors/" + WEBHOOK + "> } }"))
                .isTrue();
        assertThat(sparql().ask("ASK { GRAPH <" + BRNO + "> { <" + KIND + "> skos:notation \"006\" ;"
                        + " skos:prefLabel \"Sidewalk and Curb Issues\"@en } }"))
                .isTrue();
    }

    @Test
    @Order(3)
    void theSamePushAgainPublishesNothing() throws Exception {
        long before = HUB.changeLog().endOffsetSum("spojka.changes");

        HttpResponse<String> response = push(sample(), "application/json; charset=UTF-8", "demo-key");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(counts(JSON.readTree(response.body()))).containsExactly(1, 0, 2, 0, 0, 2, 0);
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(before);
    }

    /** The reporter's fields are dropped on arrival: not in the store, not in any event, not in any dead letter. */
    @Test
    @Order(4)
    void theReportersPersonalDataIsNeverKept() throws Exception {
        ObjectNode request = withReporter((ObjectNode) JSON.readTree(sample()).get(0));
        request.put("service_request_id", "638349");
        HttpResponse<String> accepted = push(JSON.writeValueAsBytes(request), "application/json", "demo-key");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(counts(JSON.readTree(accepted.body()))).containsExactly(1, 0, 2, 1, 0, 1, 0);

        request.put("service_request_id", "");
        HttpResponse<String> refused = push(JSON.writeValueAsBytes(request), "application/json", "demo-key");
        assertThat(refused.statusCode()).isEqualTo(422);

        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + BRNO + "> { ?r a podněty:podnět }"))
                .isEqualTo(2);
        assertThat(sparql().count("?s ?p ?o")).isGreaterThan(20);
        for (String[] field : REPORTER) {
            // Whole values: a short one such as 123456 may well occur inside a provenance timestamp.
            assertThat(sparql().ask("ASK { ?s ?p ?o FILTER(STR(?o) = \"" + field[1] + "\") }"))
                    .as(field[0] + " in the store")
                    .isFalse();
        }
        List<String> events = HUB.changeLog().events("spojka.changes").stream()
                .filter(r -> r.value() != null)
                .map(r -> new String(r.value().getData().toBytes(), UTF_8))
                .toList();
        assertThat(events).hasSize(3 + 2 + 1);
        List<String> letters = HUB.changeLog().deadLetters("spojka.deadletter").stream()
                .map(l -> l.record() + " " + l.reason())
                .toList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0)).contains("\"status\":\"closed\"");
        for (String[] field : REPORTER) {
            assertThat(events).noneMatch(e -> e.contains("\"" + field[1] + "\""));
            assertThat(letters)
                    .noneMatch(l -> l.contains("\"" + field[1] + "\"") || l.contains("\"" + field[0] + "\""));
        }
    }

    @Test
    @Order(5)
    void aPushWithoutOrWithAWrongKeyIs401AndItsBodyIsNotKept() throws Exception {
        assertRefused(
                push(sample(), "application/json", null),
                401,
                "missing API key: send it in the header X-Api-Key",
                null);
        assertRefused(
                push(sample(), "application/json", "demo-kez"), 401, "wrong API key in the header X-Api-Key", null);
    }

    /** A GeoReport v2 client posts a form (the spec's example request): the webhook takes JSON only. */
    @Test
    @Order(6)
    void aPushOfAnotherContentTypeOrCharsetIs415() throws Exception {
        String specExampleForm = "api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078"
                + "&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111"
                + "&account_id=123456&first_name=john&last_name=smith&phone=111111111"
                + "&description=A+large+sinkhole+is+destroying+the+street"
                + "&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg"
                + "&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001";
        assertRefused(
                push(specExampleForm.getBytes(UTF_8), "application/x-www-form-urlencoded; charset=utf-8", "demo-key"),
                415,
                "content type 'application/x-www-form-urlencoded; charset=utf-8' is not accepted; declare one of"
                        + " application/json",
                null);
        assertRefused(
                push(sample(), "application/x-www-form-urlencoded", "demo-key"),
                415,
                "content type 'application/x-www-form-urlencoded' is not accepted; declare one of application/json",
                null);
        assertRefused(
                push(sample(), "application/json; charset=ISO-8859-2", "demo-key"),
                415,
                "charset 'ISO-8859-2' is not accepted: send UTF-8",
                null);
    }

    @Test
    @Order(7)
    void aPushOverTheSizeLimitIs413() throws Exception {
        byte[] large = new byte[1_048_576 + 100];
        Arrays.fill(large, (byte) ' ');
        assertRefused(
                push(large, "application/json", "demo-key"),
                413,
                "the body is larger than the limit of 1048576 bytes",
                null);
    }

    /** Not JSON at all: the reason of the answer is the reason of the dead letter; the body is not kept (dropFields). */
    @Test
    @Order(8)
    void aBodyThatIsNotJsonIs400AndDeadLettered() throws Exception {
        HttpResponse<String> response =
                push("{\"service_request_id\": ".getBytes(UTF_8), "application/json", "demo-key");

        assertThat(response.statusCode()).isEqualTo(400);
        String reason = JSON.readTree(response.body()).get("reasons").get(0).asText();
        assertThat(reason).startsWith("The body is not well-formed JSON: Unexpected end-of-input");
        DeadLetter letter = lastDeadLetter();
        assertThat(letter.stage()).isEqualTo("push");
        assertThat(letter.reason()).isEqualTo("400: " + reason);
        assertThat(letter.record()).isNull();
    }

    /** The spec's own example of GET requests.json: its first media_url ends with a space, which is not a URI. */
    @Test
    @Order(9)
    void aBodyFailingTheRequestSchemaIs400WithEachViolation() throws Exception {
        assertRefused(
                push(AgendaSystem.sample(POLL, "requests.json"), "application/json", "demo-key"),
                400,
                "$[0]/media_url: does not match the uri pattern must be a valid RFC 3986 URI; $[0]/media_url: string"
                        + " found, null expected",
                "638349");
        ObjectNode request = (ObjectNode) JSON.readTree(sample()).get(0);
        request.put("status", "pending");
        request.remove("requested_datetime");
        assertRefused(
                push(JSON.writeValueAsBytes(request), "application/json", "demo-key"),
                400,
                "$/status: does not have a value in the enumeration [\"open\", \"closed\"]; $: required property"
                        + " 'requested_datetime' not found",
                "pending");
    }

    /**
     * Three records that pass the schema, none of which the hub can publish: one without an id (rejected by the
     * mapping) and two that describe the same request 638360 as open and as closed, of a kind with an empty code (the
     * report and its kind fail the SHACL gate).
     */
    @Test
    @Order(10)
    void aPushWhoseEveryRecordIsRejectedIs422WithEachRecordsReason() throws Exception {
        ObjectNode open = (ObjectNode) JSON.readTree(sample()).get(0);
        open.put("service_request_id", "638360").put("service_code", "").put("status", "open");
        ObjectNode closed = open.deepCopy().put("status", "closed");
        ObjectNode withoutId = open.deepCopy().put("service_request_id", "");
        long lettersBefore = HUB.changeLog().endOffsetSum("spojka.deadletter");

        HttpResponse<String> response = push(
                JSON.writeValueAsBytes(
                        JSON.createArrayNode().add(withoutId).add(open).add(closed)),
                "application/json",
                "demo-key");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(counts(answer)).containsExactly(3, 3, 0, 0, 0, 0, 0);
        assertThat(answer.get("reasons"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "record #0 (mapping): the record has no id at '/service_request_id'",
                        // Two records with one id: neither is published, whichever the sender meant.
                        "record 638360 (mapping): the record id '638360' appears 2 times in the body (#1, #2): which"
                                + " of the records is right is unknown, so none is published",
                        "record 638360 (mapping): the record id '638360' appears 2 times in the body (#1, #2): which"
                                + " of the records is right is unknown, so none is published");
        assertThat(answer.get("rejections").get(1).get("entityIri").isNull()).isTrue();
        assertThat(HUB.changeLog().endOffsetSum("spojka.deadletter")).isEqualTo(lettersBefore + 3);
    }

    @Test
    @Order(11)
    void otherMethodsAre405AndNotDeadLettered() throws Exception {
        long lettersBefore = HUB.changeLog().endOffsetSum("spojka.deadletter");

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(ingest())
                        .header("X-Api-Key", "demo-key")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(JSON.readTree(response.body()).get("reasons").get(0).asText())
                .isEqualTo("method GET is not allowed: push with POST");
        assertThat(HUB.changeLog().endOffsetSum("spojka.deadletter")).isEqualTo(lettersBefore);
    }

    @Test
    @Order(12)
    void theConnectorsApiListsThePushedConnectorWithoutSchedule() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/connectors"))
                        .header("X-Api-Key", HubApi.ADMIN_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode webhook = JSON.readTree(response.body()).get(0);
        assertThat(webhook.get("id").asText()).isEqualTo(WEBHOOK);
        assertThat(webhook.get("template").asText()).isEqualTo("webhook");
        assertThat(webhook.get("schedule").isNull()).isTrue();
        assertThat(webhook.at("/lastRun/read").asInt())
                .as("the push of test 10")
                .isEqualTo(3);
    }

    @Test
    @Order(13)
    void aPushTheHubCannotProcessIs500WithTheReasonAndNotDeadLettered() throws Exception {
        long lettersBefore = HUB.changeLog().endOffsetSum("spojka.deadletter");

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/" + MISCONFIGURED))
                        .header("X-Api-Key", "demo-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(sample()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("connectorId").asText()).isEqualTo(MISCONFIGURED);
        assertThat(answer.get("reasons").get(0).asText())
                .startsWith("the push could not be processed, send it again later: ")
                .contains("georeport-v2-request.schema.json");
        assertThat(HUB.changeLog().endOffsetSum("spojka.deadletter")).isEqualTo(lettersBefore);
    }

    // ------------------------------------------------------------------------------------------

    private void assertRefused(HttpResponse<String> response, int status, String reasons, String keptBodyContains)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("status").asInt()).isEqualTo(status);
        assertThat(answer.get("connectorId").asText()).isEqualTo(WEBHOOK);
        List<String> given = Stream.of(JSON.treeToValue(answer.get("reasons"), String[].class))
                .toList();
        assertThat(String.join("; ", given)).isEqualTo(reasons);
        DeadLetter letter = lastDeadLetter();
        assertThat(letter.connectorId()).isEqualTo(WEBHOOK);
        assertThat(letter.recordId()).isEqualTo("body");
        assertThat(letter.stage()).isEqualTo("push");
        assertThat(letter.reason()).isEqualTo(status + ": " + reasons);
        if (keptBodyContains == null) {
            assertThat(letter.record()).isNull();
        } else {
            assertThat(letter.record()).contains(keptBodyContains);
        }
    }

    private HttpResponse<String> push(byte[] body, String contentType, String apiKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI ingest() {
        return URI.create("http://localhost:" + port + "/ingest/" + WEBHOOK);
    }

    private static byte[] sample() {
        return AgendaSystem.sample(WEBHOOK, "request-638344.json");
    }

    private static ObjectNode withReporter(ObjectNode request) {
        for (String[] field : REPORTER) {
            request.put(field[0], field[1]);
        }
        return request;
    }

    /** records, rejected, entities, created, updated, unchanged, deleted */
    private static List<Integer> counts(JsonNode receipt) {
        return Stream.of("records", "rejected", "entities", "created", "updated", "unchanged", "deleted")
                .map(field -> receipt.get(field).asInt())
                .toList();
    }

    private List<ConsumerRecord<String, CloudEvent>> eventsOf(String iri) {
        return HUB.changeLog().events("spojka.changes").stream()
                .filter(r -> r.key().equals(iri))
                .toList();
    }

    private DeadLetter lastDeadLetter() {
        List<DeadLetter> letters = HUB.changeLog().deadLetters("spojka.deadletter");
        return letters.get(letters.size() - 1);
    }

    @Override
    HubSparql sparql() {
        return super.sparql().withPrefixes(PREFIXES);
    }

    /**
     * The two real connector folders, and a copy of the webhook connector whose JSON Schema file is broken (the hub
     * cannot process a push to it).
     */
    private static Path copyOfTheCitizenReportConnectors() {
        Path dir = TestHub.tempDir("spojka-webhook-it-connectors-");
        try {
            copy(Path.of("connectors", WEBHOOK), dir.resolve(WEBHOOK));
            copy(Path.of("connectors", POLL), dir.resolve(POLL));
            Path broken = dir.resolve(MISCONFIGURED);
            copy(Path.of("connectors", WEBHOOK), broken);
            Files.writeString(
                    broken.resolve("connector.yaml"),
                    Files.readString(broken.resolve("connector.yaml"))
                            .replace("id: " + WEBHOOK, "id: " + MISCONFIGURED));
            Files.writeString(broken.resolve("georeport-v2-request.schema.json"), "{ \"required\": ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
