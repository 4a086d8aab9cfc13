package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import cz.spojka.connector.Connectors;
import cz.spojka.store.Materializer;
import cz.spojka.store.TdbEntityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real full disk under the TDB2 store: the store lives on a small tmpfs of its own, which the test shrinks to what
 * the store holds and grows again. The materializer's writes fail cleanly (aborted, the store and its offsets as they
 * were, queries answered, health DOWN with the reason) and resume once space returns, until the store has caught up
 * with the change log. Mounting needs root ({@link Tmpfs}).
 */
class StoreDiskFullIT {

    private static final AgendaSystem AGENDA = new AgendaSystem();

    @TempDir
    static Path dataDir;

    private static Tmpfs storeDisk;
    private static TestHub testHub;

    @BeforeAll
    static void mountStore() throws Exception {
        storeDisk = Tmpfs.mount(dataDir.resolve("tdb2"), "512m", "the store");
        AGENDA.start();
        testHub = TestHub.onFreePorts(dataDir, AgendaSystem.noticeBoardConnectors())
                .withAgenda(AGENDA.baseUrl());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (storeDisk != null) {
            AGENDA.stop();
            storeDisk.unmount();
        }
    }

    @Test
    void writesFailCleanlyOnAFullDiskAndResumeWhenSpaceReturns() throws Exception {
        List<String> full;
        try (ConfigurableApplicationContext hub =
                testHub.start("--spojka.store.compaction.growth-factor=0", "--spojka.store.retry-backoff-max=2s")) {
            Connectors connectors = hub.getBean(Connectors.class);
            Materializer materializer = hub.getBean(Materializer.class);
            TdbEntityStore store = hub.getBean(TdbEntityStore.class);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> connectors.lastRun(AgendaSystem.OFN) != null
                            && connectors.lastRun(AgendaSystem.EDESKY) != null);
            TestHub.awaitMaterialized(materializer);
            full = StoreSnapshots.of(hub);
            Map<TopicPartition, Long> offsets = store.offsets();
            HubApi api = HubApi.at(Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port")));

            storeDisk.fill(64 * 1024);
            // Rewriting the store needs new blocks: the disk is full.
            materializer.rebuild();
            await().atMost(Duration.ofMinutes(1)).until(() -> materializer.failedTries() >= 2);

            assertThat(materializer.failure())
                    .startsWith("cannot store the changes after offsets ")
                    .contains("bytes free on the store's file system");
            assertThat(materializer.failure()).containsAnyOf("No space left on device", "the disk is full or failing");
            assertThat(materializer.isRunning()).isTrue();
            assertThat(store.offsets()).as("no offset past the refused batch").isEqualTo(offsets);
            assertThat(StoreSnapshots.of(hub))
                    .as("the aborted writes left the store as it was")
                    .isEqualTo(full);
            assertThat(HubSparql.of(hub).count("GRAPH ?g { ?notice a ?type }")).isPositive();
            assertThat(api.send("GET", "/actuator/health", null).statusCode())
                    .as("/actuator/health while the store refuses writes")
                    .isEqualTo(503);
            JsonNode health = readHealth(api);
            JsonNode component = health.get("components").get("materializer");
            assertThat(component.get("status").asText()).isEqualTo("DOWN");
            assertThat(component.get("details").get("error").asText()).isEqualTo(materializer.failure());

            storeDisk.free();
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> materializer.failure() == null
                            && materializer.lag() == 0
                            && StoreSnapshots.of(hub).size() == full.size());
            assertThat(StoreSnapshots.of(hub)).isEqualTo(full);
            assertThat(store.offsets()).isEqualTo(offsets);
            assertThat(readHealth(api)
                            .get("components")
                            .get("materializer")
                            .get("status")
                            .asText())
                    .isEqualTo("UP");
        }
        // The store opens again after the full disk, with the same content.
        try (ConfigurableApplicationContext hub = testHub.start("--spojka.store.compaction.growth-factor=0")) {
            TestHub.awaitMaterialized(hub.getBean(Materializer.class));
            assertThat(StoreSnapshots.of(hub)).isEqualTo(full);
            assertThat(StoreSnapshots.textHits(hub)).isGreaterThan(50);
        }
    }

    private static JsonNode readHealth(HubApi api) throws IOException, InterruptedException {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(api.send("GET", "/actuator/health", HubApi.ADMIN_KEY).body());
    }
}
