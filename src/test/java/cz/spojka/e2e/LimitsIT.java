package cz.spojka.e2e;

import static cz.spojka.e2e.SparqlHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.audit.AuditEntry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits of anonymous callers on a hub without connectors (its store holds the vocabulary): the rate per client
 * address, taken from {@code X-Forwarded-For} as a reverse proxy on the same machine sends it, the concurrent
 * queries and the result rows of the public role. Each test calls from an address of its own.
 */
class LimitsIT extends HubUnderTest {

    private static final TestHub HUB = TestHub.onFreePorts(
                    TestHub.tempDir("spojka-limits-it-"), TestHub.tempDir("spojka-limits-connectors-"))
            .withRate(1);
    private static final int BURST = 5;
    private static final int CONCURRENT = 2;
    private static final int AUTH_FAILURES = 3;
    private static final String ASK = "ASK { ?s ?p ?o }";
    private static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo agency's key ({@code access/demo.yaml}), role reader. */
    private static final String AGENCY_KEY = "demo-agency-key";

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("spojka.limits.public.rate.burst", () -> BURST);
        registry.add("spojka.limits.public.concurrent-queries", () -> CONCURRENT);
        registry.add("spojka.limits.auth-failures.per-minute", () -> AUTH_FAILURES);
        registry.add("spojka.limits.public.timeout", () -> "10s");
        registry.add("spojka.limits.public.result-rows", () -> 10);
        registry.add("spojka.limits.reader.concurrent-queries", () -> CONCURRENT + 1);
        registry.add("spojka.limits.reader.timeout", () -> "10s");
        registry.add("spojka.limits.reader.result-rows", () -> 1000);
        // Tomcat trusts X-Forwarded-For from a proxy on a private or loopback address.
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    private SparqlHttp http;

    @BeforeEach
    void storeHasTheVocabulary() {
        awaitMaterialized();
        http = new SparqlHttp(sparql().url());
    }

    @Test
    void anAnonymousClientOverItsRateIsAnswered429WithRetryAfterAndOthersAreNot() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertThat(ask("203.0.113.20", "application/json").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = ask("203.0.113.20", "application/json");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 300L));
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("error").asText())
                .startsWith("Too many requests from your address: anonymous callers may make 1 requests a minute (5"
                        + " at once) to the SPARQL endpoint, the downloads, the Linked Data pages, the catalogue and"
                        + " the event stream.");

        HttpResponse<String> page = ask("203.0.113.20", "text/html");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Too many requests</h1>");

        HttpResponse<String> download = http.send(http.request("")
                .uri(URI.create("http://localhost:" + port + "/data"))
                .header("X-Forwarded-For", "203.0.113.20")
                .GET());
        assertThat(download.statusCode()).isEqualTo(429);
        HttpResponse<String> catalog = http.send(http.request("")
                .uri(URI.create("http://localhost:" + port + "/catalog"))
                .header("X-Forwarded-For", "203.0.113.20")
                .GET());
        assertThat(catalog.statusCode()).as("the catalogue is a data channel").isEqualTo(429);

        assertThat(ask("203.0.113.21", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedQueryIsAuditedWithItsClientAndTheHashOfItsBody() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertThat(ask("203.0.113.40", "application/json").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.send(http.request("")
                .header("X-Forwarded-For", "203.0.113.40")
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(ASK)));
        assertThat(refused.statusCode()).isEqualTo(429);

        JsonNode entries = api().get("/api/audit?outcome=refused&action=sparql.query&limit=1000", "demo-admin")
                .get("entries");
        JsonNode entry = Stream.of(JSON.convertValue(entries, JsonNode[].class))
                .filter(e -> e.get("client").asText().equals("203.0.113.40"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asText()).isEqualTo("anonymous");
        assertThat(entry.get("role").asText()).isEqualTo("public");
        assertThat(entry.get("method").asText()).isEqualTo("POST");
        assertThat(entry.get("path").asText()).isEqualTo("/sparql");
        assertThat(entry.get("status").asInt()).isEqualTo(429);
        assertThat(entry.get("queryHash").asText()).isEqualTo(AuditEntry.sha256(ASK));
    }

    @Test
    void aQueryOverTheRolesConcurrentQueriesIsRefusedAtOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> running = Stream.generate(() ->
                        CompletableFuture.supplyAsync(() -> http.send(http.request("?query=" + encode(RUNAWAY))
                                .header("X-Forwarded-For", "203.0.113.10")
                                .header("Accept", "text/csv")
                                .GET())))
                .limit(CONCURRENT + 1)
                .toList();

        List<HttpResponse<String>> answers =
                running.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(429, 503, 503);
        HttpResponse<String> refused =
                answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body())
                .startsWith("Too many queries at once: the endpoint runs at most 2 queries of the role public at a"
                        + " time (spojka.limits.public.concurrent-queries), and that many are running.");
        assertThat(answers.stream().filter(a -> a.statusCode() == 503).map(HttpResponse::body))
                .allSatisfy(body ->
                        assertThat(body).startsWith("Query timed out: this endpoint cancels a query after" + " 10 s"));
    }

    @Test
    void anAgencyIsNotRateLimitedAndGetsTheReadersBudget() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertThat(ask("203.0.113.50", "application/json").statusCode()).isEqualTo(200);
        }
        assertThat(ask("203.0.113.50", "application/json").statusCode()).isEqualTo(429);
        HttpResponse<String> agency = http.send(http.request("?query=" + encode(ASK))
                .header("X-Forwarded-For", "203.0.113.50")
                .header("X-Api-Key", AGENCY_KEY)
                .header("Accept", "application/json")
                .GET());
        assertThat(agency.statusCode()).isEqualTo(200);

        String page = "?query=" + encode("SELECT * WHERE { ?s ?p ?o } LIMIT 500");
        HttpResponse<String> anonymous = http.send(http.request(page)
                .header("X-Forwarded-For", "203.0.113.51")
                .header("Accept", "text/csv")
                .GET());
        assertThat(anonymous.statusCode()).isEqualTo(400);
        HttpResponse<String> reader = http.send(http.request(page)
                .header("X-Forwarded-For", "203.0.113.51")
                .header("X-Api-Key", AGENCY_KEY)
                .header("Accept", "text/csv")
                .GET());
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.body().lines()).as("the header and 500 rows").hasSize(501);

        List<CompletableFuture<HttpResponse<String>>> running = Stream.generate(() ->
                        CompletableFuture.supplyAsync(() -> http.send(http.request("?query=" + encode(RUNAWAY))
                                .header("X-Api-Key", AGENCY_KEY)
                                .header("Accept", "text/csv")
                                .GET())))
                .limit(CONCURRENT + 1)
                .toList();
        assertThat(running.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .as("the reader's budget runs one query more than the public's")
                .containsExactly(503, 503, 503);
    }

    @Test
    void anAddressOverItsRefusedCredentialsHasNoCredentialCheckedButIsServedAsThePublic() throws Exception {
        for (int i = 0; i < AUTH_FAILURES; i++) {
            assertThat(askWithKey("203.0.113.70", "wrong-key-" + i).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> rightKey = askWithKey("203.0.113.70", AGENCY_KEY);
        assertThat(rightKey.statusCode())
                .as("refused before the key is checked")
                .isEqualTo(429);
        assertThat(rightKey.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(JSON.readTree(rightKey.body()).get("error").asText())
                .startsWith("Too many refused credentials from your address: after 3 refused API keys or tokens in a"
                        + " minute, the hub checks no credential from it until the minute ends"
                        + " (spojka.limits.auth-failures.per-minute), a right one neither.");
        HttpResponse<String> bearer = http.send(http.request("?query=" + encode(ASK))
                .header("X-Forwarded-For", "203.0.113.70")
                .header("Authorization", "Bearer any-token")
                .GET());
        assertThat(bearer.statusCode()).isEqualTo(429);

        assertThat(ask("203.0.113.70", "application/json").statusCode())
                .as("without a credential, the public")
                .isEqualTo(200);
        assertThat(askWithKey("203.0.113.71", AGENCY_KEY).statusCode())
                .as("another address")
                .isEqualTo(200);
    }

    @Test
    void aResultOverThePublicRowLimitIsRefused() {
        HttpResponse<String> tooMany = http.send(http.request("?query=" + encode("SELECT * WHERE { ?s ?p ?o }"))
                .header("X-Forwarded-For", "203.0.113.30")
                .header("Accept", "text/csv")
                .GET());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body())
                .startsWith("The result has more than 10 rows, the most this endpoint returns for one query.");
    }

    private HttpResponse<String> askWithKey(String client, String key) {
        return http.send(http.request("?query=" + encode(ASK))
                .header("X-Forwarded-For", client)
                .header("X-Api-Key", key)
                .header("Accept", "application/json")
                .GET());
    }

    private HttpResponse<String> ask(String client, String accept) {
        return http.send(http.request("?query=" + encode(ASK))
                .header("X-Forwarded-For", client)
                .header("Accept", accept)
                .GET());
    }
}
