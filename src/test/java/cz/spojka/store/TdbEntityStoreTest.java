package cz.spojka.store;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.CompactIris;
import cz.spojka.changelog.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

class TdbEntityStoreTest {

    private static final String BASE = "http://hub.test/";
    private static final String VOCAB = BASE + "vocab/";
    private static final String CONCEPT = "<urn:c> <urn:label> \"a\" ; <urn:valid> [ <urn:from> 1900 ] .";
    private static final String LABELLED =
            "<urn:c> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Činnost místní správy\"@cs .";
    private static final String NOTICE = BASE + "zdroj/uredni-deska/00270211/informace/1";

    @TempDir
    Path dir;

    private TdbEntityStore store;

    @BeforeEach
    void open() {
        // Also after a test closed the store and deleted the index: the same directories open again.
        store = new TdbEntityStore(
                dir.resolve("tdb2"),
                dir.resolve("text"),
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

    @Test
    void theFullTextIndexFollowsEveryWriteAndIsRebuiltWhenMissing() {
        store.replaceGraphs(VOCAB, Map.of(VOCAB + "codelists/a", turtle(LABELLED)));
        store.apply(List.of(notice(ChangeType.CREATED, "Oznámení o nálezu zbraně")), Map.of());
        assertThat(found("zbrane")).containsExactly(NOTICE);
        assertThat(found("činnost")).containsExactly("urn:c");

        store.apply(List.of(notice(ChangeType.UPDATED, "Veřejná vyhláška")), Map.of());
        assertThat(found("zbraň")).as("the old title left the index").isEmpty();
        assertThat(found("vyhlaska")).containsExactly(NOTICE);

        store.apply(List.of(notice(ChangeType.DELETED, null)), Map.of());
        assertThat(found("vyhlaska")).isEmpty();

        store.apply(List.of(notice(ChangeType.CREATED, "Veřejná vyhláška")), Map.of());
        store.clear();
        assertThat(found("vyhlaska"))
                .as("a clear (before a rebuild) empties the index too")
                .isEmpty();
        assertThat(found("cinnost")).as("the vocabulary stays searchable").containsExactly("urn:c");

        store.apply(List.of(notice(ChangeType.CREATED, "Veřejná vyhláška")), Map.of());
        store.close();
        FileSystemUtils.deleteRecursively(dir.resolve("text").toFile());
        open();
        assertThat(found("vyhlaska"))
                .as("a missing index is built from the store")
                .containsExactly(NOTICE);
        assertThat(found("cinnost")).containsExactly("urn:c");
    }

    private List<String> found(String words) {
        String query =
                "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query \"" + words + "\" }";
        return Txn.calculateRead(store.dataset(), () -> {
            List<String> subjects = new ArrayList<>();
            // As the SPARQL endpoint asks: the default graph is the union of the named graphs.
            try (QueryExec exec = QueryExec.dataset(store.dataset())
                    .query(query)
                    .set(TDB2.symUnionDefaultGraph, true)
                    .build()) {
                exec.select().forEachRemaining(row -> subjects.add(row.get("s").getURI()));
            }
            return subjects;
        });
    }

    private static Change notice(ChangeType type, String title) {
        Graph entity = type == ChangeType.DELETED
                ? null
                : turtle("<" + NOTICE + "> <http://purl.org/dc/terms/title> \"" + title + "\"@cs .");
        return new Change(
                type,
                NOTICE,
                "notice",
                "uredni-deska",
                BASE + "graph/uredni-deska/00270211",
                type == ChangeType.DELETED ? null : "hash-" + title,
                entity,
                new Provenance("edesky", "3312051", Instant.parse("2026-11-26T10:00:00Z"), "1", "run-1"),
                List.of());
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
