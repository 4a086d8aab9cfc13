package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.catalog.DcatApShapes;
import cz.spojka.connector.ConfigProblem;
import cz.spojka.downloads.OfnSchemas;
import cz.spojka.mapping.OfflineContextLoader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * The catalogue as NKOD harvests it from the hub of the notice boards: the documents at {@code /catalog} and at each
 * dataset's IRI (JSON-LD and Turtle), and the same metadata through {@code /sparql}. The hub's base IRI is the
 * public https address; a request goes to the hub's local port instead, as a TLS proxy in front of it forwards it.
 */
class CatalogIT extends HubIT {

    private static final String SCHEMAS =
            "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/schémata/";
    private static final String CATALOG = BASE_IRI + "catalog";
    private static final String CHRUDIM = CATALOG + "/datasets/uredni-deska/00270211";
    private static final String MVCR = CATALOG + "/datasets/uredni-deska/00007064";
    private static final String JSON_LD = "application/ld+json";
    private static final String TURTLE = "text/turtle";

    // The catalogue is built from configuration once the connectors are loaded: no test waits for their first runs.

    @Test
    void theCatalogueListsADatasetPerMunicipalityAndValidates() throws Exception {
        // JSON-LD is what a client gets that asks for anything, as NKOD's harvester may.
        HttpResponse<String> response = get(CATALOG, "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON_LD);
        JsonNode catalog = json(response.body());
        assertThat(OfnSchemas.violations(SCHEMAS + "katalog.json", catalog)).isEmpty();
        assertThat(catalog.get("@context").asText())
                .isEqualTo("https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/"
                        + "rozhraní-katalogů-otevřených-dat.jsonld");
        assertThat(catalog.get("iri").asText()).isEqualTo(CATALOG);
        assertThat(texts(catalog.get("datová_sada"))).containsExactly(CHRUDIM, MVCR);
        assertThat(catalog.get("poskytovatel").asText())
                .isEqualTo("https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00270211");
    }

    @Test
    void everyDatasetRecordDereferencesAtItsIriAndValidates() throws Exception {
        for (String iri : List.of(CHRUDIM, MVCR)) {
            HttpResponse<String> response = get(iri, JSON_LD);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode record = json(response.body());
            assertThat(OfnSchemas.violations(SCHEMAS + "datová-sada.json", record))
                    .as(iri)
                    .isEmpty();
            assertThat(record.get("iri").asText()).isEqualTo(iri);
            assertThat(texts(record.get("prvek_rúian")))
                    .containsExactly("https://linked.cuzk.cz/resource/ruian/obec/"
                            + (iri.equals(CHRUDIM) ? "571164" : "554782"));
            assertThat(texts(record.get("specifikace"))).containsExactly("https://ofn.gov.cz/úřední-desky/2021-07-20/");
        }
    }

    @Test
    void turtleSaysWhatTheJsonLdSaysAndTypesWhatItPointsAt() throws Exception {
        HttpResponse<String> turtle = get(CHRUDIM, TURTLE);
        assertThat(turtle.headers().firstValue("Content-Type")).hasValue("text/turtle;charset=UTF-8");
        assertThat(turtle.headers().firstValue("Vary")).hasValue("Accept");
        Graph fromTurtle = parse(turtle.body(), Lang.TURTLE);
        Graph fromJsonLd = parse(get(CHRUDIM, JSON_LD).body(), Lang.JSONLD);

        assertThat(fromJsonLd.size()).isGreaterThan(50);
        assertThat(fromJsonLd.find().toList()).allMatch(fromTurtle::contains);
        List<Triple> added = fromTurtle.find().filterDrop(fromJsonLd::contains).toList();
        assertThat(added)
                .extracting(t -> t.getPredicate().getURI())
                .containsOnly(RDF.type.getURI(), "http://xmlns.com/foaf/0.1/name");
        assertThat(added)
                .extracting(t -> t.getSubject().getURI())
                .doesNotContain(CHRUDIM)
                .contains("https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00270211");
    }

    @Test
    void theWholeCatalogueConformsToDcatAp3WithoutBlankNodes() throws Exception {
        Graph published = parse(
                get(BASE_IRI + "sparql?graph=" + URLEncoder.encode(CATALOG, StandardCharsets.UTF_8), TURTLE)
                        .body(),
                Lang.TURTLE);
        Graph documents = GraphFactory.createDefaultGraph();
        for (String iri : List.of(CATALOG, CHRUDIM, MVCR, CATALOG + "/services/sparql")) {
            GraphUtil.addInto(documents, parse(get(iri, TURTLE).body(), Lang.TURTLE));
        }

        assertThat(published.isIsomorphicWith(documents)).isTrue();
        ValidationReport report = DcatApShapes.validate(published);
        assertThat(DcatApShapes.violations(report)).isEmpty();
        assertThat(DcatApShapes.unexpectedWarnings(report)).isEmpty();
        assertThat(published.find().toList())
                .noneMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
    }

    @Test
    void everyDistributionDownloads() throws Exception {
        List<String> downloads = new ArrayList<>();
        for (String iri : List.of(CHRUDIM, MVCR)) {
            for (JsonNode distribution : json(get(iri, JSON_LD).body()).get("distribuce")) {
                if (distribution.has("soubor_ke_stažení")) {
                    String url = distribution.get("soubor_ke_stažení").asText();
                    String mediaType = distribution
                            .get("typ_média")
                            .asText()
                            .substring("http://www.iana.org/assignments/media-types/".length());
                    HttpResponse<String> response = get(url, "*/*");
                    assertThat(response.statusCode()).as(url).isEqualTo(200);
                    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                            .as(url)
                            .startsWith(mediaType);
                    downloads.add(url.substring(BASE_IRI.length()));
                } else {
                    assertThat(distribution
                                    .at("/přístupová_služba/přístupový_bod")
                                    .asText())
                            .isEqualTo(BASE_IRI + "sparql");
                }
            }
        }
        assertThat(downloads)
                .containsExactly(
                        "data/uredni-deska.ttl?ico=00270211",
                        "data/uredni-deska.nt?ico=00270211",
                        "data/uredni-deska.csv?ico=00270211",
                        "data/uredni-desky.jsonld?ico=00270211",
                        "data/uredni-deska.ttl?ico=00007064",
                        "data/uredni-deska.nt?ico=00007064",
                        "data/uredni-deska.csv?ico=00007064",
                        "data/uredni-desky.jsonld?ico=00007064");
    }

    @Test
    void sparqlFindsTheDatasetsWithTheirRuianElements() {
        List<String> rows = sparql().select("""
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT (CONCAT(STR(?dataset), " ", STR(?ruian)) AS ?row) WHERE {
                  ?catalog a dcat:Catalog ; dcat:dataset ?dataset .
                  ?dataset a dcat:Dataset ; dcterms:spatial ?ruian .
                  FILTER(STRSTARTS(STR(?ruian), "https://linked.cuzk.cz/resource/ruian/"))
                } ORDER BY ?dataset""");

        assertThat(rows)
                .containsExactly(
                        MVCR + " https://linked.cuzk.cz/resource/ruian/obec/554782",
                        CHRUDIM + " https://linked.cuzk.cz/resource/ruian/obec/571164");
    }

    @Test
    void anUnknownRecordIsAProblemNamingTheListedOnes() throws Exception {
        HttpResponse<String> response = get(CATALOG + "/datasets/uredni-deska/12345678", JSON_LD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).get("detail").asText())
                .isEqualTo("The catalogue has no record of dataset 'uredni-deska' of IČO 12345678; it lists " + CHRUDIM
                        + ", " + MVCR);
    }

    @Test
    void aConnectorWithoutItsThemesIsSkippedWithTheProblemWhileTheOthersRun() {
        Path file = CONNECTORS_DIR.resolve(WITHOUT_THEMES).resolve("connector.yaml");

        assertThat(connectors.skipped().get(WITHOUT_THEMES))
                .extracting(ConfigProblem::toString)
                .containsExactly(file + ":32: connector 'uredni-deska-bez-temat', field 'dataset.catalog.themes': is"
                        + " required: a list of at least one EU data theme; allowed values: AGRI, ECON, EDUC, ENER,"
                        + " ENVI, GOVE, HEAL, INTR, JUST, OP_DATPRO, REGI, SOCI, TECH, TRAN");
        assertThat(connectors.active()).extracting(c -> c.definition().id()).containsExactly(EDESKY, OFN);
    }

    /** GET of a catalogue IRI or address, sent to the hub's local port. */
    private HttpResponse<String> get(String iri, String accept) throws Exception {
        URI local = URI.create("http://localhost:" + port + "/" + iri.substring(BASE_IRI.length()));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(local).header("Accept", accept).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static Graph parse(String document, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(document, lang)
                .context(Context.create()
                        .set(
                                LangJSONLD11.JSONLD_OPTIONS,
                                new JsonLdOptions(new OfflineContextLoader(Path.of("vocab/contexts")))))
                .parse(graph);
        return graph;
    }

    private static JsonNode json(String document) throws Exception {
        return new ObjectMapper().readTree(document);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
