package cz.spojka.home;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.RouteTemplates;
import cz.spojka.system.SpojkaProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The home page over the real connectors' datasets: its links, the publisher, one row per dataset and municipality. */
class HomePageTest {

    private static final SpojkaProperties.Catalog CATALOG = new SpojkaProperties.Catalog(
            "Otevřená data <města> Chrudim",
            "Open data of the town of Chrudim",
            "Datové sady města Chrudim.",
            "The datasets of the town of Chrudim.",
            "00270211",
            "Město Chrudim & okolí",
            "https://www.chrudim.eu/",
            "podatelna@chrudim-city.cz",
            "");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static List<ConnectorDefinition.Dataset> datasets;

    @BeforeAll
    static void loadConnectors() throws IOException {
        ConnectorLoader.Result result = new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false)
                .loadAll(Path.of("connectors"));
        assertThat(result.skipped()).isEmpty();
        datasets = result.loaded().stream()
                .flatMap(definition -> definition.instances().stream())
                .map(ConnectorDefinition::dataset)
                .toList();
    }

    @Test
    void linksEveryPartOfTheHubThenEachDatasetOfEachMunicipality() {
        String html = HomePage.of(CATALOG, "/sparql", datasets);

        List<String> links = HREF.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(links.subList(0, 10))
                .containsExactly(
                        "https://www.chrudim.eu/",
                        "mailto:podatelna@chrudim-city.cz",
                        "/sparql",
                        "/catalog",
                        "/vocab",
                        "/data",
                        "/dashboard",
                        "/asyncapi.yaml",
                        "/api/connectors",
                        "/actuator/health");
        assertThat(links.subList(10, links.size()))
                .as("a catalogue record and a download per dataset and municipality")
                .hasSize(2 * 11)
                .contains("/catalog/datasets/uredni-deska/00270211", "/data/uredni-deska.ttl?ico=00270211");
    }

    @Test
    void escapesWhatTheConfigurationSaysButKeepsCzechLetters() {
        String html = HomePage.of(CATALOG, "/sparql", datasets);

        assertThat(html)
                .contains("<title>Spojka – Otevřená data &lt;města&gt; Chrudim</title>")
                .contains("Město Chrudim &amp; okolí (IČO 00270211)")
                .contains("<td>Úřední deska <span lang=\"en\">/ Official notice board</span></td><td>Město Chrudim"
                        + " (IČO 00270211)</td>");
    }

    @Test
    void withAnExternalStoreTheQueryLinkIsTheStoresEndpoint() {
        String html = HomePage.of(CATALOG, "https://store.example/query", List.of());

        Matcher first =
                Pattern.compile("<dt><a href=\"([^\"]*)\">Dotazy SPARQL</a>").matcher(html);
        assertThat(first.find()).isTrue();
        assertThat(first.group(1)).isEqualTo("https://store.example/query");
        assertThat(html).contains("Žádný konektor není načten. <span lang=\"en\">No connector is loaded.</span>");
    }
}
