package cz.spojka.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class ChangedPropertiesTest {

    private static final String NOTICE = "http://hub.test/zdroj/informace/1";
    private static final String BEFORE = """
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix schema: <http://schema.org/> .
            @prefix time: <http://www.w3.org/2006/time#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <http://hub.test/zdroj/informace/1> a schema:CreativeWork ;
                dcterms:title "Oznámení"@cs ;
                dcterms:isPartOf <http://hub.test/zdroj/deska/1> ;
                schema:startDate [ a time:Instant ; time:inXSDDate "2024-03-04"^^xsd:date ] ;
                schema:hasPart [ dcterms:title "a.pdf" ] , [ dcterms:title "b.pdf" ] .
            """;

    @Test
    void findsNothingBetweenTheSameContentWithOtherBlankNodes() {
        assertThat(ChangedProperties.between(graph(BEFORE), graph(BEFORE), NOTICE))
                .isEmpty();
    }

    @Test
    void namesAChangedAddedAndRemovedProperty() {
        String after = BEFORE.replace("\"Oznámení\"@cs", "\"Oznámení o změně\"@cs")
                .replace("dcterms:isPartOf <http://hub.test/zdroj/deska/1> ;", "schema:url <http://x.test/1> ;");
        assertThat(ChangedProperties.between(graph(BEFORE), graph(after), NOTICE))
                .containsExactly(
                        "http://purl.org/dc/terms/isPartOf", "http://purl.org/dc/terms/title", "http://schema.org/url");
    }

    @Test
    void namesThePropertyThatHoldsAChangedBlankNode() {
        String after = BEFORE.replace("2024-03-04", "2024-03-05").replace("\"b.pdf\"", "\"c.pdf\"");
        assertThat(ChangedProperties.between(graph(BEFORE), graph(after), NOTICE))
                .containsExactly("http://schema.org/hasPart", "http://schema.org/startDate");
    }

    @Test
    void namesRdfTypeWhenTheClassesChange() {
        String after = BEFORE.replace("a schema:CreativeWork ;", "a schema:CreativeWork, schema:Article ;");
        assertThat(ChangedProperties.between(graph(BEFORE), graph(after), NOTICE))
                .containsExactly("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    }

    private static Graph graph(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(graph);
        return graph;
    }
}
