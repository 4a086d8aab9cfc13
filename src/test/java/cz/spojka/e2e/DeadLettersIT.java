package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.store.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dead-letter log of a running hub with the real webhook connector {@code citizen-reports}: its mapping, broken on
 * disk, maps the status of open reports only, so closed ones fail the SHACL gate; the letters are listed with their
 * reasons; the mapping is fixed on disk and the hub restarted on the same data and broker; replays by id and by
 * connector publish each report once, a second replay publishes nothing, and the outcomes survive the restart.
 */
class DeadLettersIT {

    private static final String WEBHOOK = "citizen-reports";
    private static final String ADMIN = "demo-admin";
    private static final String REPORTS = BASE_IRI + "zdroj/podnety/44992785/podnět/";
    private static final String STATUS_LINE = "      ?record g:status ?statusCode .";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void lettersAreListedAndReplayedAfterTheMappingIsFixed() throws Exception {
        Path connectorsDir = TestHub.tempDir("spojka-deadletters-it-connectors-");
        copy(Path.of("connectors", WEBHOOK), connectorsDir.resolve(WEBHOOK));
        Path mapping = connectorsDir.resolve(WEBHOOK).resolve("mapping.yaml");
        String fixed = Files.readString(mapping);
        assertThat(fixed).contains(STATUS_LINE);
        Files.writeString(mapping, fixed.replace(STATUS_LINE, STATUS_LINE + " FILTER(STR(?statusCode) = \"open\")"));
        TestHub hub = TestHub.onFreePorts(TestHub.tempDir("spojka-deadletters-it-"), connectorsDir);

        String closed1;
        String closed2;
        String withoutId;
        String truncated;
        try (ConfigurableApplicationContext context = hub.start()) {
            HubApi api = HubApi.at(port(context));
            assertThat(api.send("GET", "/api/deadletters", null).statusCode()).isEqualTo(401);
            assertThat(api.send("POST", "/api/connectors/" + WEBHOOK + "/deadletters/replay", null)
                            .statusCode())
                    .isEqualTo(401);

            HttpResponse<String> pushed = push(
                    context,
                    requests(
                            request("700001", "closed"),
                            request("700002", "open"),
                            request("700003", "closed"),
                            request("", "open")));
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
            ObjectNode large = request("700004", "closed");
            large.put("status_notes", "x".repeat(70_000));
            assertThat(push(context, requests(large)).statusCode())
                    .as("the kind passes, unchanged")
                    .isEqualTo(202);
            assertThat(push(context, "{\"service_request_id\": ".getBytes(UTF_8))
                            .statusCode())
                    .isEqualTo(400);

            JsonNode all = api.get("/api/deadletters", ADMIN);
            assertThat(all.get("total").asInt()).isEqualTo(5);
            JsonNode shacl = api.get("/api/deadletters?connector=" + WEBHOOK + "&stage=shacl", ADMIN);
            assertThat(shacl.get("total").asInt()).isEqualTo(3);
            assertThat(shacl.get("letters"))
                    .extracting(l -> l.get("recordId").asText())
                    .containsExactly("700004", "700003", "700001");
            assertThat(shacl.get("letters").get(1).get("reason").asText())
                    .isEqualTo("SHACL: 1 violation(s); A citizen report must have exactly one status (adms:status):"
                            + " open or closed of the codelist https://w3id.org/spojka/číselníky/stavy-podnětů [path"
                            + " <http://www.w3.org/ns/adms#status>]");
            JsonNode mappingLetter = api.get("/api/deadletters?stage=mapping", ADMIN)
                    .get("letters")
                    .get(0);
            assertThat(mappingLetter.get("reason").asText()).isEqualTo("the record has no id at '/service_request_id'");
            JsonNode pushLetter =
                    api.get("/api/deadletters?stage=push", ADMIN).get("letters").get(0);
            assertThat(pushLetter.get("replayable").asBoolean()).isFalse();
            closed1 = shacl.get("letters").get(2).get("id").asText();
            closed2 = shacl.get("letters").get(1).get("id").asText();
            truncated = shacl.get("letters").get(0).get("id").asText();
            withoutId = mappingLetter.get("id").asText();
            assertThat(closed1).matches("[0-9]+-[0-9]+");

            JsonNode page = api.get("/api/deadletters?size=2&page=2", ADMIN);
            assertThat(page.get("total").asInt()).isEqualTo(5);
            assertThat(page.get("letters")).hasSize(1);
            JsonNode whole = api.get("/api/deadletters/" + closed1, ADMIN);
            assertThat(JSON.readTree(whole.get("record").asText())
                            .get("service_request_id")
                            .asText())
                    .isEqualTo("700001");
            assertThat(whole.get("report").asText()).contains("sh:ValidationReport");
            assertThat(whole.get("replayed").asBoolean()).isFalse();

            JsonNode metric = api.get(
                    "/actuator/metrics/spojka.deadletters?tag=connector:" + WEBHOOK + "&tag=stage:shacl", ADMIN);
            assertThat(metric.at("/measurements/0/value").asDouble()).isEqualTo(3.0);
            assertThat(HubApi.item(api.get("/api/connectors", ADMIN), "id", WEBHOOK)
                            .get("unresolvedDeadLetters")
                            .asInt())
                    .isEqualTo(5);
        }

        Files.writeString(mapping, fixed);
        try (ConfigurableApplicationContext context = hub.start()) {
            HubApi api = HubApi.at(port(context));
            Materializer materializer = context.getBean(Materializer.class);
            assertThat(api.get("/api/deadletters", ADMIN).get("total").asInt()).isEqualTo(5);

            JsonNode first = replay(api, closed1, 200);
            assertThat(first.get("outcome").asText()).isEqualTo("published");
            assertThat(first.get("created").asInt()).isEqualTo(1);
            assertThat(first.get("unchanged").asInt()).as("the kind 006").isEqualTo(1);
            assertThat(eventsOf(hub, REPORTS + "700001")).isEqualTo(1);
            long events = hub.changeLog().endOffsetSum("spojka.changes");

            JsonNode again = replay(api, closed1, 200);
            assertThat(again.get("outcome").asText()).isEqualTo("unchanged");
            assertThat(again.get("created").asInt() + again.get("updated").asInt())
                    .isZero();
            assertThat(hub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(events);

            assertThat(replay(api, truncated, 409).get("error").asText())
                    .isEqualTo("dead letter " + truncated + " cannot be replayed: the record was longer than 64 KiB"
                            + " and is kept truncated; fetch it again from the source (run the connector) instead");
            assertThat(replay(api, "0-999999", 404).get("status").asInt()).isEqualTo(404);

            JsonNode byConnector =
                    JSON.readTree(api.send("POST", "/api/connectors/" + WEBHOOK + "/deadletters/replay", ADMIN)
                            .body());
            assertThat(List.of(
                            byConnector.get("published").asInt(),
                            byConnector.get("unchanged").asInt(),
                            byConnector.get("rejected").asInt(),
                            byConnector.get("notReplayable").asInt()))
                    .containsExactly(1, 0, 1, 2);
            JsonNode rejectedAgain = stream(byConnector.get("replays"))
                    .filter(r -> withoutId.equals(r.path("letterId").asText()))
                    .findFirst()
                    .orElseThrow();
            assertThat(rejectedAgain.get("outcome").asText()).isEqualTo("rejected");
            assertThat(rejectedAgain.get("reasons").get(0).asText())
                    .isEqualTo("mapping: the record has no id at '/service_request_id'");
            String newLetter = rejectedAgain.get("newLetters").get(0).asText();
            assertThat(api.get("/api/deadletters/" + newLetter, ADMIN)
                            .get("replayOf")
                            .asText())
                    .isEqualTo(withoutId);
            assertThat(eventsOf(hub, REPORTS + "700003")).isEqualTo(1);
            assertThat(eventsOf(hub, REPORTS + "700001")).isEqualTo(1);

            TestHub.awaitMaterialized(materializer);
            HubSparql sparql = HubSparql.of(context);
            for (String id : List.of("700001", "700002", "700003")) {
                assertThat(sparql.ask("ASK { GRAPH ?g { <" + REPORTS + id + "> <http://www.w3.org/ns/adms#status>"
                                + " ?status } }"))
                        .as(id)
                        .isTrue();
            }
        }

        try (ConfigurableApplicationContext context = hub.start()) {
            HubApi api = HubApi.at(port(context));
            JsonNode letter = api.get("/api/deadletters/" + closed1, ADMIN);
            assertThat(letter.get("replays"))
                    .extracting(r -> r.get("outcome").asText())
                    .containsExactly("published", "unchanged");
            assertThat(api.get("/api/deadletters/" + closed2, ADMIN)
                            .at("/lastReplay/outcome")
                            .asText())
                    .isEqualTo("published");
            long events = hub.changeLog().endOffsetSum("spojka.changes");
            JsonNode byConnector =
                    JSON.readTree(api.send("POST", "/api/connectors/" + WEBHOOK + "/deadletters/replay", ADMIN)
                            .body());
            assertThat(byConnector.get("published").asInt()
                            + byConnector.get("unchanged").asInt())
                    .as("only the new letter of the record without id and the two not replayable are left")
                    .isZero();
            assertThat(byConnector.get("rejected").asInt()).isEqualTo(1);
            assertThat(hub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(events);
            assertThat(HubApi.item(api.get("/api/connectors", ADMIN), "id", WEBHOOK)
                            .get("unresolvedDeadLetters")
                            .asInt())
                    .as("the push, the truncated record and the latest letter of the record without id")
                    .isEqualTo(3);
        }
    }

    private static JsonNode replay(HubApi api, String id, int status) throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/deadletters/" + id + "/replay", ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static long eventsOf(TestHub hub, String iri) {
        return hub.changeLog().events("spojka.changes").stream()
                .filter(r -> r.key().equals(iri))
                .count();
    }

    private HttpResponse<String> push(ConfigurableApplicationContext context, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(context) + "/ingest/" + WEBHOOK))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "demo-key")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] requests(ObjectNode... requests) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        Stream.of(requests).forEach(list::add);
        return JSON.writeValueAsBytes(list);
    }

    private static ObjectNode request(String id, String status) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(AgendaSystem.sample(WEBHOOK, "request-638344.json"))
                .get(0);
        return request.put("service_request_id", id).put("status", status);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
