package cz.spojka.store;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.CompactIris;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdbEntityStoreTest {

    private static final String BASE = "http://hub.test/";
    private static final String VOCAB = BASE + "vocab/";
    private static final String CONCEPT = "<urn:c> <urn:label> \"a\" ; <urn:valid> [ <urn:from> 1900 ] .";

    @TempDir
    Path dir;

    private TdbEntityStore store;

    @BeforeEach
    void open() {
        store = new TdbEntityStore(
                dir,
                BASE + "graph/",
                new ProvenanceTriples(new ChangeEvents(BASE, new CompactIris(Map.of()), Map.of())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theVocabularyGraphsBecomeExactlyTheGivenOnesAndSurviveAClear() {
        store.replaceGraphs(
                VOCAB,
                Map.of(VOCAB + "codelists/a", turtle(CONCEPT), VOCAB + "codelists/b", turtle("<urn:b> <urn:p> 1 .")));
        store.replaceGraphs(
                VOCAB,
                Map.of(VOCAB + "codelists/a", turtle(CONCEPT), VOCAB + "codelists/c", turtle("<urn:c> <urn:p> 2 .")));

        assertThat(graph("codelists/a").isIsomorphicWith(turtle(CONCEPT))).isTrue();
        assertThat(graph("codelists/b").isEmpty()).as("no longer published").isTrue();
        assertThat(graph("codelists/c").size()).isEqualTo(1);

        store.replaceGraphs(VOCAB, Map.of(VOCAB + "codelists/a", turtle("<urn:c> <urn:label> \"b\" .")));
        assertThat(graph("codelists/a").size())
                .as("a changed graph is replaced")
                .isEqualTo(1);

        store.clear();
        assertThat(graph("codelists/a").size()).isEqualTo(1);
        assertThat(store.size()).as("only the change log's graphs count").isZero();
    }

    private Graph graph(String name) {
        return Txn.calculateRead(store.dataset(), () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            store.dataset().getGraph(NodeFactory.createURI(VOCAB + name)).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    private static Graph turtle(String triples) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(triples, Lang.TURTLE).parse(graph);
        return graph;
    }
}
