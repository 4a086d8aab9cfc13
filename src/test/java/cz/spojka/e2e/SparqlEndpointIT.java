package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPARQL 1.1 protocol at /sparql, as open-data consumers use it, over the real notice boards. */
class SparqlEndpointIT extends HubIT {

    private static final String BOARDS = "SELECT ?b WHERE { ?b a <https://slovník.gov.cz/datový/ofn-úřední-desky/"
            + "pojem/úřední-deska> } ORDER BY ?b";
    private static final String EDESKY_GRAPH = BASE_IRI + "graph/uredni-deska/00270211";
    private static final String CHRUDIM_BOARD = BASE_IRI + "zdroj/uredni-deska/00270211/deska/edesky.cz/desky/97";
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void hubHasIngestedTheSamples() {
        awaitStartupRuns();
    }

    @Test
    void selectsViaGetWithJsonResults() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("?query=" + encode(BOARDS)))
                .header("Accept", "application/sparql-results+json")
                .GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/sparql-results+json"));
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.at("/head/vars/0").asText()).isEqualTo("b");
        assertThat(json.at("/results/bindings")).hasSize(183);
    }

    @ParameterizedTest
    @CsvSource({"application/sparql-results+xml, <sparql", "text/csv, b", "text/tab-separated-values, ?b"})
    void selectsViaPostFormInEveryResultFormat(String accept, String start) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(BOARDS))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(accept);
        assertThat(response.body()).contains(start).contains(CHRUDIM_BOARD);
    }

    @Test
    void asksViaPostDirect() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("ASK { <" + CHRUDIM_BOARD + "> ?p ?o }")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).get("boolean").asBoolean())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "text/turtle, TURTLE",
        "application/n-triples, NTRIPLES",
        "application/ld+json, JSONLD",
        "application/rdf+xml, RDFXML"
    })
    void constructsAndDescribesInEveryRdfFormat(String accept, String lang) throws Exception {
        String construct = "CONSTRUCT { ?n ?p ?o } WHERE { GRAPH <" + EDESKY_GRAPH + "> { ?n ?p ?o } }";
        Graph graph = rdf(
                send(HttpRequest.newBuilder(uri("?query=" + encode(construct)))
                        .header("Accept", accept)
                        .GET()),
                accept,
                lang);
        assertThat((long) graph.size()).isEqualTo(count("GRAPH <" + EDESKY_GRAPH + "> { ?s ?p ?o }"));

        Graph described = rdf(
                send(HttpRequest.newBuilder(uri("?query=" + encode("DESCRIBE <" + CHRUDIM_BOARD + ">")))
                        .header("Accept", accept)
                        .GET()),
                accept,
                lang);
        assertThat(described.size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theDefaultGraphIsTheUnionOfTheNamedGraphs() {
        // A set union: a triple in several graphs (the vocabulary files describe shared terms alike) counts once.
        long inNamedGraphs = count("{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
        assertThat(count("?s ?p ?o")).isEqualTo(inNamedGraphs).isGreaterThan(20_000);
        assertThat(count("?s <urn:x-spojka:next-offset> ?o"))
                .as("the materializer's offsets are not published")
                .isZero();
    }

    @Test
    void publishesTheCodelistsSoTheLabelsOfLinkedConceptsAreFound() {
        assertThat(sparql().select("SELECT ?label WHERE { GRAPH <" + BASE_IRI + "vocab/codelists/"
                        + "rozpoctova-skladba-paragrafy> { <https://w3id.org/spojka/číselník/rozpočtová-skladba-"
                        + "paragrafy/položky/6171> <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } }"))
                .containsExactly("Činnost místní správy");
        assertThat(count("GRAPH <" + BASE_IRI + "vocab/ontology/uredni-desky> { ?s ?p ?o }"))
                .isGreaterThan(10);
    }

    @Test
    void readsGraphsWithTheGraphStoreProtocol() throws Exception {
        Graph named = rdf(
                send(HttpRequest.newBuilder(uri("?graph=" + encode(EDESKY_GRAPH)))
                        .header("Accept", "text/turtle")
                        .GET()),
                "text/turtle",
                "TURTLE");
        assertThat((long) named.size()).isEqualTo(count("GRAPH <" + EDESKY_GRAPH + "> { ?s ?p ?o }"));
        Graph union = rdf(
                send(HttpRequest.newBuilder(uri("?default"))
                        .header("Accept", "application/n-triples")
                        // The union is more than the public role's result rows here (SparqlLimitsIT); every graph of
                        // this hub is public, so the admin reads the same union.
                        .header("X-Api-Key", HubApi.ADMIN_KEY)
                        .GET()),
                "application/n-triples",
                "NTRIPLES");
        assertThat((long) union.size())
                .as("the default graph is the union of the named graphs, as for queries")
                .isEqualTo(count("{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"));
        assertThat(union.contains(Node.ANY, NodeFactory.createURI("urn:x-spojka:next-offset"), Node.ANY))
                .isFalse();
    }

    @Test
    void refusesSparqlUpdateWithAClearMessage() throws Exception {
        HttpResponse<String> direct = send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("DROP ALL")));
        assertThat(direct.statusCode()).isEqualTo(403);
        assertThat(direct.body()).startsWith("SPARQL Update is not accepted: /sparql is a read-only endpoint.");
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + encode("CLEAR DEFAULT"))));
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(count("?s ?p ?o")).isGreaterThan(20_000);
    }

    @Test
    void refusesGraphStoreWrites() throws Exception {
        for (String method : new String[] {"PUT", "POST", "DELETE"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("?graph=" + encode(EDESKY_GRAPH)))
                    .header("Content-Type", "text/turtle")
                    .method(method, HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.body())
                    .isEqualTo("Graph Store Protocol " + method + " is not accepted: /sparql is a read-only endpoint."
                            + " Data enters the hub only through its connectors and the Kafka change log (see"
                            + " /api/connectors).\n");
        }
        assertThat(count("GRAPH <" + EDESKY_GRAPH + "> { <urn:a> ?p ?o }")).isZero();
    }

    @Test
    void headOfAGraphAnswersLikeGetWithoutTheBodyAndAnUnknownGraphIsNotFound() throws Exception {
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("?graph=" + encode(EDESKY_GRAPH)))
                .header("Accept", "application/ld+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(head.body()).isEmpty();
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("?graph=" + encode(BASE_IRI + "graph/none")))
                .header("Accept", "text/turtle")
                .GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No such graph: <" + BASE_IRI + "graph/none>");
    }

    @Test
    void aRequestWithoutAQueryIsAnsweredWithHowToAskNotWithTheWholeStore() throws Exception {
        HttpResponse<String> bare = send(HttpRequest.newBuilder(uri("")).GET());
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).startsWith("No query: send a SPARQL query as ?query=… (GET)");
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("default-graph-uri=" + encode(EDESKY_GRAPH))));
        assertThat(form.statusCode()).isEqualTo(400);
    }

    @Test
    void theStoredDefaultGraphIsHiddenFromGraphPatternsAndFrom() {
        assertThat(count("GRAPH <urn:x-arq:DefaultGraph> { ?s ?p ?o }")).isZero();
        assertThat(sparql().select("SELECT (COUNT(*) AS ?n) FROM <urn:x-arq:DefaultGraph> WHERE { ?s ?p ?o }"))
                .containsExactly("0");
        assertThat(sparql().select("SELECT (COUNT(*) AS ?n) FROM <" + EDESKY_GRAPH + "> WHERE { ?s ?p ?o }"))
                .containsExactly(Long.toString(count("GRAPH <" + EDESKY_GRAPH + "> { ?s ?p ?o }")));
    }

    @Test
    void answersASyntaxErrorWith400AndTheParsersMessage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("?query=" + encode("SELECT * WHERE { ?s ")))
                .GET());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Encountered").contains("line 1");
    }

    private URI uri(String query) {
        return URI.create(sparql().url() + query);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Graph rdf(HttpResponse<String> response, String accept, String lang) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(accept);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), langOf(lang)).parse(graph);
        return graph;
    }

    private static Lang langOf(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "JSONLD" -> Lang.JSONLD;
            default -> Lang.RDFXML;
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
