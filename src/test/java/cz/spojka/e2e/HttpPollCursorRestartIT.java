package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static cz.spojka.e2e.SamplePages.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code http-poll} since cursor survives a restart of the hub: the restarted hub's first poll asks for the
 * changes since the value the last successful run stored, and publishes nothing again.
 */
class HttpPollCursorRestartIT {

    private static final WireMockServer AGENDA =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String PATH = "/cursor/desky";

    @TempDir
    static Path work;

    @BeforeAll
    static void startAgenda() {
        AGENDA.start();
        AGENDA.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("zmeneno-od", absent())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/ld+json")
                        .withHeader("X-Zmeneno-Do", "2024-05-24T20:20:09Z")
                        .withBody(bytes(SamplePages.ofnBoards(0, 3)))));
        AGENDA.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("zmeneno-od", equalTo("2024-05-24T20:20:09Z"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/ld+json")
                        .withHeader("X-Zmeneno-Do", "2024-05-24T20:20:09Z")
                        .withBody("[]".getBytes(UTF_8))));
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @Test
    void theRestartedHubAsksForTheChangesSinceTheStoredCursorAndPublishesNothingAgain() {
        Path connectorsDir = HttpPollConnectors.assemble(
                Path.of("src/test/resources/cz/spojka/e2e/restart-connectors"), work.resolve("connectors"));
        TestHub hub = TestHub.onFreePorts(work.resolve("data"), connectorsDir).withAgenda(AGENDA.baseUrl());
        long published;
        try (ConfigurableApplicationContext first = hub.start()) {
            RunReport run = firstRun(first);
            assertThat(run.error()).isNull();
            assertThat(run.created()).isPositive();
            published = hub.changeLog().endOffsetSum("spojka.changes");
            assertThat(published).isEqualTo(run.created());
        }
        try (ConfigurableApplicationContext restarted = hub.start()) {
            Connectors connectors = restarted.getBean(Connectors.class);
            await().atMost(Duration.ofMinutes(3))
                    .until(() -> connectors.runs("cursor").size() == 2);
            RunReport afterRestart = connectors.runs("cursor").get(0);
            assertThat(afterRestart.error()).isNull();
            assertThat(afterRestart.records()).isZero();
            // The change log lives in the hub's own broker: read it while the hub runs.
            assertThat(hub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(published);
        }
        assertThat(AGENDA.findAll(getRequestedFor(urlPathEqualTo(PATH))).stream()
                        .map(request -> request.getUrl())
                        .toList())
                .containsExactlyInAnyOrder(PATH, PATH + "?zmeneno-od=2024-05-24T20%3A20%3A09Z");
    }

    private static RunReport firstRun(ConfigurableApplicationContext hub) {
        Connectors connectors = hub.getBean(Connectors.class);
        TestHub.awaitFirstRuns(connectors, List.of("cursor"));
        return connectors.lastRun("cursor");
    }
}
