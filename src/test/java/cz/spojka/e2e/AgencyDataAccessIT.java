package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who sees the restricted waste containers ({@code zaplnenost-nadob}, Prague 00064581) and the internal parking lots
 * ({@code obsazenost-parkovist}) on every data channel but the events: the demo agency granted the containers, an
 * agency without a grant, one granted only another municipality, one whose grant expired, an operator and the admin.
 * Agencies other than the demo's are made through the admin API.
 */
class AgencyDataAccessIT extends DemoHubIT {

    private static final String BASE = TestHub.BASE_IRI;
    private static final String CONTAINERS = BASE + "graph/zaplnenost-nadob/00064581";
    private static final String PARKING = BASE + "graph/obsazenost-parkovist/00064581";
    private static final String ADMIN_KEY = "demo-admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The keys of the agencies this test made, by agency, made once for the shared hub. */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    /** What a caller sees: the containers (restricted), the parking lots (internal). */
    enum Sees {
        PUBLIC_ONLY(false, false),
        CONTAINERS(true, false),
        EVERYTHING(true, true);

        final boolean containers;
        final boolean parking;

        Sees(boolean containers, boolean parking) {
            this.containers = containers;
            this.parking = parking;
        }
    }

    /** A caller: how its key is obtained, what it sees, how a restricted download it may not read is refused. */
    record Case(String caller, Sees sees, int refusedDownload) {
        @Override
        public String toString() {
            return caller;
        }
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                        new Case("demo-agency", Sees.CONTAINERS, 0),
                        new Case("no-grant", Sees.PUBLIC_ONLY, 403),
                        new Case("chrudim-only", Sees.PUBLIC_ONLY, 403),
                        new Case("expired-grant", Sees.PUBLIC_ONLY, 403),
                        new Case("operator", Sees.EVERYTHING, 0),
                        new Case("admin", Sees.EVERYTHING, 0))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void eachChannelShowsExactlyWhatTheCallerMayRead(Case caller) throws Exception {
        String key = key(caller.caller());

        Set<String> graphs = graphs(key);
        assertThat(graphs).as("GRAPH ?g").contains(BASE + "graph/uredni-deska/00007064");
        assertThat(graphs.contains(CONTAINERS))
                .as("GRAPH ?g lists the containers")
                .isEqualTo(caller.sees().containers);
        assertThat(graphs.contains(PARKING))
                .as("GRAPH ?g lists the parking lots")
                .isEqualTo(caller.sees().parking);
        assertThat(get("/sparql?graph=" + encode(CONTAINERS), "text/turtle", key)
                        .statusCode())
                .as("Graph Store read")
                .isEqualTo(caller.sees().containers ? 200 : 404);
        assertThat(get("/graph/zaplnenost-nadob/00064581", "text/html", key).statusCode())
                .as("Linked Data page")
                .isEqualTo(caller.sees().containers ? 200 : 404);
        assertThat(get("/data/zaplnenost-nadob.ttl", "*/*", key).statusCode())
                .as("restricted download")
                .isEqualTo(caller.sees().containers ? 200 : caller.refusedDownload());
        assertThat(get("/data/obsazenost-parkovist.ttl", "*/*", key).statusCode())
                .as("internal download")
                .isEqualTo(caller.sees().parking ? 200 : 404);
        assertThat(get("/catalog", "application/ld+json", key).body().contains("catalog/datasets/zaplnenost-nadob/"))
                .as("catalogue record")
                .isEqualTo(caller.sees().containers);
        assertThat(get("/", "text/html", key).body().contains("Zaplněnost nádob"))
                .as("home page")
                .isEqualTo(caller.sees().containers);
    }

    @Test
    void aRevokedKeyIsRefusedOnEveryChannel() throws Exception {
        String key = agencyWithKey("revoked-key", "reader");
        JsonNode keys = JSON.readTree(
                send("GET", "/api/agencies/revoked-key/keys", null).body());
        send("DELETE", "/api/agencies/revoked-key/keys/" + keys.get(0).get("id").asText(), null);

        for (String path : new String[] {"/sparql?query=" + encode("ASK {}"), "/data", "/catalog", "/"}) {
            assertThat(get(path, "*/*", key).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void anAgencysRefusedUpdateIsAuditedAsTheAgencys() throws Exception {
        HttpResponse<String> update =
                get("/sparql?update=" + encode("CLEAR GRAPH <" + CONTAINERS + ">"), "*/*", "demo-agency-key");
        assertThat(update.statusCode()).isEqualTo(403);

        // The audit filter records the answer once Fuseki's filter chain has returned: the client may be faster.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(JSON.readTree(send(
                                                "GET",
                                                "/api/audit?action=sparql.query&outcome=refused&actor=demo-agency",
                                                null)
                                        .body())
                                .get("entries"))
                        .anySatisfy(entry -> {
                            assertThat(entry.get("status").asInt()).isEqualTo(403);
                            assertThat(entry.get("role").asText()).isEqualTo("reader");
                        }));
    }

    /** The key of a caller, made through the admin API the first time it is asked. */
    private String key(String caller) throws Exception {
        return switch (caller) {
            case "demo-agency" -> "demo-agency-key";
            case "admin" -> ADMIN_KEY;
            default -> KEYS.computeIfAbsent(caller, this::made);
        };
    }

    private String made(String caller) {
        try {
            String key = agencyWithKey(caller, caller.equals("operator") ? "operator" : "reader");
            switch (caller) {
                case "chrudim-only" -> grant(caller, "\"00270211\"", null);
                case "expired-grant" -> {
                    Instant expiry = Instant.now().plusSeconds(2);
                    grant(caller, null, "\"" + expiry + "\"");
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> Instant.now().isAfter(expiry));
                }
                default -> {}
            }
            return key;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String agencyWithKey(String agency, String role) throws IOException, InterruptedException {
        HttpResponse<String> created = send(
                "POST",
                "/api/agencies",
                "{\"id\":\"" + agency + "\",\"name\":\"" + agency + "\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> issued = send("POST", "/api/agencies/" + agency + "/keys", "{}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).get("key").asText();
    }

    private void grant(String agency, String municipality, String expiresAt) throws IOException, InterruptedException {
        HttpResponse<String> granted = send(
                "POST",
                "/api/grants",
                "{\"agency\":\"" + agency + "\",\"dataset\":\"zaplnenost-nadob\",\"municipality\":" + municipality
                        + ",\"expiresAt\":" + expiresAt + "}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    }

    private Set<String> graphs(String key) {
        Set<String> graphs = new TreeSet<>();
        try (QueryExecHTTP exec = QueryExecHTTP.service(sparql().url())
                .query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
                .httpHeader("X-Api-Key", key)
                .build()) {
            exec.select().forEachRemaining(row -> graphs.add(row.get("g").getURI()));
        }
        return graphs;
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        return api().send(method, path, ADMIN_KEY, json);
    }

    private HttpResponse<String> get(String path, String accept, String key) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .header("X-Api-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
