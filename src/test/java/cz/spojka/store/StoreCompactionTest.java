package cz.spojka.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cz.spojka.system.SpojkaProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Compaction of a real TDB2 store in a temporary directory, with a read transaction open across the switch. */
class StoreCompactionTest {

    private static final String BASE = "http://hub.test/";
    private static final String VOCAB = BASE + "vocab/";

    @TempDir
    Path dir;

    private TdbEntityStore store;
    private StoreCompaction compaction;

    @BeforeEach
    void open() {
        store = TestStores.tdb2(dir, BASE);
        compaction = new StoreCompaction(store, dir.resolve("compaction.properties"), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReadOpenAcrossTheSwitchEndsOnItsGenerationAndTheCompactionFinishes() throws Exception {
        for (int version = 0; version < 30; version++) {
            store.replaceGraphs(VOCAB, Map.of(VOCAB + "big", graph(2000, version)));
        }
        long grown = compaction.sizeBytes();
        DatasetGraph dataset = store.dataset();
        DatasetGraph before = store.switchable().get();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch switched = new CountDownLatch(1);
        CompletableFuture<List<Long>> reader = CompletableFuture.supplyAsync(() -> {
            dataset.begin(TxnType.READ);
            try {
                long first = dataset.stream().count();
                reading.countDown();
                awaitLatch(switched);
                return List.of(first, dataset.stream().count());
            } finally {
                dataset.end();
            }
        });
        reading.await(1, TimeUnit.MINUTES);
        CompletableFuture<StoreCompaction.Outcome> compacting =
                CompletableFuture.supplyAsync(() -> compaction.compact("test"));
        await().atMost(Duration.ofMinutes(2)).until(() -> store.switchable().get() != before);
        switched.countDown();

        assertThat(reader.get(1, TimeUnit.MINUTES)).containsExactly(2000L, 2000L);
        StoreCompaction.Outcome outcome = compacting.get(2, TimeUnit.MINUTES);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.beforeBytes()).isEqualTo(grown);
        assertThat(outcome.afterBytes()).isEqualTo(compaction.sizeBytes()).isLessThan(grown);
        assertThat(compaction.referenceBytes()).isEqualTo(outcome.afterBytes());
        assertThat(generations()).containsExactly("Data-0002");
        assertThat(Txn.calculateRead(
                        dataset,
                        () -> dataset.getGraph(NodeFactory.createURI(VOCAB + "big"))
                                .isIsomorphicWith(graph(2000, 29))))
                .isTrue();

        // The new generation takes writes, and a store opened again finds it and the reference size.
        store.replaceGraphs(VOCAB, Map.of(VOCAB + "big", graph(10, 30)));
        store.close();
        store = TestStores.tdb2(dir, BASE);
        assertThat(Txn.calculateRead(
                        store.dataset(), () -> store.dataset().stream().count()))
                .isEqualTo(10);
        assertThat(new StoreCompaction(store, dir.resolve("compaction.properties"), new SimpleMeterRegistry())
                        .referenceBytes())
                .isEqualTo(outcome.afterBytes());
    }

    /** The size the scheduler reads every few seconds follows every write and every compaction. */
    @Test
    void theCurrentSizeIsMeasuredAgainAfterAWriteAndAfterACompaction() {
        long empty = compaction.currentBytes();
        for (int version = 0; version < 30; version++) {
            store.replaceGraphs(VOCAB, Map.of(VOCAB + "big", graph(2000, version)));
        }
        long grown = compaction.currentBytes();
        assertThat(grown).isGreaterThan(empty).isEqualTo(compaction.sizeBytes());

        StoreCompaction.Outcome outcome = compaction.compact("test");
        assertThat(compaction.currentBytes()).isEqualTo(outcome.afterBytes()).isLessThan(grown);

        store.replaceGraphs(VOCAB, Map.of(VOCAB + "big", graph(2000, 30)));
        assertThat(compaction.currentBytes()).isGreaterThan(outcome.afterBytes());
    }

    /** New data is not garbage: the growth trigger's reference grows with the quads, rewrites leave it as it was. */
    @Test
    void theReferenceForTheDataNowScalesTheCompactedSizeByTheQuads() {
        store.replaceGraphs(VOCAB, Map.of(VOCAB + "a", graph(20_000, 0)));
        compaction.compact("test");
        long compacted = compaction.referenceBytes();
        assertThat(compaction.referenceForCurrentData()).isEqualTo(compacted);

        store.replaceGraphs(VOCAB, Map.of(VOCAB + "a", graph(20_000, 1)));
        assertThat(compaction.referenceForCurrentData())
                .as("as many quads as after the compaction")
                .isEqualTo(compacted);

        store.replaceGraphs(VOCAB, Map.of(VOCAB + "a", graph(20_000, 1), VOCAB + "b", graph(20_000, 2)));
        assertThat(compaction.referenceForCurrentData()).isEqualTo(2 * compacted);
        assertThat(new StoreCompaction(store, dir.resolve("compaction.properties"), new SimpleMeterRegistry())
                        .referenceForCurrentData())
                .as("the count after the compaction is kept beside the size")
                .isEqualTo(2 * compacted);
    }

    /** An interrupt would fail the copy and leave a lock that refuses every later compaction until a restart. */
    @Test
    void stoppingTheSchedulerLetsTheCompactionUnderWayFinish() {
        store.replaceGraphs(VOCAB, Map.of(VOCAB + "big", graph(20_000, 0)));
        CompactionScheduler scheduler = new CompactionScheduler(
                compaction,
                CompactionSchedule.of(
                        new SpojkaProperties.Compaction(
                                Duration.ofSeconds(1), "", 0, DataSize.ofBytes(0), Duration.ofSeconds(1)),
                        ZoneOffset.UTC),
                Duration.ofSeconds(1));
        scheduler.start();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> compaction.isRunning() || compaction.last() != null);
        scheduler.stop();

        assertThat(compaction.last()).isNotNull();
        assertThat(compaction.last().error()).isNull();
        assertThat(compaction.compact("after the stop").error()).isNull();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Graph graph(int triples, int version) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (int i = 0; i < triples; i++) {
            graph.add(
                    NodeFactory.createURI("urn:s" + i),
                    NodeFactory.createURI("urn:p"),
                    NodeFactory.createLiteralString("value " + i + " version " + version));
        }
        return graph;
    }

    private List<String> generations() throws IOException {
        try (Stream<Path> dirs = Files.list(dir.resolve("tdb2"))) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
