package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reader for flat contexts must read exactly what the JSON-LD 1.1 processor reads. */
class FlatJsonLdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Context TITANIUM = Context.create()
            .set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(new OfflineContextLoader(Path.of("vocab/contexts"))));

    @Test
    void readsEveryRecordOfTheOfnSampleAsTheJsonLdProcessorDoes() throws IOException {
        JsonNode context = contextOf("connectors/uredni-deska-ofn/context.jsonld");
        MappingSpec spec = spec(MappingSpec.SourceFormat.jsonld, "", "/iri");
        assertSameAsProcessor(
                context,
                SourceRecords.split(
                        Files.readAllBytes(Path.of(
                                "connectors/uredni-deska-ofn/samples/mvcr-policie-uredni-desky-ofn-2024-05.json")),
                        spec),
                182);
    }

    @Test
    void readsEveryEdeskyDocumentAsTheJsonLdProcessorDoes() throws IOException {
        JsonNode context = JSON.readTree("{\"@vocab\": \"https://w3id.org/spojka/zdroj/edesky#\"}");
        MappingSpec spec = spec(MappingSpec.SourceFormat.xml, "/documents/document", "/edesky_id");
        assertSameAsProcessor(
                context,
                SourceRecords.split(
                        Files.readAllBytes(Path.of("connectors/uredni-deska-edesky/samples/documents-chrudim.xml")),
                        spec),
                43);
    }

    /** Every attachment hash of the dump is an element with an attribute and text: the text is under the key "". */
    @Test
    void readsEveryContractsRegisterRecordAsTheJsonLdProcessorDoes() throws IOException {
        JsonNode context = JSON.readTree("{\"@vocab\": \"https://w3id.org/spojka/zdroj/isrs#\"}");
        MappingSpec spec = spec(MappingSpec.SourceFormat.xml, "/zaznam", "/identifikator/idVerze");
        assertSameAsProcessor(
                context,
                SourceRecords.split(
                        Files.readAllBytes(Path.of("connectors/registr-smluv/samples/dump_2016_07.xml")), spec),
                2344);
    }

    @Test
    void readsTheEmptyKeyAsTheVocabularyIriOrDropsItWithoutAVocabulary() throws IOException {
        JsonNode record = JSON.readTree("""
                {"@id": "http://example.org/file", "hash": {"algoritmus": "sha256", "": "a407edf2"}}""");
        JsonNode withVocab = JSON.readTree("{\"@vocab\": \"http://example.org/isrs#\"}");
        Graph fast = FlatJsonLd.compile(withVocab).toRdf(record);
        assertThat(fast.isIsomorphicWith(processor(withVocab, record))).isTrue();
        assertThat(shape(fast))
                .containsExactly(
                        "<http://example.org/file> <http://example.org/isrs#hash> _",
                        "_ <http://example.org/isrs#> \"a407edf2\"",
                        "_ <http://example.org/isrs#algoritmus> \"sha256\"");

        JsonNode withoutVocab = JSON.readTree("{\"hash\": \"http://example.org/hash\"}");
        Graph dropped = FlatJsonLd.compile(withoutVocab).toRdf(record);
        assertThat(dropped.isIsomorphicWith(processor(withoutVocab, record))).isTrue();
        assertThat(dropped.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "golemio-ovzdusi, airqualitystations.json, 15",
        "golemio-parkoviste, parkings.json, 15",
        "golemio-kontejnery, sortedwastestations_measurements.json, 50"
    })
    void readsEveryGolemioRecordWithItsListsAndNumbersAsTheJsonLdProcessorDoes(
            String connector, String file, int records) throws IOException {
        JsonNode mapping = new YAMLMapper()
                .readTree(Path.of("connectors", connector, "mapping.yaml").toFile());
        JsonNode context = mapping.get("context");
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.json,
                List.of("/features", ""),
                mapping.get("recordId").asText(),
                null,
                List.of(),
                "CONSTRUCT {} WHERE {}");
        assertSameAsProcessor(
                context,
                SourceRecords.split(Files.readAllBytes(Path.of("connectors", connector, "samples", file)), spec),
                records);
    }

    @Test
    void writesNumbersAndListsAsTheJsonLdProcessorDoes() throws IOException {
        JsonNode context = JSON.readTree("""
                {"@vocab": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#",
                 "list": {"@id": "http://example.org/list", "@container": "@list"},
                 "decimals": {"@id": "http://example.org/decimals", "@container": "@list", "@type": "xsd:decimal"},
                 "asDouble": {"@id": "http://example.org/asDouble", "@type": "xsd:double"},
                 "asFloat": {"@id": "http://example.org/asFloat", "@type": "xsd:float"}}""");
        JsonNode record = JSON.readTree("""
                {"whole": 2.0, "epoch": 1557951600303.0, "fraction": 16.6, "small": 1.0E-7, "negative": -3.5,
                 "huge": 123456789012345678901234, "hugeDouble": 1.0E21, "long": 1557951600303,
                 "digits": 167.583333333333, "asDouble": 629, "asFloat": 2.5,
                 "list": [14.380116, 50.084385, [1, [2]], null, "text", {"nested": true}],
                 "decimals": [8, 8.708], "empty": {"list": []}, "single": {"list": 7}}""");
        FlatJsonLd reader = FlatJsonLd.compile(context);
        assertThat(reader).isNotNull();
        Graph fast = reader.toRdf(record);
        Graph reference = processor(context, record);
        assertThat(shape(fast)).isEqualTo(shape(reference));
        assertThat(fast.isIsomorphicWith(reference)).isTrue();
        assertThat(shape(fast))
                .contains(
                        "_ <http://example.org/whole> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                        "_ <http://example.org/fraction> \"1.66E1\"^^<http://www.w3.org/2001/XMLSchema#double>",
                        "_ <http://example.org/asDouble> \"6.29E2\"^^<http://www.w3.org/2001/XMLSchema#double>",
                        "_ <http://example.org/list> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>");
    }

    @Test
    void coversTypeScopedTermsReverseLinksLiteralsAndBlankNodeIds() throws IOException {
        JsonNode context = JSON.readTree("""
                {"@version": 1.1, "ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#",
                 "id": "@id", "type": "@type",
                 "Org": {"@id": "ex:Org", "@context": {"name": {"@id": "ex:legalName", "@container": "@language"}}},
                 "name": {"@id": "ex:title", "@container": "@language"},
                 "operator": {"@reverse": "ex:operates"}, "page": {"@id": "ex:page", "@type": "@id"},
                 "count": "ex:count", "flag": {"@id": "ex:flag", "@type": "xsd:boolean"}, "day": {"@id": "ex:day",
                 "@type": "xsd:date"}, "same": {"@id": "ex:same", "@type": "@id"}}""");
        JsonNode record = JSON.readTree("""
                {"id": "ex:board/1", "type": ["ex:Board"], "name": {"cs": "Deska", "en": ["Board", "Notice board"]},
                 "page": "http://example.org/page", "count": 42, "flag": true, "day": "2024-01-01",
                 "ok": false, "ex:other": "compact", "http://example.org/absolute": {"@value": "5", "@type": "xsd:int"},
                 "unknown": "dropped", "nothing": null, "same": "_:b1",
                 "operator": {"type": "Org", "name": {"cs": "Obec"}, "id": "_:b1",
                              "nested": {"name": {"cs": "vnořené"}}},
                 "parts": [{"@value": "a", "@language": "cs"}, {"name": {"cs": "bez id"}}]}""");
        FlatJsonLd reader = FlatJsonLd.compile(context);
        assertThat(reader).isNotNull();
        Graph fast = reader.toRdf(record);
        Graph reference = processor(context, record);
        assertThat(shape(fast)).isEqualTo(shape(reference));
        assertThat(fast.isIsomorphicWith(reference)).isTrue();
        assertThat(fast.size()).isEqualTo(14);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"@import\": \"https://ofn.gov.cz/věc/2020-07-01/kontexty/věc.jsonld\"}",
                "{\"items\": {\"@id\": \"http://example.org/items\", \"@container\": \"@index\"}}",
                "{\"items\": {\"@reverse\": \"http://example.org/items\", \"@container\": \"@list\"}}",
                "{\"kind\": {\"@id\": \"http://example.org/kind\", \"@type\": \"@vocab\"}}",
                "{\"@language\": \"cs\"}",
                "{\"x\": {\"@id\": \"http://example.org/x\", \"@protected\": true}}",
                "{\"\": \"http://example.org/empty\"}"
            })
    void leavesEveryOtherContextToTheJsonLdProcessor(String context) throws IOException {
        assertThat(FlatJsonLd.compile(JSON.readTree(context))).isNull();
    }

    private static void assertSameAsProcessor(
            JsonNode context, List<SourceRecords.SourceRecordNode> records, int expected) {
        FlatJsonLd reader = FlatJsonLd.compile(context);
        assertThat(reader).isNotNull();
        assertThat(records).hasSize(expected);
        for (SourceRecords.SourceRecordNode record : records) {
            Graph fast = reader.toRdf(record.node());
            assertThat(fast.isIsomorphicWith(processor(context, record.node())))
                    .as(record.label())
                    .isTrue();
            assertThat(fast.size()).as(record.label()).isGreaterThanOrEqualTo(5);
        }
    }

    /** The triples with blank nodes blanked out, sorted: shows what differs when the graphs are not isomorphic. */
    private static List<String> shape(Graph graph) {
        return graph
                .find()
                .mapWith(t -> Stream.of(t.getSubject(), t.getPredicate(), t.getObject())
                        .map(n -> n.isBlank() ? "_" : NodeFmtLib.strNT(n))
                        .collect(Collectors.joining(" ")))
                .toList()
                .stream()
                .sorted()
                .toList();
    }

    private static Graph processor(JsonNode context, JsonNode record) {
        ObjectNode document = ((ObjectNode) record).deepCopy();
        document.set("@context", context);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(document.toString(), Lang.JSONLD).context(TITANIUM).parse(graph);
        return graph;
    }

    private static JsonNode contextOf(String file) throws IOException {
        return JSON.readTree(Files.readAllBytes(Path.of(file))).get("@context");
    }

    private static MappingSpec spec(MappingSpec.SourceFormat format, String records, String recordId) {
        return new MappingSpec("1", format, records, recordId, null, List.of(), "CONSTRUCT {} WHERE {}");
    }
}
