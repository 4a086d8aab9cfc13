package cz.spojka.e2e;

import static cz.spojka.e2e.SparqlHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps the endpoint responsive and usable from a browser: the query timeout (the endpoint's own, and a shorter
 * one the client asks for), the result-row limit (of queries and of Graph Store reads), and CORS.
 */
class SparqlLimitsIT extends HubIT {

    static final int ROW_LIMIT = 10_000;
    /** Short enough to wait for, long enough for every other query of the shared hub on a loaded machine. */
    static final String QUERY_TIMEOUT = "20s";

    private static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final String SIMPLE =
            "ASK { ?board a <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/" + "úřední-deska> }";
    private static final String TIMED_OUT = "Query timed out: this endpoint cancels a query after 20 s, or sooner when"
            + " the request asks for it with timeout=<seconds>.";
    private static final String ORIGIN = "https://mapa.obce.example";

    private SparqlHttp http;

    @BeforeEach
    void hubHasIngestedTheSamples() {
        awaitStartupRuns();
        http = new SparqlHttp(sparql().url());
    }

    @Test
    void aRunawayQueryIsCancelledAtTheClientsTimeoutWhileASimpleQueryAnswersAtOnce() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> runaway =
                CompletableFuture.supplyAsync(() -> http.get("?timeout=2&query=" + encode(RUNAWAY), "text/csv"));
        Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            long asked = System.nanoTime();
            HttpResponse<String> simple = http.get("?query=" + encode(SIMPLE), "text/csv");
            assertThat(simple.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .as("a simple query while the runaway runs")
                    .isLessThan(Duration.ofSeconds(1));
        }
        HttpResponse<String> cancelled = runaway.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(cancelled.statusCode()).isEqualTo(503);
        assertThat(cancelled.body()).startsWith(TIMED_OUT);
        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    @Test
    void aClientCannotAskForMoreThanTheEndpointsTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> cancelled = http.get("?timeout=600&query=" + encode(RUNAWAY), "text/csv");
        assertThat(cancelled.statusCode()).isEqualTo(503);
        assertThat(cancelled.body()).startsWith(TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(28));
    }

    @Test
    void aResultOverTheRowLimitIsRefusedWithAMessageAndOneWithinItIsServed() throws Exception {
        HttpResponse<String> tooMany = http.get("?query=" + encode("SELECT * WHERE { ?s ?p ?o }"), "text/csv");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body())
                .startsWith("The result has more than 10,000 rows, the most this endpoint returns for one query. Page"
                        + " through it with ORDER BY, LIMIT and OFFSET, or narrow the query.");

        HttpResponse<String> page = http.get(
                "?query=" + encode("SELECT * WHERE { ?s ?p ?o } LIMIT 10000 OFFSET 10"),
                "application/sparql-results+json");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(page.body()).at("/results/bindings"))
                .hasSize(ROW_LIMIT);

        HttpResponse<String> everything =
                http.get("?query=" + encode("CONSTRUCT WHERE { ?s ?p ?o }"), "application/n-triples");
        assertThat(everything.statusCode()).isEqualTo(400);
        assertThat(everything.body()).startsWith("The result has more than 10,000 triples");
    }

    @Test
    void aGraphStoreReadOverTheRowLimitIsRefusedBeforeItsBodyAndOneWithinItIsServed() throws Exception {
        HttpResponse<String> everything = http.get("?default", "application/n-triples");
        assertThat(everything.statusCode()).isEqualTo(400);
        assertThat(everything.body())
                .startsWith("The graph has more than 10,000 triples, the most this endpoint returns to the role public"
                        + " at once (spojka.limits.public.result-rows). Query it with SPARQL instead and page through"
                        + " it with ORDER BY, LIMIT and OFFSET.");

        HttpResponse<String> smallest = http.get(
                "?query="
                        + encode("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?n"
                                + " LIMIT 1"),
                "application/sparql-results+json");
        var row = new ObjectMapper().readTree(smallest.body()).at("/results/bindings/0");
        int triples = row.at("/n/value").asInt();
        assertThat(triples).isBetween(1, ROW_LIMIT);
        HttpResponse<String> graph =
                http.get("?graph=" + encode(row.at("/g/value").asText()), "application/n-triples");
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body().lines()).hasSize(triples);
    }

    @Test
    void browserAppsOfAnyOriginMayQuery() {
        HttpResponse<String> preflight = http.send(http.request("")
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, accept, x-api-key, authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers ->
                        assertThat(headers.toLowerCase()).contains("content-type", "x-api-key", "authorization"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .as("credentials are headers, never cookies")
                .isEmpty();

        HttpResponse<String> simple = http.send(http.request("?query=" + encode(SIMPLE))
                .header("Origin", ORIGIN)
                .header("Accept", "text/csv")
                .GET());
        assertThat(simple.statusCode()).isEqualTo(200);
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(simple.body()).isEqualTo("_askResult\r\ntrue\r\n");
    }
}
