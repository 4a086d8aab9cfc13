package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The home page in headless Chromium: what it shows, and that every link of it leads somewhere on the hub. */
class HomePageIT extends DemoHubIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theHomePageLinksEverythingAndEachLinkAnswers() throws Exception {
        List<String> links = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            HeadlessChromium.Page page = chromium.open("http://localhost:" + port + "/", 1200, 1400);
            page.await("document.readyState === 'complete' && document.querySelector('h1') !== null", WAIT);
            assertThat(page.evaluate("document.title").map(JsonNode::asText))
                    .hasValue("Spojka – Otevřená data z integračního uzlu Spojka");
            assertThat(page.evaluate("document.body.innerText").map(JsonNode::asText))
                    .hasValueSatisfying(text -> assertThat(text)
                            .contains("Zveřejňuje Published by: Město Chrudim (IČO 00270211)")
                            .contains("Úřední deska / Official notice board")
                            .contains("Registr smluv"));
            page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
                    .orElseThrow()
                    .forEach(href -> links.add(href.asText()));
            assertThat(page.requests()).allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
            HeadlessChromium.keep(page.screenshot(), "home.png");
        }

        List<String> own = links.stream()
                .filter(link -> link.startsWith("http://localhost:" + port + "/"))
                .toList();
        assertThat(own)
                .contains(
                        "http://localhost:" + port + "/sparql",
                        "http://localhost:" + port + "/catalog",
                        "http://localhost:" + port + "/vocab",
                        "http://localhost:" + port + "/data",
                        "http://localhost:" + port + "/dashboard",
                        "http://localhost:" + port + "/asyncapi.yaml",
                        "http://localhost:" + port + "/api/connectors",
                        "http://localhost:" + port + "/catalog/datasets/uredni-deska/00270211",
                        "http://localhost:" + port + "/data/uredni-deska.ttl?ico=00270211");
        assertThat(links)
                .as("the rest: the publisher's home page and e-mail from spojka.catalog.*")
                .containsAll(List.of("https://www.chrudim.eu/", "mailto:podatelna@chrudim-city.cz"))
                .hasSize(own.size() + 2);
        Map<String, Integer> statuses = new TreeMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String link : own) {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(link))
                            .header("Accept", QueryUiIT.BROWSER_ACCEPT)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            statuses.put(link, response.statusCode());
        }
        assertThat(statuses)
                .allSatisfy((link, status) ->
                        assertThat(status).as(link).isEqualTo(link.endsWith("/api/connectors") ? 401 : 200));
    }
}
