package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published reference data and {@code GET /vocab} on the real hub: the municipalities are in their own graph and
 * join with the connectors' data; the page lists the notice-board class with its labels, shape and dataset, in HTML,
 * Turtle and JSON-LD.
 */
class VocabularyIT extends HubIT {

    private static final String BOARD = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska";
    private static final String BOARD_SHAPE = "https://w3id.org/spojka/tvary/úřední-desky#ÚředníDeska";
    private static final String PREFIXES = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX desky: <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/>
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void hubHasIngestedTheSamples() {
        awaitStartupRuns();
    }

    @Test
    void theMunicipalitiesArePublishedInTheirOwnGraphWithTheirPoints() {
        assertThat(sparql().withPrefixes(PREFIXES)
                        .select("SELECT ?point WHERE { GRAPH <" + BASE_IRI + "vocab/reference/obce> {"
                                + " <https://linked.cuzk.cz/resource/ruian/obec/571164> dcterms:title \"Chrudim\"@cs ;"
                                + " geo:hasGeometry/geo:asWKT ?point } }"))
                .containsExactly("POINT(15.795158 49.949824)");
        assertThat(
                        count(
                                "GRAPH <" + BASE_IRI + "vocab/reference/obce> {"
                                        + " ?obec a <https://slovník.gov.cz/generický/adresy/pojem/území-obce-nebo-vojenského-újezdu> }"))
                .isEqualTo(6258);
    }

    /** A notice board links to its municipality by RÚIAN IRI; the reference data names it and places it. */
    @Test
    void theConnectorsDataJoinsTheMunicipalitiesByTheirRuianIris() {
        assertThat(sparql().withPrefixes(PREFIXES)
                        .select("SELECT DISTINCT ?name WHERE { ?board a desky:úřední-deska ; dcterms:spatial ?obec ."
                                + " ?obec dcterms:title ?name ; geo:hasGeometry ?point } ORDER BY ?name"))
                .contains("Chrudim");
    }

    @Test
    void listsTheNoticeBoardClassWithItsLabelsShapeAndDatasetInHtml() throws Exception {
        HttpResponse<String> response = get("", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        String page = response.body();
        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"cs\">").doesNotContain("<script", "<link", "<img");
        String article = page.substring(page.indexOf("<article id=\"" + BOARD + "\">"));
        article = article.substring(0, article.indexOf("</article>"));
        assertThat(article)
                .contains("<h3><a href=\"" + BOARD + "\">Úřední deska</a> <span lang=\"en\">/ Official notice board")
                .contains("<a href=\"#" + BOARD_SHAPE.replace("#", "%23") + "\">Úřední deska</a> – cíl")
                .contains("<a href=\"#dataset-uredni-deska\">Úřední deska</a> (uredni-deska)");
        assertThat(page)
                .contains("<article id=\"" + BOARD_SHAPE + "\">")
                .contains("<article id=\"dataset-uredni-deska\">")
                .contains("<article id=\"https://w3id.org/spojka/číselníky/typy-obcí\">");
    }

    @Test
    void describesTheSameInTurtleAndJsonLd() throws Exception {
        HttpResponse<String> turtle = get("", "text/turtle");
        assertThat(turtle.headers().firstValue("Content-Type")).hasValue("text/turtle;charset=UTF-8");
        Graph described = parse(turtle, Lang.TURTLE);
        Node board = NodeFactory.createURI(BOARD);
        assertThat(described.contains(board, RDFS.label.asNode(), NodeFactory.createLiteralLang("Úřední deska", "cs")))
                .isTrue();
        assertThat(described.contains(
                        board, RDFS.label.asNode(), NodeFactory.createLiteralLang("Official notice board", "en")))
                .isTrue();
        assertThat(described.contains(NodeFactory.createURI(BOARD_SHAPE), SHACL.targetClass, board))
                .isTrue();
        Node dataset = NodeFactory.createURI(BASE_IRI + "vocab#dataset-uredni-deska");
        assertThat(described.contains(
                        dataset, DCTerms.identifier.asNode(), NodeFactory.createLiteralString("uredni-deska")))
                .isTrue();
        assertThat(described
                        .find(dataset, VOID.classPartition.asNode(), Node.ANY)
                        .mapWith(t -> described.contains(t.getObject(), VOID._class.asNode(), board))
                        .toList())
                .contains(true);

        HttpResponse<String> jsonLd = get("?format=jsonld", "text/html");
        assertThat(jsonLd.headers().firstValue("Content-Type")).hasValue("application/ld+json");
        Graph fromJsonLd = parse(jsonLd, Lang.JSONLD11);
        assertThat(fromJsonLd.isIsomorphicWith(described)).isTrue();
    }

    @Test
    void refusesAnUnknownFormatAndAnUnservedMediaType() throws Exception {
        HttpResponse<String> format = get("?format=xml", "text/html");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body())
                .contains("format 'xml' is not one of html, ttl, turtle, jsonld, json-ld, nt, ntriples, rdf, rdfxml");
        assertThat(get("", "image/png").statusCode()).isEqualTo(406);
    }

    private static Graph parse(HttpResponse<String> response, Lang lang) {
        return RDFParser.create()
                .source(new StringReader(response.body()))
                .lang(lang)
                .toGraph();
    }

    private HttpResponse<String> get(String query, String accept) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/vocab" + query))
                        .header("Accept", accept)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
