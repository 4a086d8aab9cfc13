package cz.spojka.store;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.CompactIris;
import cz.spojka.changelog.Provenance;
import cz.spojka.system.SpojkaProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.kafka.common.TopicPartition;
import org.springframework.util.unit.DataSize;

/**
 * Heavy incremental change through the hub's store code: N notices written, then rewritten ROUNDS times, in
 * transactions of BATCH changes each (the materializer's write path, {@link TdbEntityStore#apply}, with the full-text
 * index), once without compaction and once with the growth trigger checked every CHECK batches; beside them the
 * final quads bulk-loaded into a fresh store by {@code tdb2.tdbloader}. Prints one line per measurement (tab-separated):
 * the files' lengths, the bytes du counts (what the hub's growth trigger reads), and the milliseconds since the phase
 * began; {@code peak-checked} is the largest store a check of the growth trigger saw.
 *
 * <p>Arguments: WORK N ROUNDS BATCH CHECK GROWTH_FACTOR GROWTH_MIN_MB.
 */
public final class CompactionBench {

    private static final String BASE = "https://bench.spojka.test/";
    private static final Node NOTICE = NodeFactory.createURI("https://slovník.gov.cz/datový/úřední-desky/pojem/informace-na-úřední-desce");
    private static final Node DOCUMENT = NodeFactory.createURI("https://slovník.gov.cz/datový/úřední-desky/pojem/dokument");
    private static final Node HAS_DOCUMENT = NodeFactory.createURI("https://slovník.gov.cz/datový/úřední-desky/pojem/má-dokument");
    private static final Node URL = NodeFactory.createURI("https://slovník.gov.cz/generický/digitální-objekty/pojem/url");
    private static final Node POSTED = NodeFactory.createURI("https://slovník.gov.cz/datový/úřední-desky/pojem/vyvěšení");
    private static final Node UNTIL = NodeFactory.createURI("https://slovník.gov.cz/datový/úřední-desky/pojem/relevantní-do");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int check = Integer.parseInt(args[4]);
        double factor = Double.parseDouble(args[5]);
        long growthMinMb = Long.parseLong(args[6]);
        ProvenanceTriples provenance = new ProvenanceTriples(new ChangeEvents(BASE, new CompactIris(Map.of()), Map.of()));

        // A: no compaction while the entities are rewritten; compacted once at the end.
        Path a = work.resolve("a");
        try (TdbEntityStore store = new TdbEntityStore(a.resolve("tdb2"), a.resolve("text"), BASE + "graph/", provenance)) {
            StoreCompaction compaction = new StoreCompaction(store, a.resolve("state.properties"), new SimpleMeterRegistry());
            long started = System.nanoTime();
            for (int round = 0; round <= rounds; round++) {
                write(store, n, round, batch, null, 0);
                print("A", "after-round-" + round, compaction.sizeBytes(), du(a.resolve("tdb2")), started);
            }
            Path nq = work.resolve("final.nq");
            try (OutputStream out = Files.newOutputStream(nq)) {
                Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), Lang.NQUADS));
            }
            long quads = Txn.calculateRead(store.dataset(), () -> countQuads(store));
            System.out.println("quads\t" + quads);
            long t = System.nanoTime();
            StoreCompaction.Outcome outcome = compaction.compact("bench");
            System.out.printf("A\tcompaction-millis\t%d\t%s%n", (System.nanoTime() - t) / 1_000_000, outcome.error());
            print("A", "compacted", compaction.sizeBytes(), du(a.resolve("tdb2")), started);
        }

        // B: the growth trigger checked every CHECK batches, as the hub's scheduler checks every check-interval.
        Path b = work.resolve("b");
        try (TdbEntityStore store = new TdbEntityStore(b.resolve("tdb2"), b.resolve("text"), BASE + "graph/", provenance)) {
            StoreCompaction compaction = new StoreCompaction(store, b.resolve("state.properties"), new SimpleMeterRegistry());
            CompactionSchedule schedule = CompactionSchedule.of(
                    new SpojkaProperties.Compaction(Duration.ZERO, "", factor, DataSize.ofMegabytes(growthMinMb), Duration.ofMinutes(1)),
                    ZoneOffset.UTC);
            long[] peak = {0, 0};
            int[] compactions = {0};
            long started = System.nanoTime();
            Runnable checker = () -> {
                long size = compaction.sizeBytes();
                peak[0] = Math.max(peak[0], size);
                peak[1] = Math.max(peak[1], apparentOrZero(b.resolve("tdb2")));
                String reason = schedule.due(Instant.now(), compaction.since(), size, compaction.referenceBytes());
                if (reason != null) {
                    compaction.compact(reason);
                    compactions[0]++;
                }
            };
            for (int round = 0; round <= rounds; round++) {
                write(store, n, round, batch, checker, check);
                print("B", "after-round-" + round, compaction.sizeBytes(), du(b.resolve("tdb2")), started);
            }
            System.out.printf("B\tpeak-checked\t%d\t%d%nB\tcompactions\t%d%n", peak[1], peak[0], compactions[0]);
        }

        // C: the final quads bulk-loaded.
        Path c = work.resolve("c/tdb2");
        long t = System.nanoTime();
        tdb2.tdbloader.main("--loc", c.toString(), work.resolve("final.nq").toString());
        System.out.printf("C\tload-millis\t%d%n", (System.nanoTime() - t) / 1_000_000);
        print("C", "bulk-loaded", apparent(c), du(c), t);
    }

    private static void write(TdbEntityStore store, int n, int round, int batch, Runnable checker, int check) {
        List<Change> changes = new ArrayList<>(batch);
        long offset = (long) round * n;
        int batches = 0;
        for (int i = 0; i < n; i++) {
            changes.add(notice(i, round));
            if (changes.size() == batch || i == n - 1) {
                offset += changes.size();
                store.apply(changes, Map.of(new TopicPartition("spojka.changes", 0), offset));
                changes = new ArrayList<>(batch);
                if (checker != null && ++batches % check == 0) {
                    checker.run();
                }
            }
        }
    }

    private static Change notice(int i, int round) {
        String board = "board-" + (i / 100);
        String iri = BASE + "notice/" + board + "/" + i;
        Node s = NodeFactory.createURI(iri);
        Graph g = GraphFactory.createDefaultGraph();
        g.add(s, RDF.type.asNode(), NOTICE);
        g.add(s, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Oznámení o zveřejnění č. " + i + " (verze " + round + ")", "cs"));
        g.add(s, DCTerms.description.asNode(), NodeFactory.createLiteralLang("Veřejná vyhláška odboru výstavby, spis " + i + "/" + round, "cs"));
        g.add(s, URL, NodeFactory.createLiteralDT(BASE + "deska/" + board + "/" + i + "?v=" + round, XSDDatatype.XSDanyURI));
        g.add(s, POSTED, NodeFactory.createLiteralDT(Instant.parse("2026-01-01T08:00:00Z").plusSeconds(i * 60L + round).toString(), XSDDatatype.XSDdateTime));
        g.add(s, UNTIL, NodeFactory.createLiteralDT(Instant.parse("2026-02-01T08:00:00Z").plusSeconds(i * 60L + round).toString(), XSDDatatype.XSDdateTime));
        Node doc = NodeFactory.createBlankNode();
        g.add(s, HAS_DOCUMENT, doc);
        g.add(doc, RDF.type.asNode(), DOCUMENT);
        g.add(doc, URL, NodeFactory.createLiteralDT(BASE + "files/" + i + "-" + round + ".pdf", XSDDatatype.XSDanyURI));
        Provenance prov = new Provenance("bench", Integer.toString(i), Instant.parse("2026-11-27T00:00:00Z").plusSeconds(round), "1-bench", "run-" + round);
        return new Change(round == 0 ? ChangeType.CREATED : ChangeType.UPDATED, iri, "notice", "uredni-deska",
                BASE + "graph/uredni-deska/" + board, "h" + round, g, prov, null);
    }

    private static long countQuads(TdbEntityStore store) {
        long[] count = {0};
        store.dataset().find().forEachRemaining(q -> count[0]++);
        return count[0];
    }

    private static void print(String phase, String what, long apparent, long allocated, long since) {
        System.out.printf("%s\t%s\t%d\t%d\t%d%n", phase, what, apparent, allocated, (System.nanoTime() - since) / 1_000_000);
    }

    private static long apparentOrZero(Path dir) {
        try {
            return apparent(dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static long apparent(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Bytes the file system allocated (du), which sparse TDB2 files keep below their lengths. */
    private static long du(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-s", "--block-size=1", dir.toString()).start();
            String out = new String(du.getInputStream().readAllBytes()).trim();
            du.waitFor();
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }
}
