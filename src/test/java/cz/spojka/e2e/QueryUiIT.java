package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The query UI: a browser opening {@code /sparql} gets YASGUI, served by the hub with everything it loads, and an
 * example query runs in it; a program asking the same address gets the SPARQL protocol's answers as before.
 */
class QueryUiIT extends DemoHubIT {

    /** What Chromium sends when it opens a page. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The result table's rows; DataTables shows one row with a {@code dataTables_empty} cell when there are none. */
    private static final String RESULT_ROWS = "[...document.querySelectorAll('.yasr table.dataTable tbody tr')]"
            + ".filter(row => !row.querySelector('.dataTables_empty'))";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrowserRunsAnExampleWithNothingLoadedFromElsewhere() throws Exception {
        int examples = api().get("/query-ui/examples.json").size();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            HeadlessChromium.Page page = chromium.open("http://localhost:" + port + "/sparql", 1500, 1000);
            page.await("document.body.dataset.ui === 'ready'", WAIT);
            page.await("document.body.dataset.examples === '" + examples + "'", WAIT);
            assertThat(page.evaluate("document.querySelectorAll('#examples button').length")
                            .map(JsonNode::asInt))
                    .hasValue(examples);
            assertThat(page.evaluate("document.querySelector('.yasgui .autocomplete').value")
                            .map(JsonNode::asText))
                    .as("the endpoint YASGUI queries")
                    .hasValue("http://localhost:" + port + "/sparql");

            page.evaluate("document.querySelector('button[data-example=\"notices-latest\"]').click()");

            page.await(RESULT_ROWS + ".length === 20", WAIT);
            assertThat(page.evaluate("document.querySelector('.tabsList .tab.active').textContent")
                            .map(JsonNode::asText))
                    .hasValueSatisfying(tab -> assertThat(tab).contains("Nejnovější oznámení na úředních deskách"));
            assertThat(page.evaluate(RESULT_ROWS + "[0].textContent").map(JsonNode::asText))
                    .as("the newest notice of the eDesky sample, posted 2019-10-10")
                    .hasValueSatisfying(row -> assertThat(row).contains("2019-10-10"));
            assertThat(page.requests())
                    .as("every request the page sent")
                    .isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
            assertThat(page.requests())
                    .contains(
                            "http://localhost:" + port + "/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js",
                            "http://localhost:" + port + "/query-ui/examples.json",
                            "http://localhost:" + port + "/sparql");
            HeadlessChromium.keep(page.screenshot(), "query-ui.png");
        }
    }

    @Test
    void theEndpointsAddressOpenedInABrowserIsTheQueryUi() throws Exception {
        HttpResponse<String> page = get("", BROWSER_ACCEPT);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().allValues("Vary")).contains("Accept");
        assertThat(page.body())
                .contains("<script src=\"/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js\"></script>")
                .doesNotContain("https://");
        assertThat(get("", "text/html").body()).isEqualTo(page.body());
    }

    @Test
    void programsGetTheProtocolsAnswersAsBefore() throws Exception {
        for (String accept : new String[] {
            null, "*/*", "application/sparql-results+json", "text/turtle", "application/xml,text/html;q=0.9"
        }) {
            HttpResponse<String> bare = get("", accept);
            assertThat(bare.statusCode()).as("Accept: " + accept).isEqualTo(400);
            assertThat(bare.body()).as("Accept: " + accept).startsWith("No query: send a SPARQL query as ?query=…");
        }
        HttpResponse<String> query =
                get("?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), BROWSER_ACCEPT);
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.body()).doesNotContain("yasgui");
        HttpResponse<String> graph = get(
                "?graph=" + URLEncoder.encode(TestHub.BASE_IRI + "graph/uredni-deska/00007064", StandardCharsets.UTF_8),
                BROWSER_ACCEPT);
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).doesNotContain("yasgui");
        HttpResponse<String> below = get("/index.html", BROWSER_ACCEPT);
        assertThat(below.body()).doesNotContain("yasgui");
    }

    private HttpResponse<String> get(String rest, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sparql" + rest));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
