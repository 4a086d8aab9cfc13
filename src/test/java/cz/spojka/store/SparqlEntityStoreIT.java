package cz.spojka.store;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.CompactIris;
import cz.spojka.changelog.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The external-store mode against a real Fuseki server: changes and offsets in one update request. */
class SparqlEntityStoreIT {

    private static final String BASE = "http://hub.test/";
    private static final String GRAPH = BASE + "graph/uredni-deska/00270211";
    private static final String NOTICE = BASE + "zdroj/informace/1";
    private static final TopicPartition P0 = new TopicPartition("spojka.changes", 0);
    private final DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    private FusekiServer fuseki;
    private SparqlEntityStore store;

    @BeforeEach
    void startFuseki() {
        fuseki = FusekiServer.create().port(0).add("/ds", dataset).build().start();
        String endpoint = "http://localhost:" + fuseki.getPort() + "/ds";
        store = new SparqlEntityStore(
                endpoint + "/query",
                endpoint + "/update",
                BASE + "graph/",
                new ProvenanceTriples(new ChangeEvents(BASE, new CompactIris(Map.of()), Map.of())));
    }

    @AfterEach
    void stopFuseki() {
        fuseki.stop();
    }

    @Test
    void appliesChangesAndOffsetsTogetherAndReplacesWholeEntities() {
        store.apply(List.of(change(ChangeType.CREATED, "2024-03-04")), Map.of(P0, 1L));
        assertThat(store.offsets()).containsExactly(Map.entry(P0, 1L));
        assertThat(quads()).isEqualTo(3 + 2 + 6);

        store.apply(List.of(change(ChangeType.UPDATED, "2024-03-05")), Map.of(P0, 2L));
        assertThat(store.offsets()).containsExactly(Map.entry(P0, 2L));
        assertThat(quads()).as("the old date's blank node is gone").isEqualTo(3 + 2 + 6);
        assertThat(store.size()).isEqualTo(3 + 2 + 6);

        store.apply(
                List.of(new Change(
                        ChangeType.DELETED, NOTICE, "notice", "uredni-deska", GRAPH, null, null, provenance(), null)),
                Map.of(P0, 4L));
        assertThat(store.size()).isZero();
        assertThat(store.offsets()).containsExactly(Map.entry(P0, 4L));

        store.clear();
        assertThat(quads()).isZero();
        assertThat(store.offsets()).isEmpty();
    }

    @Test
    void replacesTheGraphsUnderAPrefixWhichAClearLeavesAlone() {
        String vocab = BASE + "vocab/";
        store.replaceGraphs(
                vocab,
                Map.of(
                        vocab + "codelists/a",
                        turtle("<urn:a> <urn:p> 1 , 2 ."),
                        vocab + "codelists/b",
                        turtle("<urn:b> <urn:p> 1 .")));
        store.replaceGraphs(vocab, Map.of(vocab + "codelists/a", turtle("<urn:a> <urn:p> 3 .")));
        assertThat(Txn.calculateRead(dataset, () -> {
                    List<String> graphs = new ArrayList<>();
                    dataset.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
                    return graphs;
                }))
                .as("b, no longer published, is gone")
                .containsExactly(vocab + "codelists/a");
        assertThat(quads()).isEqualTo(1);

        store.apply(List.of(change(ChangeType.CREATED, "2024-03-04")), Map.of(P0, 1L));
        assertThat(store.size()).as("only the change log's graphs").isEqualTo(3 + 2 + 6);
        store.clear();
        assertThat(quads()).as("the vocabulary stays").isEqualTo(1);
    }

    private static Graph turtle(String triples) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(triples, Lang.TURTLE).parse(graph);
        return graph;
    }

    private long quads() {
        return Txn.calculateRead(dataset, () -> {
            long[] n = {0};
            dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().getURI().endsWith("spojka-changelog-offsets")) {
                    n[0]++;
                }
            });
            return n[0];
        });
    }

    private static Change change(ChangeType type, String date) {
        Graph entity = turtle("""
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix time: <http://www.w3.org/2006/time#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <%s> a <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce> ;
                    dcterms:title "Oznámení"@cs ;
                    <https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/vyvěšení-informace>
                        [ a time:Instant ; time:inXSDDate "%s"^^xsd:date ] .
                """.formatted(NOTICE, date));
        return new Change(type, NOTICE, "notice", "uredni-deska", GRAPH, "hash-" + date, entity, provenance(), null);
    }

    private static Provenance provenance() {
        return new Provenance("edesky", "3312051", Instant.parse("2026-11-26T10:00:00Z"), "1", "run-1");
    }
}
