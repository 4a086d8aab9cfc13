package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.downloads.OfnSchemas;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The downloads at /data, as an open-data user fetches them, over the real notice boards the hub has ingested: each
 * checked against the store's own SPARQL answers.
 */
class DownloadsIT extends HubIT {

    private static final String SCHEMA = "https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json";
    private static final String DESKY = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/";
    private static final String GRAPHS = BASE_IRI + "graph/uredni-deska/";
    private static final String CHRUDIM = "00270211";
    private static final String MVCR = "00007064";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void hubHasIngestedTheSamples() {
        awaitStartupRuns();
    }

    @Test
    void everyNoticeBoardIsAnOfnDocumentThatItsSchemaAccepts() throws Exception {
        HttpResponse<String> response = get("/data/uredni-desky.jsonld");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ld+json");
        JsonNode boards = JSON.readTree(response.body());
        assertThat(boards.size()).isEqualTo(count(inBoardGraphs("?b a <" + DESKY + "úřední-deska>")));
        List<String> violations = new ArrayList<>();
        for (JsonNode board : boards) {
            OfnSchemas.violations(SCHEMA, board)
                    .forEach(v -> violations.add(board.get("iri").asText() + ": " + v));
        }
        assertThat(violations).isEmpty();
        assertThat(StreamSupport.stream(boards.spliterator(), false)
                        .mapToInt(b -> b.get("informace").size())
                        .sum())
                .isEqualTo(count(inBoardGraphs("?n a <" + DESKY + "informace-zveřejněná-na-úřední-desce>")));
        assertThat(boards)
                .allSatisfy(board -> assertThat(board.get("@context").asText())
                        .isEqualTo("https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld"));
    }

    @Test
    void oneMunicipalityGetsOnlyItsOwnBoard() throws Exception {
        JsonNode boards =
                JSON.readTree(get("/data/uredni-desky.jsonld?ico=" + CHRUDIM).body());

        assertThat(boards).hasSize(1);
        JsonNode chrudim = boards.get(0);
        assertThat(chrudim.get("iri").asText())
                .isEqualTo(BASE_IRI + "zdroj/uredni-deska/00270211/deska/edesky.cz/desky/97");
        assertThat(chrudim.at("/provozovatel/ičo").asText()).isEqualTo(CHRUDIM);
        assertThat(chrudim.get("informace").size())
                .isEqualTo(count("GRAPH <" + GRAPHS + CHRUDIM + "> { ?n a <" + DESKY
                        + "informace-zveřejněná-na-úřední-desce> }"));
        JsonNode ministry =
                JSON.readTree(get("/data/uredni-desky.jsonld?ico=" + MVCR).body());
        assertThat(ministry.size())
                .isEqualTo(count("GRAPH <" + GRAPHS + MVCR + "> { ?b a <" + DESKY + "úřední-deska> }"));
        assertThat(ministry)
                .allSatisfy(board -> assertThat(board.get("iri").asText())
                        .startsWith(BASE_IRI + "zdroj/uredni-deska/" + MVCR + "/"));
    }

    @ParameterizedTest
    @CsvSource({"ttl, text/turtle;charset=UTF-8, TURTLE", "nt, application/n-triples;charset=UTF-8, NTRIPLES"})
    void theDatasetAsRdfHasEveryTripleOfItsGraphs(String extension, String mediaType, String lang) throws Exception {
        HttpResponse<String> response = get("/data/uredni-deska." + extension);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(mediaType);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"uredni-deska." + extension + "\"");
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), "TURTLE".equals(lang) ? Lang.TURTLE : Lang.NTRIPLES)
                .parse(graph);
        assertThat((long) graph.size()).isEqualTo(count(inBoardGraphs("?s ?p ?o")));
    }

    @Test
    void oneMunicipalitysTriplesAreThoseOfItsGraph() throws Exception {
        HttpResponse<String> response = get("/data/uredni-deska.nt?ico=" + CHRUDIM);

        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"uredni-deska-00270211.nt\"");
        assertThat((long) response.body().lines().count())
                .isEqualTo(count("GRAPH <" + GRAPHS + CHRUDIM + "> { ?s ?p ?o }"));
        assertThat(response.body()).doesNotContain(GRAPHS + MVCR).doesNotContain("/00007064/");
    }

    @Test
    void theCsvHasTheDeclaredHeaderAndOneLinePerNotice() throws Exception {
        HttpResponse<String> response = get("/data/uredni-deska.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;header=present;charset=UTF-8");
        List<CSVRecord> lines = CSVFormat.RFC4180
                .parse(new StringReader(response.body().substring(1)))
                .getRecords();
        assertThat(lines.get(0).toList())
                .containsExactly(
                        "ičo",
                        "informace",
                        "název",
                        "url",
                        "vyvěšení",
                        "relevantní_do",
                        "číslo_jednací",
                        "spisová_značka",
                        "úřední_deska",
                        "název_úřední_desky",
                        "stránka_úřední_desky");
        assertThat(lines.size() - 1)
                .isEqualTo(count(inBoardGraphs("?n a <" + DESKY + "informace-zveřejněná-na-úřední-desce>")));
        List<CSVRecord> chrudim = CSVFormat.RFC4180
                .parse(new StringReader(
                        get("/data/uredni-deska.csv?ico=" + CHRUDIM).body()))
                .getRecords();
        assertThat(chrudim.subList(1, chrudim.size()))
                .hasSize((int) count("GRAPH <" + GRAPHS + CHRUDIM + "> { ?n a <" + DESKY
                        + "informace-zveřejněná-na-úřední-desce> }"))
                .allSatisfy(line -> assertThat(line.get(0)).isEqualTo(CHRUDIM));
    }

    @ParameterizedTest
    @CsvSource({"uredni-desky.jsonld", "uredni-deska.ttl", "uredni-deska.nt", "uredni-deska.csv"})
    void isStreamedWithoutALength(String file) throws Exception {
        HttpResponse<String> response = get("/data/" + file + "?ico=" + CHRUDIM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/data/uredni-desky.jsonld?ico=12345678 | 404 | Dataset 'uredni-deska' holds no data of IČO 12345678;"
                        + " it holds the data of 00007064 (Ministerstvo vnitra), 00270211 (Město Chrudim)",
                "/data/uredni-deska.ttl?ico=270211 | 400 | The parameter ico must be an IČO of 8 digits, not '270211'",
                "/data/smlouvy.csv | 404 | No dataset 'smlouvy' is fed by a loaded connector; datasets: uredni-deska",
                "/data/smlouvy.jsonld | 404 | No OFN download 'smlouvy.jsonld'; OFN downloads: uredni-desky.jsonld,"
                        + " nadoby-na-trideny-odpad.jsonld",
                "/data/nadoby-na-trideny-odpad.jsonld | 404 | No dataset 'zaplnenost-nadob' is fed by a loaded"
                        + " connector; datasets: uredni-deska",
                "/data/uredni-deska.xml | 404 | No download 'uredni-deska.xml': datasets download as .ttl, .nt and .csv,"
                        + " OFN documents as .jsonld"
            })
    void answersWhatIsNotThereWithAClearMessage(String path, int status, String message) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo(message);
    }

    @Test
    void listsTheDownloadsAsJsonForProgramsAndAsAPageForBrowsers() throws Exception {
        HttpResponse<String> json = get("/data");

        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode dataset = JSON.readTree(json.body()).at("/datasets/0");
        assertThat(dataset.get("id").asText()).isEqualTo("uredni-deska");
        assertThat(dataset.at("/municipalities").findValuesAsText("ico")).containsExactly(MVCR, CHRUDIM);
        assertThat(dataset.at("/downloads").findValuesAsText("url"))
                .containsExactly(
                        url("/data/uredni-deska.ttl"),
                        url("/data/uredni-deska.nt"),
                        url("/data/uredni-deska.csv"),
                        url("/data/uredni-desky.jsonld"));
        assertThat(dataset.at("/downloads/2/columns/1/name").asText()).isEqualTo("informace");
        assertThat(dataset.at("/downloads/3/schema").asText()).isEqualTo(SCHEMA);

        HttpResponse<String> html = send(HttpRequest.newBuilder(URI.create(url("/data")))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(html.body())
                .contains("<h2>Úřední deska <small>/ Official notice board (<code>uredni-deska</code>)")
                .contains("<a href=\"" + url("/data/uredni-desky.jsonld?ico=00270211") + "\">OFN Úřední desky</a>");
    }

    private static String inBoardGraphs(String pattern) {
        return "GRAPH ?g { " + pattern + " } FILTER(STRSTARTS(STR(?g), \"" + GRAPHS + "\"))";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
