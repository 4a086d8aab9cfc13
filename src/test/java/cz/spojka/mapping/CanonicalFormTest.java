package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    private static final String PREFIXES =
            "@prefix ex: <http://example.org/> . @prefix time: " + "<http://www.w3.org/2006/time#> . ";

    @Test
    void ignoresTripleOrderAndBlankNodeLabels() {
        String a =
                hash("ex:n ex:title \"A\"@cs ; ex:posted _:x . _:x a time:Instant ; time:inXSDDate \"2024-01-01\" .");
        String b = hash("_:other time:inXSDDate \"2024-01-01\" ; a time:Instant . ex:n ex:posted _:other ; "
                + "ex:title \"A\"@cs .");
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void seesEveryChangeInsideBlankNodes() {
        String a = hash("ex:n ex:posted [ time:inXSDDate \"2024-01-01\" ] .");
        String b = hash("ex:n ex:posted [ time:inXSDDate \"2024-01-02\" ] .");
        String c = hash(
                "ex:n ex:posted [ time:inXSDDate \"2024-01-01\" ], [ time:inXSDDate \"2024-01-01\" ; " + "ex:x 1 ] .");
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void distinguishesLiteralTypesAndLanguages() {
        assertThat(hash("ex:n ex:t \"A\"@cs ."))
                .isNotEqualTo(hash("ex:n ex:t \"A\"@en ."))
                .isNotEqualTo(hash("ex:n ex:t \"A\" ."));
    }

    private static String hash(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(graph);
        return CanonicalForm.sha256(CanonicalForm.of(graph, NodeFactory.createURI("http://example.org/n")));
    }
}
