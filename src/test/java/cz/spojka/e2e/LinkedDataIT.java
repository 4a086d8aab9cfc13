package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Linked Data pages of a hub with the Chrudim notice board (eDesky) and Prague's air-quality stations (Golemio):
 * each page in every format against what SPARQL says of the same IRI, the labels and links of the HTML, the map of a
 * located entity, the paged listing of a RÚIAN municipality and of a dataset's graph, and nothing of the hub's
 * bookkeeping. The base IRI is the public https address; requests go to the hub's local port, as a proxy forwards
 * them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LinkedDataIT extends HubUnderTest {

    private static final int PAGE_SIZE = 5;
    private static final String OVZDUSI = "golemio-ovzdusi";
    private static final String STATIONS = "airqualitystations.json";
    private static final String PRAGUE = "https://linked.cuzk.cz/resource/ruian/obec/554782";
    private static final String SOSA = "http://www.w3.org/ns/sosa/";
    private static final AgendaSystem AGENDA = new AgendaSystem().start();

    static {
        AGENDA.serve("/" + OVZDUSI + "/" + STATIONS, AgendaSystem.sample(OVZDUSI, STATIONS), "application/geo+json");
    }

    private static final TestHub HUB = TestHub.onFreePorts(
                    TestHub.tempDir("spojka-ld-it-"), AgendaSystem.connectors(AgendaSystem.EDESKY, OVZDUSI))
            .withAgenda(AGENDA.baseUrl());

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("spojka.linked-data.page-size", () -> PAGE_SIZE);
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @BeforeEach
    void theSamplesAreInTheStore() {
        TestHub.awaitFirstRuns(connectors, List.of(AgendaSystem.EDESKY, OVZDUSI));
        awaitMaterialized();
    }

    @Test
    void anEntityInEveryRdfFormatIsItsDescriptionAndTheEntitiesReferencingIt() throws Exception {
        String station = firstOfType(SOSA + "Platform");
        Graph described = describe(station);
        assertThat(described.size()).isGreaterThan(5);
        List<String> referencing = sparql().select("SELECT (STR(?e) AS ?iri) WHERE { SELECT DISTINCT ?e WHERE {"
                + " GRAPH ?g { { ?e ?p <" + station + "> } UNION { ?e ?q ?b . ?b ?p <" + station + ">"
                + " FILTER(isBlank(?b)) } FILTER(isIRI(?e)) } } ORDER BY ?e LIMIT " + PAGE_SIZE + " }");
        assertThat(referencing).isNotEmpty();
        for (Map.Entry<String, Lang> format : Map.of(
                        "text/turtle", Lang.TURTLE,
                        "application/ld+json", Lang.JSONLD11,
                        "application/n-triples", Lang.NTRIPLES,
                        "application/rdf+xml", Lang.RDFXML)
                .entrySet()) {
            HttpResponse<String> response = get(station, format.getKey());

            assertThat(response.statusCode()).as(format.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(format.getKey());
            assertThat(response.headers().allValues("Vary")).contains("Accept");
            Graph page = RDFParser.fromString(response.body(), format.getValue())
                    .base(station)
                    .toGraph();
            Node iri = NodeFactory.createURI(station);
            List<String> referencedBy = page.find(iri, DCTerms.isReferencedBy.asNode(), Node.ANY)
                    .mapWith(t -> t.getObject().getURI())
                    .toList();
            assertThat(referencedBy).as(format.getKey()).containsExactlyInAnyOrderElementsOf(referencing);
            page.remove(iri, DCTerms.isReferencedBy.asNode(), Node.ANY);
            assertThat(page.isIsomorphicWith(described)).as(format.getKey()).isTrue();
        }
    }

    @Test
    void theFormatParameterOverridesAccept() throws Exception {
        String station = firstOfType(SOSA + "Platform");
        HttpResponse<String> response = get(local(station) + "?format=nt", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/n-triples;charset=UTF-8");
        assertThat(get(local(station) + "?format=xlsx", "text/html").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theHtmlOfALocatedEntityHasItsLabelPropertyLabelsLinksAndAMap() throws Exception {
        String station = firstOfType(SOSA + "Platform");
        String title = sparql().select("SELECT ?t WHERE { <" + station + "> <" + DCTerms.title + "> ?t }")
                .get(0);
        HttpResponse<String> response = get(station, "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        String html = response.body();
        assertThat(html).contains("<title>" + title + " – Spojka</title>", "<h1>" + title);
        // The vocabulary's labels of a property and of the type.
        assertThat(html).contains(">prostorové pokrytí <span lang=\"en\">/ spatial coverage</span></a>");
        assertThat(html).contains(">Platforma <span lang=\"en\">/ Platform</span></a>");
        // The municipality, an IRI outside the base, by its label from the reference data.
        assertThat(html)
                .contains("<a href=\"/resource?iri=" + URLEncoder.encode(PRAGUE, StandardCharsets.UTF_8) + "\" title=\""
                        + PRAGUE + "\">Praha</a>");
        assertThat(html).containsPattern("<div id=\"map\" data-points=\"\\[\\[50\\.[0-9]+,14\\.[0-9]+\\]\\]\"");
        assertThat(html).contains("<script src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>");
        assertThat(html).contains("href=\"" + local(station) + "?format=ttl\"");
        // The sensor it hosts links here, and is listed as referencing it.
        String sensor = sparql().select(
                        "SELECT (STR(?s) AS ?i) WHERE { ?s <" + SOSA + "isHostedBy> <" + station + "> }")
                .get(0);
        assertThat(html).contains("<a href=\"" + local(sensor) + "\">");
        assertThat(get(sensor, "text/html").body())
                .contains("<a href=\"" + local(station) + "\" title=\"" + station + "\">" + title + "</a>");
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        String station = firstOfType(SOSA + "Platform");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + local(station)))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Accept", "text/turtle")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/turtle;charset=UTF-8");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anUnknownIriIsNotFound() throws Exception {
        String unknown = BASE_IRI + "zdroj/uredni-deska/00270211/dokument/no-such-document";

        HttpResponse<String> json = get(unknown, "application/ld+json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.body()).contains("The hub has no data about <" + unknown + ">");

        HttpResponse<String> html = get(unknown, "text/html");
        assertThat(html.statusCode()).isEqualTo(404);
        assertThat(html.body()).contains("<h1>Nenalezeno <span lang=\"en\">/ Not found</span></h1>");

        assertThat(get(resource("https://example.org/nothing"), "text/turtle").statusCode())
                .isEqualTo(404);

        String slashInId = BASE_IRI + "zdroj/usneseni/00270211/usneseni/12%2F2024";
        HttpResponse<String> encoded = get(slashInId, "application/ld+json");
        assertThat(encoded.statusCode())
                .as("an id with a slash, encoded by ENCODE_FOR_URI, reaches the page rather than Tomcat's 400")
                .isEqualTo(404);
        assertThat(encoded.body()).contains("The hub has no data about <" + slashInId + ">");
    }

    @Test
    void aMunicipalityListsTheEntitiesLinkingToItAPageAtATime() throws Exception {
        long total = count("SELECT DISTINCT ?e WHERE { GRAPH ?g { { ?e ?p <" + PRAGUE + "> } UNION { ?e ?q ?b ."
                + " ?b ?p <" + PRAGUE + "> FILTER(isBlank(?b)) } FILTER(isIRI(?e)) } }");
        assertThat(total).isGreaterThan(2L * PAGE_SIZE).isNotEqualTo(total / PAGE_SIZE * PAGE_SIZE);
        long lastPage = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        String address = resource(PRAGUE);

        HttpResponse<String> first = get(address, "text/html");
        assertThat(first.statusCode()).isEqualTo(200);
        String html = first.body();
        assertThat(html).contains("<h1>Praha</h1>", "<span id=\"total\">" + total + "</span>");
        assertThat(items(html)).hasSize(PAGE_SIZE);
        assertThat(html).contains("<div id=\"map\" data-points=\"[[50.075638,14.4379]]\"");
        // The dataset of the municipality, with its catalogue record.
        assertThat(html)
                .contains("<a href=\"/graph/kvalita-ovzdusi/00064581\">")
                .contains("<a href=\"/catalog/datasets/kvalita-ovzdusi/00064581\">");
        assertThat(html)
                .contains("<a rel=\"next\" href=\"" + address.replace("&", "&amp;") + "&amp;page=2\">")
                .doesNotContain("rel=\"prev\"");
        assertThat(first.headers().allValues("Link"))
                .contains(
                        "<" + address + "&page=2>; rel=\"next\"",
                        "<" + address + "&page=" + lastPage + ">; rel=\"last\"");

        HttpResponse<String> last = get(address + "&page=" + lastPage, "text/html");
        assertThat(items(last.body())).hasSize((int) (total - (lastPage - 1) * PAGE_SIZE));
        assertThat(last.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        Graph turtle = RDFParser.fromString(
                        get(address + "&page=2", "text/turtle").body(), Lang.TURTLE)
                .toGraph();
        assertThat(turtle.find(NodeFactory.createURI(PRAGUE), DCTerms.isReferencedBy.asNode(), Node.ANY)
                        .toList())
                .hasSize(PAGE_SIZE);
        assertThat(get(address + "&page=0", "text/html").statusCode()).isEqualTo(400);
    }

    @Test
    void aDatasetGraphListsItsEntitiesAPageAtATime() throws Exception {
        String graph = BASE_IRI + "graph/uredni-deska/00270211";
        long total = count("SELECT DISTINCT ?e WHERE { GRAPH <" + graph + "> { ?e ?p ?o FILTER(isIRI(?e)) } }");
        assertThat(total).isGreaterThan(PAGE_SIZE);

        HttpResponse<String> response = get(graph, "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<h1>Úřední deska – Město Chrudim <span lang=\"en\">/ Official notice board – Město Chrudim")
                .contains("<span id=\"total\">" + total + "</span>")
                .contains("<a href=\"/catalog/datasets/uredni-deska/00270211\">");
        assertThat(items(response.body())).hasSize(PAGE_SIZE);
        long lastPage = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        assertThat(items(get(local(graph) + "?page=" + lastPage, "text/html").body()))
                .hasSize((int) (total - (lastPage - 1) * PAGE_SIZE));
    }

    @Test
    void theHubsBookkeepingIsNeverShown() throws Exception {
        // The materializer's offsets, in TDB2's stored default graph.
        assertThat(get(resource("urn:x-spojka:changelog-offset:spojka.changes:0"), "text/turtle")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(resource("urn:x-spojka:next-offset"), "text/html").statusCode())
                .isEqualTo(404);
        String station = firstOfType(SOSA + "Platform");
        for (String format : List.of("text/turtle", "text/html")) {
            assertThat(get(station, format).body()).doesNotContain("urn:x-spojka");
            assertThat(get(resource(PRAGUE), format).body()).doesNotContain("urn:x-spojka");
        }
    }

    private String firstOfType(String type) {
        return sparql().select("SELECT (STR(?s) AS ?i) WHERE { ?s a <" + type + "> } ORDER BY ?s LIMIT 1")
                .get(0);
    }

    private Graph describe(String iri) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(sparql().url())
                .query("DESCRIBE <" + iri + ">")
                .build()) {
            return exec.describe();
        }
    }

    private long count(String select) {
        return Long.parseLong(sparql().select("SELECT (COUNT(*) AS ?n) WHERE { " + select + " }")
                .get(0));
    }

    /** The listed entities of a page. */
    private static List<String> items(String html) {
        Matcher list = Pattern.compile("<ol id=\"items\"[^>]*>(.*?)</ol>", Pattern.DOTALL)
                .matcher(html);
        assertThat(list.find()).isTrue();
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("<li>").matcher(list.group(1));
        while (item.find()) {
            items.add(item.group());
        }
        return items;
    }

    private static String local(String iri) {
        return "/" + iri.substring(BASE_IRI.length());
    }

    private static String resource(String iri) {
        return "/resource?iri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
    }

    /** GETs a hub IRI at its path on the local port, or a path given as it is. */
    private HttpResponse<String> get(String iriOrPath, String accept) throws Exception {
        String path = iriOrPath.startsWith(BASE_IRI) ? local(iriOrPath) : iriOrPath;
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
