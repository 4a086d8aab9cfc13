package cz.spojka.downloads;

import cz.spojka.store.StoreReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * Downloads of a large notice-board dataset with a small heap. {@code fill <notices> <dir>} fills a TDB2 store with
 * synthetic notices (100 per board, each with the triples a real OFN notice has); {@code download <dir>} writes every
 * download of it to a counting sink, reporting size, time and the heap's peak use. Two runs, because filling TDB2
 * needs a larger heap than reading it. Run by {@code bench/downloads/run.sh}.
 */
public final class DownloadsBench {

    private static final String BASE = "http://localhost:8080/";
    private static final String DESKY = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/";
    private static final Node GRAPH = uri(BASE + "graph/uredni-deska/00007064");
    private static final int NOTICES_PER_BOARD = 100;

    public static void main(String[] args) throws IOException {
        if (args[0].equals("fill")) {
            int notices = Integer.parseInt(args[1]);
            DatasetGraph dataset =
                    DatabaseMgr.connectDatasetGraph(Files.createDirectories(Path.of(args[2])).toString());
            long started = System.nanoTime();
            long quads = fill(dataset, notices);
            System.out.printf("store: %,d notices, %,d quads, filled in %.1f s%n", notices, quads, seconds(started));
            return;
        }
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(args[1]);
        StoreReader store = StoreReader.of(dataset);
        List<Node> graphs = List.of(GRAPH);
        DatasetTable table = DatasetTables.read(Path.of("vocab", "tables")).of("uredni-deska").orElseThrow();
        System.out.println("| download | bytes | seconds | MB/s | peak heap used (MiB) | heap live after (MiB) |");
        System.out.println("|---|---|---|---|---|---|");
        measure("uredni-deska.nt", out -> RdfDownload.write(
                DownloadFormat.N_TRIPLES, new PrefixMappingImpl(), graphs, store, out));
        measure("uredni-deska.ttl", out -> RdfDownload.write(
                DownloadFormat.TURTLE, new PrefixMappingImpl(), graphs, store, out));
        measure("uredni-deska.csv", out -> CsvDownload.write(table, graphs, store, out));
        measure("uredni-desky.jsonld", out -> OfnDownloads.noticeBoards().write(graphs, store, out));
        System.out.printf("max heap: %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        if (args.length > 2) {
            // The machine-readable result, for bench/run-suite.sh.
            Files.writeString(Path.of(args[2]), "{\"max_heap_mib\": " + (Runtime.getRuntime().maxMemory() >> 20)
                    + ", \"downloads\": {\n" + String.join(",\n", RESULTS) + "\n}}\n");
            System.out.println("RESULT_JSON=" + Path.of(args[2]).toAbsolutePath());
        }
    }

    private static final List<String> RESULTS = new java.util.ArrayList<>();

    private static long fill(DatasetGraph dataset, int notices) {
        long quads = 0;
        for (int first = 0; first < notices; first += 10_000) {
            int from = first;
            int to = Math.min(notices, first + 10_000);
            quads += Txn.calculateWrite(dataset, () -> {
                long added = 0;
                for (int n = from; n < to; n++) {
                    added += notice(dataset, n);
                }
                return added;
            });
        }
        return quads;
    }

    /** One notice (and its board with the board's first notice), as the OFN connector maps the real sample. */
    private static long notice(DatasetGraph dataset, int n) {
        Node board = uri(BASE + "zdroj/uredni-deska/00007064/deska/bench/" + n / NOTICES_PER_BOARD);
        long before = 0;
        if (n % NOTICES_PER_BOARD == 0) {
            add(dataset, board, rdf("type"), uri(DESKY + "úřední-deska"));
            add(dataset, board, uri(DESKY + "stránka-zveřejnění"), uri("https://www.example.cz/deska/" + n));
            add(dataset, board, uri("http://purl.org/dc/terms/publisher"),
                    uri("https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00007064"));
            before = 3;
        }
        Node notice = uri(BASE + "zdroj/uredni-deska/00007064/informace/bench/" + n);
        Node posted = NodeFactory.createBlankNode();
        Node relevant = NodeFactory.createBlankNode();
        Node document = NodeFactory.createBlankNode();
        add(dataset, notice, rdf("type"), uri(DESKY + "informace-zveřejněná-na-úřední-desce"));
        add(dataset, notice, rdf("type"), uri("http://schema.org/CreativeWork"));
        add(dataset, notice, uri("http://purl.org/dc/terms/isPartOf"), board);
        add(dataset, notice, uri("http://purl.org/dc/terms/title"),
                NodeFactory.createLiteralLang("Oznámení o nálezu věci číslo " + n, "cs"));
        add(dataset, notice, uri("http://schema.org/downloadUrl"),
                NodeFactory.createLiteralDT("https://www.example.cz/informace/" + n, XSDDatatype.XSDanyURI));
        add(dataset, notice, uri(DESKY + "číslo-jednací"), NodeFactory.createLiteralString("KRPS-" + n + "/ČJ-2024"));
        add(dataset, notice, uri("https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/vyvěšení-informace"), posted);
        add(dataset, posted, rdf("type"), uri("http://www.w3.org/2006/time#Instant"));
        add(dataset, posted, uri("http://www.w3.org/2006/time#inXSDDate"),
                NodeFactory.createLiteralDT("2024-0" + (1 + n % 9) + "-1" + n % 10, XSDDatatype.XSDdate));
        add(dataset, notice, uri(DESKY + "relevantní-do"), relevant);
        add(dataset, relevant, rdf("type"), uri("http://www.w3.org/2006/time#Instant"));
        add(dataset, relevant, uri("https://slovník.gov.cz/generický/čas/pojem/je-nespecifikovaný"),
                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        add(dataset, notice, uri(DESKY + "má-další-dokument"), document);
        add(dataset, document, rdf("type"), uri("http://schema.org/CreativeWork"));
        add(dataset, document, uri("http://purl.org/dc/terms/title"),
                NodeFactory.createLiteralLang("příloha-" + n + ".pdf", "cs"));
        add(dataset, document, uri("http://schema.org/downloadUrl"),
                NodeFactory.createLiteralDT("https://www.example.cz/soubor/" + n + ".pdf", XSDDatatype.XSDanyURI));
        add(dataset, document, uri("http://schema.org/encodingFormat"), NodeFactory.createLiteralString("application/pdf"));
        add(dataset, notice, uri("http://www.w3.org/ns/prov#wasAttributedTo"), uri(BASE + "connectors/uredni-deska-ofn"));
        add(dataset, notice, uri("https://w3id.org/spojka/slovník/sourceRecordId"), NodeFactory.createLiteralString("" + n));
        return before + 21;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void measure(String name, Body body) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Counting out = new Counting();
        long started = System.nanoTime();
        body.writeTo(out);
        double seconds = seconds(started);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long live = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        System.out.printf(
                "| %s | %,d | %.1f | %.1f | %d | %d |%n",
                name, out.bytes, seconds, out.bytes / 1e6 / seconds, peak >> 20, live >> 20);
        RESULTS.add(String.format(java.util.Locale.ROOT,
                "  \"%s\": {\"bytes\": %d, \"seconds\": %.2f, \"mb_per_second\": %.2f, \"peak_heap_mib\": %d, "
                        + "\"live_heap_after_mib\": %d}",
                name, out.bytes, seconds, out.bytes / 1e6 / seconds, peak >> 20, live >> 20));
    }

    /** Discards what it is given and counts it, as a client reading the download as fast as it comes. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void add(DatasetGraph dataset, Node s, Node p, Node o) {
        dataset.add(GRAPH, s, p, o);
    }

    private static Node rdf(String local) {
        return uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#" + local);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
