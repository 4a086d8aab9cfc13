package cz.spojka.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.mapping.CanonicalForm;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The event data's JSON-LD must mean the same to any JSON-LD processor as to the materializer. */
class EntityJsonLdTest {

    private static final Node NOTICE = NodeFactory.createURI("http://hub.test/zdroj/informace/1");
    private static final String TURTLE = """
            @prefix desky: <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/> .
            @prefix sb: <https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix schema: <http://schema.org/> .
            @prefix time: <http://www.w3.org/2006/time#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <http://hub.test/zdroj/informace/1> a desky:informace-zveřejněná-na-úřední-desce, schema:CreativeWork ;
                dcterms:title "Oznámení"@cs, "Notice"@en ;
                desky:číslo-jednací "MV-1/2024" ;
                schema:downloadUrl "https://example.org/1"^^xsd:anyURI ;
                dcterms:isPartOf <http://hub.test/zdroj/deska/1> ;
                sb:vyvěšení-informace [ a time:Instant ; time:inXSDDate "2024-03-04"^^xsd:date ] ;
                desky:má-další-dokument [ a schema:CreativeWork ; dcterms:title "příloha.pdf"@cs ] ,
                                        [ a schema:CreativeWork ; dcterms:title "mapa.pdf"@cs ] .
            """;

    @Test
    void readsBackTheSameEntity() {
        Graph entity = parse(TURTLE, Lang.TURTLE);
        Graph read = EntityJsonLd.read(EntityJsonLd.write(entity, NOTICE));
        assertThat(CanonicalForm.of(read, NOTICE)).isEqualTo(CanonicalForm.of(entity, NOTICE));
    }

    @Test
    void isJsonLdThatJenaReadsAsTheSameGraph() {
        Graph entity = parse(TURTLE, Lang.TURTLE);
        ObjectNode json = EntityJsonLd.write(entity, NOTICE);
        Graph viaJena = parse(json.toString(), Lang.JSONLD);
        assertThat(viaJena.size()).isEqualTo(entity.size()).isEqualTo(16);
        assertThat(CanonicalForm.of(viaJena, NOTICE)).isEqualTo(CanonicalForm.of(entity, NOTICE));
    }

    private static Graph parse(String text, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(graph);
        return graph;
    }
}
