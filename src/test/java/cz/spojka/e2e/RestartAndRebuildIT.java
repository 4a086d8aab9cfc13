package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import cz.spojka.store.Materializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The change log is the source of truth: a restart publishes no duplicate events and keeps the same store, and the
 * store rebuilt from the topic alone — in a running hub or with {@code spojka.store.rebuild=true} at start-up — holds
 * the same triples.
 */
class RestartAndRebuildIT {

    private static final AgendaSystem AGENDA = new AgendaSystem();
    private static final Path CONNECTORS_DIR = AgendaSystem.noticeBoardConnectors();

    @TempDir
    static Path dataDir;

    /** Set once JUnit has made {@link #dataDir} and the agenda systems listen. */
    private static TestHub testHub;

    @BeforeAll
    static void startAgenda() {
        AGENDA.start();
        testHub = TestHub.onFreePorts(dataDir, CONNECTORS_DIR).withAgenda(AGENDA.baseUrl());
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @Test
    void restartsWithoutDuplicatesAndRebuildsTheSameStoreFromTheTopic() {
        List<String> firstStore;
        long firstEvents;
        long firstHits;
        try (ConfigurableApplicationContext hub = startHub(false)) {
            awaitRunsAndStore(hub);
            firstStore = StoreSnapshots.of(hub);
            firstHits = StoreSnapshots.textHits(hub);
            assertThat(firstHits).isGreaterThan(50);
            firstEvents = testHub.changeLog().endOffsetSum("spojka.changes");
            // The notice boards' part; other demo connectors publish to the same log and store.
            assertThat(testHub.changeLog().events("spojka.changes").stream()
                            .filter(r -> r.value().getSource().toString().contains("/connectors/uredni-deska-")))
                    .hasSize(182 + 1206 + 1 + 43);
            assertThat(firstStore.stream().filter(line -> line.startsWith(TestHub.BASE_IRI + "graph/uredni-deska/")))
                    .hasSize(182 + 1206 + 1 + 43);
        }

        try (ConfigurableApplicationContext hub = startHub(false)) {
            awaitRunsAndStore(hub);
            RunReport ofn = hub.getBean(Connectors.class).lastRun(AgendaSystem.OFN);
            assertThat(ofn.entities()).isEqualTo(1388);
            assertThat(ofn.created() + ofn.updated() + ofn.deleted()).isZero();
            assertThat(testHub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(firstEvents);
            assertThat(StoreSnapshots.of(hub)).isEqualTo(firstStore);

            Materializer materializer = hub.getBean(Materializer.class);
            materializer.rebuild();
            await().atMost(Duration.ofMinutes(1))
                    .until(() ->
                            materializer.lag() == 0 && StoreSnapshots.of(hub).size() == firstStore.size());
            assertThat(StoreSnapshots.of(hub)).isEqualTo(firstStore);
            assertThat(StoreSnapshots.of(hub))
                    .as("the rebuild keeps the published vocabulary, which is not in the change log")
                    .anyMatch(line -> line.startsWith(TestHub.BASE_IRI + "vocab/codelists/"))
                    .as("and the catalogue, which is built from configuration")
                    .anyMatch(line -> line.startsWith(TestHub.BASE_IRI + "catalog ")
                            && line.contains("<http://www.w3.org/ns/dcat#Dataset>"));
            assertThat(StoreSnapshots.textHits(hub))
                    .as("the full-text index was rebuilt with the store")
                    .isEqualTo(firstHits);
        }

        try (ConfigurableApplicationContext hub = startHub(true)) {
            awaitRunsAndStore(hub);
            assertThat(testHub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(firstEvents);
            assertThat(StoreSnapshots.of(hub)).isEqualTo(firstStore);
            assertThat(StoreSnapshots.textHits(hub)).isEqualTo(firstHits);
        }
    }

    private ConfigurableApplicationContext startHub(boolean rebuild) {
        return testHub.start("--spojka.store.rebuild=" + rebuild);
    }

    /** Waits for this hub's own start-up runs (the run history on disk also holds the previous hub's). */
    private static void awaitRunsAndStore(ConfigurableApplicationContext hub) {
        Instant started = Instant.ofEpochMilli(hub.getStartupDate());
        Connectors connectors = hub.getBean(Connectors.class);
        Materializer materializer = hub.getBean(Materializer.class);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> ranSince(connectors, AgendaSystem.OFN, started)
                        && ranSince(connectors, AgendaSystem.EDESKY, started));
        TestHub.awaitMaterialized(materializer);
    }

    private static boolean ranSince(Connectors connectors, String connectorId, Instant since) {
        RunReport last = connectors.lastRun(connectorId);
        return last != null && last.startedAt().isAfter(since);
    }
}
