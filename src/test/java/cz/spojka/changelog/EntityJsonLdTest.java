package cz.spojka.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.mapping.CanonicalForm;
import cz.spojka.vocab.PublishedVocabulary;
import java.io.IOException;
import java.nio.file.Path;
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
    /** The repository's own vocabulary, as the hub compacts events with it. */
    private static final CompactIris PREFIXES = new CompactIris(
            PublishedVocabulary.read(Path.of("vocab"), "http://hub.test/vocab/").ontologyPrefixes());

    @Test
    void isCompactWithTheVocabularysPrefixesInItsOwnContext() throws IOException {
        ObjectNode json = EntityJsonLd.write(parse(TURTLE, Lang.TURTLE), NOTICE, PREFIXES);
        JsonNode expected = new ObjectMapper().readTree("""
                {"@context": {"dcterms": "http://purl.org/dc/terms/",
                              "desky": "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/",
                              "sb": "https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/",
                              "schema": "http://schema.org/",
                              "time": "http://www.w3.org/2006/time#",
                              "xsd": "http://www.w3.org/2001/XMLSchema#"},
                 "@id": "http://hub.test/zdroj/informace/1",
                 "@type": ["desky:informace-zveřejněná-na-úřední-desce", "schema:CreativeWork"],
                 "dcterms:isPartOf": {"@id": "http://hub.test/zdroj/deska/1"},
                 "dcterms:title": [{"@value": "Oznámení", "@language": "cs"},
                                   {"@value": "Notice", "@language": "en"}],
                 "desky:má-další-dokument": [{"@type": "schema:CreativeWork",
                                              "dcterms:title": {"@value": "příloha.pdf", "@language": "cs"}},
                                             {"@type": "schema:CreativeWork",
                                              "dcterms:title": {"@value": "mapa.pdf", "@language": "cs"}}],
                 "desky:číslo-jednací": "MV-1/2024",
                 "sb:vyvěšení-informace": {"@type": "time:Instant",
                                           "time:inXSDDate": {"@value": "2024-03-04", "@type": "xsd:date"}},
                 "schema:downloadUrl": {"@value": "https://example.org/1", "@type": "xsd:anyURI"}}
                """);
        assertThat(sortedArrays(json)).isEqualTo(sortedArrays(expected));
        assertThat(json.fieldNames().next()).as("the context comes first").isEqualTo("@context");
    }

    @Test
    void readsBackTheSameEntity() {
        Graph entity = parse(TURTLE, Lang.TURTLE);
        Graph read = EntityJsonLd.read(EntityJsonLd.write(entity, NOTICE, PREFIXES));
        assertThat(CanonicalForm.of(read, NOTICE)).isEqualTo(CanonicalForm.of(entity, NOTICE));
    }

    @Test
    void isJsonLdThatJenaReadsAsTheSameGraph() {
        Graph entity = parse(TURTLE, Lang.TURTLE);
        ObjectNode json = EntityJsonLd.write(entity, NOTICE, PREFIXES);
        Graph viaJena = parse(json.toString(), Lang.JSONLD);
        assertThat(viaJena.size()).isEqualTo(entity.size()).isEqualTo(16);
        assertThat(CanonicalForm.of(viaJena, NOTICE)).isEqualTo(CanonicalForm.of(entity, NOTICE));
    }

    @Test
    void keepsFullIrisWhereNoPrefixFits() {
        ObjectNode json = EntityJsonLd.write(
                parse("<http://hub.test/zdroj/informace/1> <urn:x:p> <https://example.org/a> .", Lang.TURTLE),
                NOTICE,
                PREFIXES);
        assertThat(json.toString())
                .isEqualTo("{\"@context\":{},\"@id\":\"http://hub.test/zdroj/informace/1\","
                        + "\"urn:x:p\":{\"@id\":\"https://example.org/a\"}}");
    }

    @Test
    void readsTheExpandedFormOfOlderEvents() throws IOException {
        JsonNode expanded = new ObjectMapper().readTree("""
                {"@id": "http://hub.test/zdroj/informace/1",
                 "@type": ["https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce"],
                 "http://purl.org/dc/terms/title": [{"@value": "Oznámení", "@language": "cs"}],
                 "https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/vyvěšení-informace": [
                   {"@type": ["http://www.w3.org/2006/time#Instant"],
                    "http://www.w3.org/2006/time#inXSDDate": [
                      {"@value": "2024-03-04", "@type": "http://www.w3.org/2001/XMLSchema#date"}]}],
                 "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/číslo-jednací": [{"@value": "MV-1/2024"}]}
                """);
        Graph read = EntityJsonLd.read(expanded);
        assertThat(CanonicalForm.of(read, NOTICE))
                .isEqualTo(CanonicalForm.of(parse(expanded.toString(), Lang.JSONLD), NOTICE));
        assertThat(read.size()).isEqualTo(6);
    }

    /** JSON-LD arrays are unordered sets here; the test compares them sorted. */
    private static JsonNode sortedArrays(JsonNode node) {
        ObjectMapper json = new ObjectMapper();
        if (node.isArray()) {
            return json.valueToTree(java.util.stream.StreamSupport.stream(node.spliterator(), false)
                    .map(EntityJsonLdTest::sortedArrays)
                    .sorted(java.util.Comparator.comparing(JsonNode::toString))
                    .toList());
        }
        if (node.isObject()) {
            ObjectNode sorted = json.createObjectNode();
            node.fields().forEachRemaining(f -> sorted.set(f.getKey(), sortedArrays(f.getValue())));
            return sorted;
        }
        return node;
    }

    private static Graph parse(String text, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(graph);
        return graph;
    }
}
