package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class CompiledConstructTest {

    @Test
    void preBoundVariablesWorkInThePatternAndInTheTemplate() {
        Graph source = GraphFactory.createDefaultGraph();
        RDFParser.fromString("<urn:s> <urn:name> \"a\" , \"b\" .", Lang.TURTLE).parse(source);
        CompiledConstruct construct = new CompiledConstruct(RecordMapper.parseConstruct("""
                CONSTRUCT { ?item <urn:record> ?recordId ; <urn:date> [ <urn:value> ?name ] }
                WHERE { ?s <urn:name> ?name BIND(IRI(CONCAT(?base, ?name)) AS ?item) }
                """));
        Binding preBound = Binding.builder()
                .add(Var.alloc("base"), NodeFactory.createLiteralString("http://hub.test/"))
                .add(Var.alloc("recordId"), NodeFactory.createLiteralString("r1"))
                .build();

        Graph result = construct.apply(source, preBound);

        assertThat(result.contains(
                        NodeFactory.createURI("http://hub.test/a"),
                        NodeFactory.createURI("urn:record"),
                        NodeFactory.createLiteralString("r1")))
                .isTrue();
        assertThat(result.find(null, NodeFactory.createURI("urn:value"), null).toList())
                .as("a fresh blank node per solution")
                .hasSize(2);
        assertThat(result.size()).isEqualTo(6);
    }
}
