package cz.spojka.changelog;

import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;

/**
 * Publishing N entity changes through the hub's own {@link ChangePublisher} (CloudEvents in binary mode, keyed by
 * entity IRI, the hub's producer: acks=all, idempotent), for comparison with Kafka's {@code ProducerPerformance}
 * on the same broker with the same record size. Run by {@code bench/publish/run.sh}; in the package of the publisher
 * only to reach its package-private parts the same way the hub does.
 *
 * <ul>
 *   <li>{@code topic <bootstrap> <name> [policy]} creates a topic with the partitions and the clean-up policy of
 *       {@code spojka.changes}, or the given policy ({@code delete} for ProducerPerformance, whose records have no
 *       key, which a compacted topic refuses);
 *   <li>{@code size <bootstrap-unused> <n>} prints the mean size in bytes (key + value + headers) of the records the
 *       hub writes for these changes;
 *   <li>{@code hub <bootstrap> <topic> <n> <batch> <out.json>} publishes one unmeasured change (the producer is
 *       created and learns the topic's metadata, as ProducerPerformance's producer exists before its clock starts),
 *       then n changes in calls of {@code batch} changes each, as connector runs do,
 *       timed from the first call until the last has been acknowledged; writes one JSON object to out.json.
 * </ul>
 */
public final class PublishBench {

    private static final String BASE = "http://localhost:8080/";
    private static final String DESKY = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/";
    private static final String CHANGES = "spojka.changes";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "topic" -> createTopic(args[1], args[2], args.length > 3 ? args[3] : null);
            case "size" -> System.out.println(Math.round(meanRecordBytes(changes(0, Integer.parseInt(args[2]), "s"))));
            case "hub" -> publish(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            default -> throw new IllegalArgumentException("topic | size | hub");
        }
    }

    private static void createTopic(String bootstrap, String name, String policy) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicDescription changes = admin.describeTopics(Set.of(CHANGES)).allTopicNames().get().get(CHANGES);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, CHANGES);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
            String cleanup = policy != null ? policy : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            admin.createTopics(List.of(new NewTopic(name, changes.partitions().size(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup))))
                    .all()
                    .get();
            System.out.printf("created %s: %d partitions (as %s), cleanup.policy=%s%n",
                    name, changes.partitions().size(), CHANGES, cleanup);
        }
    }

    private static void publish(String bootstrap, String topic, int n, int batch, Path out) throws IOException {
        ChangeEvents events = new ChangeEvents(BASE, new CompactIris(Map.of()), Map.of());
        ChangeLogIndex index = new ChangeLogIndex();
        List<Change> first = changes(0, 1, "w");
        List<Change> all = changes(0, n, "m");
        double bytes = meanRecordBytes(all) * n;
        try (ChangePublisher publisher = new ChangePublisher(new KafkaClients(() -> bootstrap), topic, events, index)) {
            publisher.publish(first);
            long started = System.nanoTime();
            for (int from = 0; from < n; from += batch) {
                publisher.publish(all.subList(from, Math.min(n, from + batch)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (index.size() != 1 + n) {
                throw new IllegalStateException("the index learnt " + index.size() + " changes, expected " + (1 + n));
            }
            Files.writeString(out, String.format(Locale.ROOT,
                    "{\"records\": %d, \"batch\": %d, \"seconds\": %.3f, \"records_per_second\": %.1f, "
                            + "\"mb_per_second\": %.3f, \"mean_record_bytes\": %.1f}%n",
                    n, batch, seconds, n / seconds, bytes / 1e6 / seconds, bytes / n));
        }
    }

    /** The mean size of the hub's records for these changes: key, value and the CloudEvents headers. */
    private static double meanRecordBytes(List<Change> changes) {
        ChangeEvents events = new ChangeEvents(BASE, new CompactIris(Map.of()), Map.of());
        long total = 0;
        for (Change change : changes) {
            ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter("t", change.entityIri())
                    .writeBinary(events.toEvent(change));
            total += record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + record.value().length;
            for (Header header : record.headers()) {
                total += header.key().length() + header.value().length;
            }
        }
        return total / (double) changes.size();
    }

    /** Creations of notices with the 21 triples a real OFN notice has (as bench/downloads fills the store with). */
    private static List<Change> changes(int first, int n, String run) {
        List<Change> changes = new ArrayList<>(n);
        Instant now = Instant.now();
        String graph = BASE + "graph/uredni-deska/00007064";
        for (int i = first; i < first + n; i++) {
            String iri = BASE + "bench/" + run + "/informace/" + i;
            Graph g = GraphFactory.createDefaultGraph();
            Node notice = uri(iri);
            Node document = NodeFactory.createBlankNode();
            Node posted = NodeFactory.createBlankNode();
            Node relevant = NodeFactory.createBlankNode();
            add(g, notice, RDF.type.asNode(), uri(DESKY + "informace-zveřejněná-na-úřední-desce"));
            add(g, notice, uri(DESKY + "název"), NodeFactory.createLiteralLang("Oznámení o veřejném projednání " + i, "cs"));
            add(g, notice, uri(DESKY + "url"), literal("https://www.example.cz/deska/" + i, XSDDatatype.XSDanyURI));
            add(g, notice, uri(DESKY + "číslo-jednací"), NodeFactory.createLiteralString("KRPA-" + i + "/ČJ-2024-0000"));
            add(g, notice, uri(DESKY + "spisová-značka"), NodeFactory.createLiteralString("SZ-" + i));
            add(g, notice, uri(DESKY + "agenda"), uri("https://rpp-opendata.egon.gov.cz/odrpp/zdroj/agenda/A" + (i % 97)));
            add(g, notice, uri(DESKY + "vyvěšení"), posted);
            add(g, posted, RDF.type.asNode(), uri("https://slovník.gov.cz/generický/čas/pojem/časový-okamžik"));
            add(g, posted, uri("https://slovník.gov.cz/generický/čas/pojem/datum"),
                    literal("2024-05-" + (10 + i % 18), XSDDatatype.XSDdate));
            add(g, notice, uri(DESKY + "relevantní-do"), relevant);
            add(g, relevant, RDF.type.asNode(), uri("https://slovník.gov.cz/generický/čas/pojem/časový-okamžik"));
            add(g, relevant, uri("https://slovník.gov.cz/generický/čas/pojem/datum"),
                    literal("2024-06-" + (10 + i % 18), XSDDatatype.XSDdate));
            add(g, notice, uri(DESKY + "dokument"), document);
            add(g, document, RDF.type.asNode(), uri(DESKY + "digitální-objekt"));
            add(g, document, uri(DESKY + "název"), NodeFactory.createLiteralLang("Příloha " + i, "cs"));
            add(g, document, uri(DESKY + "url"), literal("https://www.example.cz/soubor/" + i + ".pdf",
                    XSDDatatype.XSDanyURI));
            add(g, document, uri("http://schema.org/encodingFormat"), NodeFactory.createLiteralString("application/pdf"));
            add(g, notice, uri(DESKY + "anotace"), NodeFactory.createLiteralLang("Veřejná vyhláška číslo " + i, "cs"));
            add(g, notice, uri(DESKY + "úřední-deska"), uri(BASE + "bench/" + run + "/deska/" + (i / 100)));
            add(g, notice, uri("http://purl.org/dc/terms/identifier"), NodeFactory.createLiteralString("" + i));
            add(g, notice, uri("http://purl.org/dc/terms/modified"),
                    literal("2024-05-20T10:00:00Z", XSDDatatype.XSDdateTime));
            changes.add(new Change(ChangeType.CREATED, iri, "notice", "uredni-deska", graph,
                    Integer.toHexString(iri.hashCode()), g,
                    new Provenance("uredni-deska-ofn", "" + i, now, "bench", "bench-" + run), null));
        }
        return changes;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node literal(String lexical, XSDDatatype type) {
        return NodeFactory.createLiteralDT(lexical, type);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
