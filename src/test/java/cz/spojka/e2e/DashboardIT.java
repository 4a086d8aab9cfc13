package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard in Debian's headless Chromium against a running hub: the page fills from the event stream
 * alone (notices, sensor values, located entities on the map over the bundled outline), and a citizen report pushed
 * while the page is open appears on it. The screenshot is kept in {@code target/dashboard.png}; with
 * {@code -Dspojka.docs.update=true} it also replaces {@code docs/dashboard.png}.
 */
class DashboardIT extends EventStreamHubIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DESKY = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/";
    private static final String SB = "https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/";
    /** One per located entity: the 15 stations, the 2 reports of Ostrava and what the tests pushed to Brno. */
    private static final String MARKERS = "document.querySelectorAll('#map .leaflet-overlay-pane path').length";

    @Test
    void aPushedCitizenReportAppearsOnTheOpenDashboard() throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            HeadlessChromium.Page page = chromium.open("http://localhost:" + port + "/dashboard", 1500, 1000);
            page.await("document.body.dataset.streams === 'open'", WAIT);
            page.await("document.querySelectorAll('#notices li').length === 15", WAIT);
            page.await("document.querySelectorAll('#readings tr').length === 12", WAIT);
            page.await("document.querySelectorAll('#map .leaflet-outline-pane path').length === 1", WAIT);
            page.await("document.querySelectorAll('#map .leaflet-overlay-pane path').length >= 15 + 2", WAIT);
            assertThat(page.evaluate("document.querySelector('#notices li .title').textContent")
                            .map(JsonNode::asText))
                    .as("the newest notice has a title")
                    .hasValueSatisfying(title -> assertThat(title).isNotBlank());

            int markers = page.evaluate(MARKERS).orElseThrow().asInt();

            push(report(
                            "dashboard-1",
                            "osvetleni",
                            "Veřejné osvětlení",
                            "Nesvítí pouliční lampa na Moravském náměstí",
                            49.1977,
                            16.6083)
                    .put("address", "Moravské náměstí, Brno"));

            page.await(
                    "[...document.querySelectorAll('#reports li')].some(li =>"
                            + " li.textContent.includes('Nesvítí pouliční lampa na Moravském náměstí'))",
                    WAIT);
            page.await(MARKERS + " === " + (markers + 1), WAIT);
            assertThat(page.evaluate("document.querySelector('#reports li .badge').textContent")
                            .map(JsonNode::asText))
                    .hasValue("otevřený · open");
            keep(page.screenshot());
        }
    }

    /**
     * Events carry the entity as compact JSON-LD with an inline context (the events branch's format; the fixture is
     * the eDesky notice of {@code docs/events.md} as that branch documents it), older events as expanded JSON-LD:
     * the page reads both into the same expanded form.
     */
    @Test
    void thePageReadsEntitiesInCompactAndInExpandedJsonLd() throws IOException {
        String compact = Files.readString(Path.of("src/test/resources/cz/spojka/e2e/compact-notice-entity.json"));
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            HeadlessChromium.Page page = chromium.open("http://localhost:" + port + "/dashboard", 800, 600);
            page.await("typeof SpojkaEntity === 'object'", WAIT);

            JsonNode read = page.evaluate("(() => { const E = SpojkaEntity; const e = E.expanded(" + compact + ");"
                            + " const posted = E.first(e, '" + SB + "vyvěšení-informace');"
                            + " const document = E.first(e, '" + DESKY + "má-další-dokument');"
                            + " return { id: e['@id'], types: e['@type'],"
                            + " title: E.literal(e, 'http://purl.org/dc/terms/title'),"
                            + " board: E.ref(e, 'http://purl.org/dc/terms/isPartOf'),"
                            + " posted: E.literal(posted, 'http://www.w3.org/2006/time#inXSDDateTimeStamp'),"
                            + " format: E.literal(document, 'http://schema.org/encodingFormat'),"
                            + " link: E.first(e, 'http://schema.org/downloadUrl'),"
                            + " again: JSON.stringify(E.expanded(e)) === JSON.stringify(e) }; })()")
                    .orElseThrow();

            String notice = "http://localhost:8080/zdroj/uredni-deska/00270211/";
            assertThat(read.get("id").asText()).isEqualTo(notice + "informace/edesky.cz/dokument/3312052");
            assertThat(read.get("types"))
                    .extracting(JsonNode::asText)
                    .containsExactly(DESKY + "informace-zveřejněná-na-úřední-desce", "http://schema.org/CreativeWork");
            assertThat(read.get("title").asText())
                    .isEqualTo("oznámení o zahájení řízení - prodloužení, stanoviska: polní cesta C1 Dvakačovice");
            assertThat(read.get("board").asText()).isEqualTo(notice + "deska/edesky.cz/desky/97");
            assertThat(read.get("posted").asText()).isEqualTo("2019-10-10T17:10:14+02:00");
            assertThat(read.get("format").asText())
                    .as("a plain string is an xsd:string")
                    .isEqualTo("application/pdf");
            assertThat(read.at("/link/@type").asText()).isEqualTo("http://www.w3.org/2001/XMLSchema#anyURI");
            assertThat(read.get("again").asBoolean())
                    .as("the expanded form reads as it is")
                    .isTrue();
        }
    }

    @Test
    void thePageGetsItsSettingsFromTheHubsConfiguration() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/settings.json"))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode settings = json(response.body());
        assertThat(settings.get("tileUrl").asText())
                .as("no tile server: the bundled outline")
                .isEmpty();
        assertThat(Instant.parse(settings.get("since").asText()))
                .as("spojka.dashboard.history, 7 days, back from now")
                .isBetween(
                        Instant.now().minus(Duration.ofDays(7)).minusSeconds(60),
                        Instant.now().minus(Duration.ofDays(7)));
    }

    private static void keep(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/dashboard.png"), png);
        if (Boolean.getBoolean("spojka.docs.update")) {
            Files.write(Path.of("docs/dashboard.png"), png);
        }
    }
}
