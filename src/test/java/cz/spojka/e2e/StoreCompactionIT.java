package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.connector.Connectors;
import cz.spojka.store.Materializer;
import cz.spojka.store.StoreCompaction;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * TDB2 compaction on a real store: rewriting every entity grows the store, a compaction shrinks it to its new
 * generation and deletes the old one, while queries go on and answer as before; the growth trigger compacts on its own
 * while the materializer writes.
 */
class StoreCompactionIT {

    private static final AgendaSystem AGENDA = new AgendaSystem();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static TestHub testHub;

    @BeforeAll
    static void startAgenda() {
        AGENDA.start();
        testHub = TestHub.onFreePorts(dataDir, AgendaSystem.noticeBoardConnectors())
                .withAgenda(AGENDA.baseUrl());
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @Test
    void compactionShrinksTheStoreAndKeepsItsAnswersWhileQueriesGoOn() throws Exception {
        // Small write transactions, as a trickle of connector runs makes them: each copies the index blocks it touches.
        try (ConfigurableApplicationContext hub =
                testHub.start("--spojka.store.batch-size=20", "--spojka.store.compaction.growth-factor=0")) {
            awaitRuns(hub);
            List<String> before = StoreSnapshots.of(hub);
            long hits = StoreSnapshots.textHits(hub);
            assertThat(hits).isGreaterThan(50);
            Materializer materializer = hub.getBean(Materializer.class);
            StoreCompaction compaction = hub.getBean(StoreCompaction.class);
            for (int rewrite = 0; rewrite < 3; rewrite++) {
                materializer.rebuild();
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> materializer.lag() == 0
                                && StoreSnapshots.of(hub).size() == before.size());
            }
            long grown = compaction.sizeBytes();
            assertThat(generations()).containsExactly("Data-0001");

            HubApi api = HubApi.at(port(hub));
            assertThat(api.send("POST", "/api/store/compact", null).statusCode())
                    .isEqualTo(401);

            QueryLoad load = new QueryLoad(HubSparql.of(hub));
            HttpResponse<String> response = api.send("POST", "/api/store/compact", "demo-admin");
            // Every query during the compaction answered, with the same count as before it.
            load.stop();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode outcome = JSON.readTree(response.body());
            assertThat(outcome.get("outcome").asText()).isEqualTo("success");
            assertThat(outcome.get("beforeBytes").asLong()).isEqualTo(grown);
            long compacted = compaction.sizeBytes();
            assertThat(outcome.get("afterBytes").asLong()).isEqualTo(compacted);
            assertThat(compacted)
                    .as("compacted %d of %d bytes", compacted, grown)
                    .isLessThan(grown / 2);
            assertThat(generations()).as("the old generation is deleted").containsExactly("Data-0002");

            assertThat(StoreSnapshots.of(hub)).isEqualTo(before);
            assertThat(StoreSnapshots.textHits(hub)).isEqualTo(hits);
            JsonNode health = api.get("/actuator/health", HubApi.ADMIN_KEY)
                    .get("components")
                    .get("store");
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.get("details")
                            .get("lastCompaction")
                            .get("afterBytes")
                            .asLong())
                    .isEqualTo(compacted);
            assertThat(health.get("details").get("compactedSizeBytes").asLong()).isEqualTo(compacted);

            // The compacted generation takes writes.
            materializer.rebuild();
            await().atMost(Duration.ofMinutes(2))
                    .until(() ->
                            materializer.lag() == 0 && StoreSnapshots.of(hub).size() == before.size());
            assertThat(StoreSnapshots.of(hub)).isEqualTo(before);
        }

        // The growth trigger compacts on its own, while the materializer rewrites the store.
        try (ConfigurableApplicationContext hub = testHub.start(
                "--spojka.store.batch-size=20",
                "--spojka.store.compaction.growth-factor=1.5",
                "--spojka.store.compaction.growth-min=0B",
                "--spojka.store.compaction.check-interval=1s")) {
            awaitRuns(hub);
            List<String> before = StoreSnapshots.of(hub);
            Materializer materializer = hub.getBean(Materializer.class);
            StoreCompaction compaction = hub.getBean(StoreCompaction.class);
            long reference = compaction.referenceBytes();
            materializer.rebuild();
            await().atMost(Duration.ofMinutes(2)).until(() -> compaction.last() != null);
            assertThat(compaction.last().reason()).startsWith("growth: ");
            assertThat(compaction.last().error()).isNull();
            assertThat(compaction.last().beforeBytes()).isGreaterThan((long) (1.5 * reference));
            await().atMost(Duration.ofMinutes(2))
                    .until(() ->
                            materializer.lag() == 0 && StoreSnapshots.of(hub).size() == before.size());
            assertThat(StoreSnapshots.of(hub)).isEqualTo(before);
            assertThat(materializer.failure()).isNull();
        }
    }

    private static void awaitRuns(ConfigurableApplicationContext hub) {
        Connectors connectors = hub.getBean(Connectors.class);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> connectors.lastRun(AgendaSystem.OFN) != null
                        && connectors.lastRun(AgendaSystem.EDESKY) != null);
        TestHub.awaitMaterialized(hub.getBean(Materializer.class));
    }

    private static int port(ConfigurableApplicationContext hub) {
        return Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static List<String> generations() throws IOException {
        try (Stream<Path> dirs = Files.list(dataDir.resolve("tdb2"))) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** Queries the hub in a loop from another thread; every answer must be the same count. */
    private static final class QueryLoad {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService executor = Executors.newSingleThreadExecutor();
        private final Future<Long> answered;

        QueryLoad(HubSparql sparql) {
            long expected = sparql.count("GRAPH ?g { ?s ?p ?o }");
            answered = executor.submit(() -> {
                long n = 0;
                do {
                    assertThat(sparql.count("GRAPH ?g { ?s ?p ?o }")).isEqualTo(expected);
                    n++;
                } while (!stop.get());
                return n;
            });
        }

        /** Stops the loop; throws what a query failed with, or the first answer that differed. */
        long stop() throws Exception {
            stop.set(true);
            try {
                return answered.get();
            } finally {
                executor.shutdown();
            }
        }
    }
}
