package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.store.TdbEntityStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8's access control on every data channel but the events, for the anonymous public, over the demo hub: the
 * waste containers ({@code zaplnenost-nadob}) are {@code restricted}, the parking lots ({@code obsazenost-parkovist})
 * {@code internal}. Each SPARQL trick is run over the endpoint and, for reference, over an in-memory copy of the
 * store's public graphs and over one of all its graphs: the endpoint answers exactly what the public copy answers,
 * and the copy of all graphs proves the trick would have reached hidden data.
 */
class DataAccessIT extends DemoHubIT {

    private static final String BASE = TestHub.BASE_IRI;
    private static final List<String> HIDDEN = List.of(
            BASE + "graph/zaplnenost-nadob/",
            BASE + "graph/obsazenost-parkovist/",
            BASE + "catalog/datasets/zaplnenost",
            BASE + "catalog/datasets/obsazenost");
    private static final String CONTAINERS = BASE + "graph/zaplnenost-nadob/00064581";
    private static final String PARKING = BASE + "graph/obsazenost-parkovist/00064581";
    private static final String NOTICES = BASE + "graph/uredni-deska/00007064";
    private static final String PREFIXES = """
            PREFIX sosa: <http://www.w3.org/ns/sosa/>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX geof: <http://www.opengis.net/def/function/geosparql/>
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            """;
    /** Prague and around: the parking lots and the air-quality stations stand in it. */
    private static final String PRAGUE_BOX =
            "\"POLYGON((14.2 49.9, 14.8 49.9, 14.8 50.2, 14.2 50.2, 14.2 49.9))\"^^geo:wktLiteral";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TdbEntityStore store;

    private DatasetGraph publicCopy;
    private DatasetGraph everythingCopy;

    @BeforeEach
    void copyTheStore() {
        if (publicCopy == null) {
            publicCopy = copy(true);
            everythingCopy = copy(false);
        }
    }

    /**
     * The store's named graphs (only the public ones, or all), each also added to the default graph, which is the
     * union as the endpoint's is.
     */
    private DatasetGraph copy(boolean publicOnly) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        Txn.executeRead(
                store.dataset(),
                () -> store.dataset().find().forEachRemaining(quad -> {
                    if (!quad.isDefaultGraph()
                            && !quad.getGraph().getURI().startsWith("urn:x-spojka:")
                            && !(publicOnly && hidden(quad.getGraph().getURI()))) {
                        copy.add(quad);
                        copy.getDefaultGraph().add(quad.asTriple());
                    }
                }));
        return copy;
    }

    private static boolean hidden(String graph) {
        return HIDDEN.stream().anyMatch(graph::startsWith);
    }

    static Stream<Arguments> tricks() {
        return Stream.of(
                Arguments.of("the union default graph", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                Arguments.of("GRAPH ?g", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
                Arguments.of(
                        "FROM a hidden and a public graph",
                        "SELECT (COUNT(*) AS ?n) FROM <" + CONTAINERS + "> FROM <" + NOTICES + "> WHERE { ?s ?p ?o }"),
                Arguments.of(
                        "FROM NAMED",
                        "SELECT (COUNT(*) AS ?n) FROM NAMED <" + PARKING + "> FROM NAMED <" + NOTICES
                                + "> WHERE { GRAPH ?g { ?s ?p ?o } }"),
                Arguments.of(
                        "FROM the union graph",
                        "SELECT (COUNT(*) AS ?n) FROM <urn:x-arq:UnionGraph> WHERE { ?s a sosa:Observation }"),
                Arguments.of("a property path", "SELECT (COUNT(*) AS ?n) WHERE { ?o sosa:madeBySensor+ ?sensor }"),
                Arguments.of(
                        "EXISTS in a sub-query",
                        "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?s WHERE { ?s a sosa:Observation FILTER EXISTS"
                                + " { ?s sosa:madeBySensor ?sensor } } } }"),
                Arguments.of(
                        "a GeoSPARQL function",
                        "SELECT (COUNT(*) AS ?n) WHERE { ?f geo:hasGeometry/geo:asWKT ?w" + " FILTER(geof:sfWithin(?w, "
                                + PRAGUE_BOX + ")) }"),
                Arguments.of(
                        "a GeoSPARQL property function",
                        "SELECT (COUNT(*) AS ?n) WHERE { ?f geo:hasGeometry ?point . ?point geo:sfWithin " + PRAGUE_BOX
                                + " }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricks")
    void theAnonymousPublicCountsOnlyPublicGraphs(String trick, String query) {
        long answered = count(sparql().rows(PREFIXES + query));

        assertThat(answered).as(trick).isEqualTo(countIn(publicCopy, query));
        assertThat(countIn(everythingCopy, query))
                .as(trick + " reaches hidden data without access control")
                .isGreaterThan(answered);
    }

    @Test
    void graphVariablesListExactlyThePublicGraphs() {
        List<String> graphs = sparql().rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").stream()
                .map(row -> row.get("g").getURI())
                .toList();

        assertThat(new TreeSet<>(graphs)).isEqualTo(graphsOf(publicCopy));
        assertThat(graphsOf(everythingCopy)).contains(CONTAINERS, PARKING);
    }

    @Test
    void protocolDatasetParametersNameNoHiddenGraph() {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }";
        try (QueryExecHTTP exec = QueryExecHTTP.service(sparql().url())
                .query(query)
                .addDefaultGraphURI(CONTAINERS)
                .addNamedGraphURI(PARKING)
                .build()) {
            assertThat(count(exec.select().materialize().next())).isZero();
        }
    }

    @Test
    void describeAskAndConstructShowNothingOfAHiddenEntity() {
        Node container = hiddenEntity();

        assertThat(sparql().ask("ASK { <" + container.getURI() + "> ?p ?o }")).isFalse();
        assertThat(sparql().ask("ASK { GRAPH <" + CONTAINERS + "> { ?s ?p ?o } }"))
                .isFalse();
        assertThat(triples("DESCRIBE <" + container.getURI() + ">")).isZero();
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a sosa:Observation ; ?p ?o }";
        assertThat(triples(construct)).isEqualTo(constructedIn(publicCopy, construct));
        assertThat(constructedIn(everythingCopy, construct)).isGreaterThan(triples(construct));
    }

    @Test
    void fullTextSearchFindsNoHitOfAHiddenGraph() {
        String words = "\"stanoviste OR kontejner OR parkoviste OR P+R\"";
        List<String> hitGraphs = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExec exec = QueryExec.dataset(store.dataset())
                    .query(PREFIXES + "SELECT ?g WHERE { (?s ?score ?l ?g) text:query " + words + " }")
                    .build()) {
                exec.select().forEachRemaining(row -> hitGraphs.add(row.get("g").getURI()));
            }
        });
        long publicHits = hitGraphs.stream().filter(g -> !hidden(g)).count();
        assertThat(hitGraphs.stream().filter(DataAccessIT::hidden)).isNotEmpty();

        assertThat(count(sparql().rows(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?s text:query " + words + " }")))
                .isEqualTo(publicHits);
        List<String> answered =
                sparql().rows(PREFIXES + "SELECT ?g WHERE { (?s ?score ?l ?g) text:query " + words + " }").stream()
                        .map(row -> row.get("g").getURI())
                        .toList();
        assertThat(answered).hasSize((int) publicHits).noneMatch(DataAccessIT::hidden);
    }

    @Test
    void serviceIsRefused() throws Exception {
        HttpResponse<String> response = get(
                "/sparql?query=" + encode("SELECT * WHERE { SERVICE <http://localhost:1/sparql> { ?s ?p ?o } }"),
                "application/sparql-results+json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SERVICE is not accepted");
    }

    @Test
    void graphStoreReadsAnswerAHiddenGraphAsOneThatDoesNotExist() throws Exception {
        HttpResponse<String> hidden = get("/sparql?graph=" + encode(CONTAINERS), "text/turtle");
        HttpResponse<String> missing = get("/sparql?graph=" + encode(BASE + "graph/neni/00000000"), "text/turtle");
        HttpResponse<String> union = get("/sparql?default", "application/n-triples");
        HttpResponse<String> notices = get("/sparql?graph=" + encode(NOTICES), "application/n-triples");

        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(publicCopy.getDefaultGraph().size())
                .as("the public union is more than the public role may read at once")
                .isGreaterThan(100_000);
        assertThat(union.statusCode()).isEqualTo(400);
        assertThat(union.body())
                .startsWith("The graph has more than 100,000 triples, the most this endpoint returns to the role public"
                        + " at once (spojka.limits.public.result-rows).");
        assertThat(notices.statusCode()).isEqualTo(200);
        assertThat(parse(notices.body(), Lang.NTRIPLES).size())
                .isEqualTo(publicCopy.getGraph(NodeFactory.createURI(NOTICES)).size());
    }

    @Test
    void linkedDataPagesShowNothingHidden() throws Exception {
        Node container = hiddenEntity();
        String page = container.getURI().substring(BASE.length() - 1);

        assertThat(get(page, "text/html").statusCode()).isEqualTo(404);
        assertThat(get(page, "text/turtle").statusCode()).isEqualTo(404);
        assertThat(get("/graph/zaplnenost-nadob/00064581", "text/turtle").statusCode())
                .isEqualTo(404);
        HttpResponse<String> prague =
                get("/resource?iri=" + encode("https://linked.cuzk.cz/resource/ruian/obec/554782"), "text/turtle");
        assertThat(prague.statusCode()).isEqualTo(200);
        Set<Node> hiddenSubjects = subjectsOf(CONTAINERS);
        hiddenSubjects.addAll(subjectsOf(PARKING));
        assertThat(hiddenSubjects).isNotEmpty();
        Graph praguePage = parse(prague.body(), Lang.TURTLE);
        praguePage
                .find()
                .forEachRemaining(triple -> assertThat(hiddenSubjects)
                        .as("%s on the page of Prague", triple)
                        .doesNotContain(triple.getObject(), triple.getSubject()));
        assertThat(get("/graph/zaplnenost-nadob/00064581", "text/html").body()).doesNotContain("Zaplněnost nádob");
    }

    @Test
    void downloadsListAndServeOnlyPublicDatasets() throws Exception {
        String index = get("/data", "application/json").body();
        HttpResponse<String> restricted = get("/data/zaplnenost-nadob.ttl", "*/*");
        HttpResponse<String> restrictedOfn = get("/data/nadoby-na-trideny-odpad.jsonld", "*/*");
        HttpResponse<String> internal = get("/data/obsazenost-parkovist.ttl", "*/*");

        assertThat(index).contains("uredni-deska").doesNotContain("zaplnenost-nadob", "obsazenost-parkovist");
        assertThat(restricted.statusCode()).isEqualTo(401);
        assertThat(restricted.body())
                .contains(
                        "Dataset 'zaplnenost-nadob' is restricted: authenticate as an agency granted it", "X-Api-Key");
        assertThat(restrictedOfn.statusCode()).isEqualTo(401);
        assertThat(internal.statusCode()).isEqualTo(404);
        assertThat(internal.body()).contains("No dataset 'obsazenost-parkovist'");
        assertThat(get("/data/zaplnenost-nadob.ttl?ico=00064581", "*/*").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theCatalogueListsOnlyPublicDatasetsInItsDocumentsAndInSparql() throws Exception {
        String catalogue = get("/catalog", "application/ld+json").body();
        List<String> harvested =
                sparql().rows(PREFIXES + "SELECT ?d WHERE { <" + BASE + "catalog> dcat:dataset ?d }").stream()
                        .map(row -> row.get("d").getURI())
                        .toList();
        long allRecords = countIn(
                everythingCopy,
                "SELECT (COUNT(*) AS ?n) WHERE { <" + BASE + "catalog>" + " <http://www.w3.org/ns/dcat#dataset> ?d }");

        assertThat(catalogue).contains("catalog/datasets/uredni-deska/").doesNotContain("zaplnenost", "obsazenost");
        assertThat(get("/catalog/datasets/zaplnenost-nadob/00064581", "application/ld+json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(harvested).isNotEmpty().noneMatch(DataAccessIT::hidden);
        assertThat(allRecords).isEqualTo(harvested.size() + 2);
    }

    @Test
    void theHomePageListsOnlyPublicDatasets() throws Exception {
        String home = get("/", "text/html").body();

        assertThat(home).contains("Úřední deska").doesNotContain("Zaplněnost nádob", "Obsazenost parkovišť");
    }

    /** A container: an entity of the restricted graph. */
    private Node hiddenEntity() {
        return subjectsOf(CONTAINERS).stream()
                .filter(Node::isURI)
                .sorted(Comparator.comparing(Node::getURI))
                .findFirst()
                .orElseThrow();
    }

    private Set<Node> subjectsOf(String graph) {
        Set<Node> subjects = new HashSet<>();
        everythingCopy
                .find(NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(quad -> subjects.add(quad.getSubject()));
        return subjects;
    }

    private static Set<String> graphsOf(DatasetGraph copy) {
        Set<String> graphs = new TreeSet<>();
        copy.listGraphNodes().forEachRemaining(graph -> graphs.add(graph.getURI()));
        return graphs;
    }

    private static long countIn(DatasetGraph copy, String query) {
        try (QueryExec exec = QueryExec.dataset(copy).query(PREFIXES + query).build()) {
            return count(exec.select().materialize().next());
        }
    }

    private static long constructedIn(DatasetGraph copy, String query) {
        try (QueryExec exec = QueryExec.dataset(copy).query(PREFIXES + query).build()) {
            return exec.construct().size();
        }
    }

    private long triples(String query) {
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(sparql().url()).query(PREFIXES + query).build()) {
            return query.startsWith("DESCRIBE")
                    ? exec.describe().size()
                    : exec.construct().size();
        }
    }

    private static long count(List<Binding> rows) {
        return count(rows.get(0));
    }

    private static long count(Binding row) {
        return ((Number) row.get("n").getLiteralValue()).longValue();
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Graph parse(String body, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(graph);
        return graph;
    }
}
