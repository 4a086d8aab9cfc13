package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            HeadlessChromium.keep(page.screenshot(), "dashboard.png");
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
}
