package cz.spojka.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the files under {@code vocab/}: the ontologies parse and describe every term in Czech and English, the SHACL
 * shapes accept the valid notice-board fixtures and reject the invalid ones with the exact number of violations and
 * messages that name the property, and the bundled JSON-LD contexts are valid JSON, complete, and resolvable offline. Paths are relative to the working directory (Maven runs from the project root); fixtures are beside this
 * class under {@code src/test/resources/cz/spojka/vocab/}.
 */
class VocabularyFilesTest {

    static final Path ONTOLOGY_DIR = Path.of("vocab/ontology");
    static final Path SHAPES_FILE = Path.of("vocab/shapes/uredni-desky.shapes.ttl");
    static final Path CONTEXTS_DIR = Path.of("vocab/contexts");
    static final String OFN = "https://ofn.gov.cz/";
    static final String GEOJSON_CONTEXT = "https://geojson.org/geojson-ld/geojson-context.jsonld";

    static final String DESKY = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/";
    static final String SB = "https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String SCHEMA = "http://schema.org/";
    static final String SH = "http://www.w3.org/ns/shacl#";

    static final String NOTICE_CLASS = DESKY + "informace-zveřejněná-na-úřední-desce";
    static final String BOARD_CLASS = DESKY + "úřední-deska";

    static Shapes shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = Shapes.parse(parseStrict(SHAPES_FILE));
    }

    // ------------------------------------------------------------------------------------------
    // Ontology files
    // ------------------------------------------------------------------------------------------

    static Stream<Path> rdfFiles() throws IOException {
        return Stream.concat(
                listFiles(ONTOLOGY_DIR, ".ttl").stream(), listFiles(SHAPES_FILE.getParent(), ".ttl").stream());
    }

    @ParameterizedTest
    @MethodSource("rdfFiles")
    void rdfFileParsesStrictly(Path file) {
        Graph graph = parseStrict(file);
        assertFalse(graph.isEmpty(), file + " is empty");
    }

    @Test
    void ontologyFilesArePresent() throws IOException {
        Set<String> names = listFiles(ONTOLOGY_DIR, ".ttl").stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("uredni-desky.ttl", "spojka.ttl")), "ontology files: " + names);
    }

    static Stream<String> ontologyFiles() throws IOException {
        return listFiles(ONTOLOGY_DIR, ".ttl").stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("ontologyFiles")
    void everyTermHasCzechAndEnglishLabelAndDefinition(String fileName) {
        Model model = ModelFactory.createModelForGraph(parseStrict(ONTOLOGY_DIR.resolve(fileName)));
        List<Resource> terms =
                model.listSubjects().filterKeep(Resource::isURIResource).toList();
        assertTrue(terms.size() > 5, "too few terms in " + fileName + ": " + terms);
        List<String> problems = new ArrayList<>();
        for (Resource term : terms) {
            for (String lang : List.of("cs", "en")) {
                long labels = countLang(term, RDFS.label, lang);
                if (labels != 1) {
                    problems.add(term + ": " + labels + " rdfs:label @" + lang + " (expected 1)");
                }
                if (countLang(term, SKOS.definition, lang) < 1) {
                    problems.add(term + ": no skos:definition @" + lang);
                }
            }
            boolean isOntology = term.hasProperty(RDF.type, OWL.Ontology);
            if (!isOntology && !term.hasProperty(RDFS.isDefinedBy)) {
                problems.add(term + ": no rdfs:isDefinedBy");
            }
        }
        assertEquals(List.of(), problems, fileName);
    }

    @Test
    void ontologyHeaders() {
        Model model = ModelFactory.createModelForGraph(parseStrict(ONTOLOGY_DIR.resolve("uredni-desky.ttl")));
        Resource ontology = model.createResource("https://w3id.org/spojka/slovník/úřední-desky");
        assertTrue(ontology.hasProperty(RDF.type, OWL.Ontology));
        assertTrue(ontology.hasLiteral(OWL.versionInfo, "2026-11-26"));
        assertTrue(ontology.hasProperty(
                model.createProperty(DCTERMS + "source"),
                model.createResource("https://ofn.gov.cz/úřední-desky/2021-07-20/")));

        Model spojka = ModelFactory.createModelForGraph(parseStrict(ONTOLOGY_DIR.resolve("spojka.ttl")));
        String ns = "https://w3id.org/spojka/slovník/";
        assertTrue(spojka.createResource("https://w3id.org/spojka/slovník").hasProperty(RDF.type, OWL.Ontology));
        assertTrue(spojka.createResource(ns + "Connector")
                .hasProperty(RDFS.subClassOf, spojka.createResource("http://www.w3.org/ns/prov#SoftwareAgent")));
        for (String p : List.of("sourceRecordId", "mappingVersion")) {
            assertTrue(spojka.createResource(ns + p).hasProperty(RDF.type, OWL.DatatypeProperty), p);
        }
    }

    /** Every class and property the shapes (all files) and the valid fixtures use is described in vocab/ontology. */
    @Test
    void everyTermUsedByShapesAndFixturesIsDescribed() throws IOException {
        Set<String> described = new TreeSet<>();
        for (Path file : listFiles(ONTOLOGY_DIR, ".ttl")) {
            parseStrict(file).find().forEach(t -> {
                if (t.getSubject().isURI()) {
                    described.add(t.getSubject().getURI());
                }
            });
        }
        Set<String> used = new TreeSet<>();
        for (Path file : listFiles(SHAPES_FILE.getParent(), ".ttl")) {
            Graph shapesGraph = parseStrict(file);
            for (String p : List.of("path", "targetClass", "targetObjectsOf", "class")) {
                shapesGraph
                        .find(Node.ANY, NodeFactory.createURI(SH + p), Node.ANY)
                        .forEach(t -> {
                            if (t.getObject().isURI()) {
                                used.add(t.getObject().getURI());
                            }
                        });
            }
        }
        for (String fixture : List.of("valid-notice.ttl", "valid-notice-minimal.ttl", "valid-board.ttl")) {
            fixture(fixture).find().forEach(t -> {
                if (t.getPredicate().equals(RDF.type.asNode())) {
                    used.add(t.getObject().getURI());
                } else {
                    used.add(t.getPredicate().getURI());
                }
            });
        }
        used.removeAll(described);
        // A closed shape lists rdf:type among its paths; RDF itself describes it.
        used.remove(RDF.type.getURI());
        assertEquals(Set.of(), used, "terms used but not described in vocab/ontology");
    }

    // ------------------------------------------------------------------------------------------
    // SHACL shapes
    // ------------------------------------------------------------------------------------------

    @Test
    void shapesTargetTheNoticeTheBoardAndTheBlankNodesInsideANotice() {
        Graph g = parseStrict(SHAPES_FILE);
        Set<String> targets = g.find(Node.ANY, NodeFactory.createURI(SH + "targetClass"), Node.ANY)
                .mapWith(t -> t.getObject().getURI())
                .toSet();
        assertEquals(Set.of(NOTICE_CLASS, BOARD_CLASS), targets);
        Set<String> objectsOf = g.find(Node.ANY, NodeFactory.createURI(SH + "targetObjectsOf"), Node.ANY)
                .mapWith(t -> t.getObject().getURI())
                .toSet();
        assertEquals(
                Set.of(
                        SB + "vyvěšení-informace",
                        "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/relevantní-do",
                        "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/má-další-dokument"),
                objectsOf);
        assertEquals(4, shapes.numRootShapes());
    }

    static Stream<Path> shapesFiles() throws IOException {
        return listFiles(SHAPES_FILE.getParent(), ".ttl").stream();
    }

    @ParameterizedTest
    @MethodSource("shapesFiles")
    void everyShapeHasCzechAndEnglishNameAndDescription(Path file) {
        Model model = ModelFactory.createModelForGraph(parseStrict(file));
        Property name = model.createProperty(SH + "name");
        Property description = model.createProperty(SH + "description");
        Property message = model.createProperty(SH + "message");
        List<Resource> shapeNodes =
                new ArrayList<>(model.listSubjectsWithProperty(RDF.type, model.createResource(SH + "NodeShape"))
                        .toList());
        List<Resource> propertyShapes = model.listObjectsOfProperty(model.createProperty(SH + "property"))
                .mapWith(RDFNode::asResource)
                .toList();
        shapeNodes.addAll(propertyShapes);
        List<String> problems = new ArrayList<>();
        for (Resource shape : shapeNodes) {
            for (String lang : List.of("cs", "en")) {
                if (countLang(shape, name, lang) != 1) {
                    problems.add(shape + ": sh:name @" + lang);
                }
                if (countLang(shape, description, lang) != 1) {
                    problems.add(shape + ": sh:description @" + lang);
                }
            }
        }
        for (Resource shape : propertyShapes) {
            if (countLang(shape, message, "en") != 1) {
                problems.add(shape + ": sh:message @en");
            }
        }
        assertEquals(List.of(), problems, file.toString());
    }

    /** Links to other entities must not use sh:class: the gate validates each entity's graph on its own. */
    @Test
    void noShClassOnLinksToOtherEntities() {
        Model model = ModelFactory.createModelForGraph(parseStrict(SHAPES_FILE));
        Property path = model.createProperty(SH + "path");
        Property shClass = model.createProperty(SH + "class");
        Property nodeKind = model.createProperty(SH + "nodeKind");
        for (String link : List.of(
                DCTERMS + "isPartOf",
                DCTERMS + "publisher",
                DCTERMS + "spatial",
                DESKY + "stránka-zveřejnění",
                OWL.sameAs.getURI())) {
            List<Resource> linkShapes = model.listSubjectsWithProperty(path, model.createResource(link))
                    .toList();
            assertFalse(linkShapes.isEmpty(), "no shape for " + link);
            for (Resource s : linkShapes) {
                assertFalse(s.hasProperty(shClass), "sh:class on link " + link);
            }
            assertTrue(
                    linkShapes.stream().anyMatch(s -> s.hasProperty(nodeKind, model.createResource(SH + "IRI"))),
                    "no sh:nodeKind sh:IRI for " + link);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-notice.ttl", "valid-notice-minimal.ttl", "valid-board.ttl"})
    void validFixtureConforms(String fixture) {
        ValidationReport report = validate(fixture(fixture));
        assertTrue(report.conforms(), () -> fixture + ":\n" + describe(report));
    }

    @Test
    void validNoticeAndBoardTogetherConform() {
        Graph both = GraphFactory.createDefaultGraph();
        fixture("valid-board.ttl").find().forEach(both::add);
        fixture("valid-notice.ttl").find().forEach(both::add);
        ValidationReport report = validate(both);
        assertTrue(report.conforms(), () -> describe(report));
    }

    /** The gate sees only the notice's own graph: the board it links to is not there, and that is fine. */
    @Test
    void noticeConformsWithoutTheBoardsTriples() {
        Graph notice = fixture("valid-notice.ttl");
        Node board = NodeFactory.createURI("https://data.spojka.example/zdroj/úřední-deska/chrudim");
        assertTrue(notice.contains(Node.ANY, NodeFactory.createURI(DCTERMS + "isPartOf"), board));
        assertFalse(notice.contains(board, Node.ANY, Node.ANY), "fixture must not contain the board's triples");
        assertTrue(validate(notice).conforms());
    }

    @Test
    void noticeWithoutTitle() {
        assertSingleViolation(
                "invalid-notice-no-title.ttl",
                DCTERMS + "title",
                "dcterms:title",
                "A notice must have at least one title (dcterms:title)");
    }

    @Test
    void noticeWithTwoPublicationDates() {
        assertSingleViolation(
                "invalid-notice-two-publication-dates.ttl",
                SB + "vyvěšení-informace",
                "sb:vyvěšení-informace",
                "A notice must have exactly one publication date (sb:vyvěšení-informace)");
    }

    @Test
    void noticeWithDateAndDateTimeStampInOnePublicationInstant() {
        ValidationReport report = validate(fixture("invalid-notice-publication-instant.ttl"));
        List<ReportEntry> entries = new ArrayList<>(report.getEntries());
        assertEquals(1, entries.size(), () -> describe(report));
        ReportEntry entry = entries.get(0);
        assertTrue(entry.focusNode().isBlank(), "the instant itself is the focus node: " + entry.focusNode());
        assertEquals(
                SH + "XoneConstraintComponent",
                entry.constraint().getComponent().getURI());
        assertTrue(entry.message().contains("exactly one of time:inXSDDate"), entry.message());
    }

    @Test
    void boardWithMalformedPublisherIri() {
        assertSingleViolation(
                "invalid-board-malformed-publisher.ttl", DCTERMS + "publisher", "dcterms:publisher", null);
    }

    @Test
    void noticeWithSeveralProblemsReportsEach() {
        String turtle = """
                @prefix desky: <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix schema: <http://schema.org/> .
                <https://data.spojka.example/zdroj/informace/x>
                    a desky:informace-zveřejněná-na-úřední-desce ;
                    dcterms:title "bez jazyka" ;
                    dcterms:isPartOf "not an IRI" ;
                    schema:downloadUrl "https://example.org/a" , "https://example.org/b" .
                """;
        Graph g = RDFParser.create()
                .source(new StringReader(turtle))
                .lang(Lang.TTL)
                .toGraph();
        ValidationReport report = validate(g);
        Map<String, Integer> byPath = new TreeMap<>();
        for (ReportEntry e : report.getEntries()) {
            byPath.merge(e.resultPath().toString(), 1, Integer::sum);
        }
        // title: not langString; isPartOf: not an IRI; downloadUrl: two values, each neither IRI nor xsd:anyURI;
        // vyvěšení: missing
        assertEquals(
                Map.of(
                        "<" + DCTERMS + "title>", 1,
                        "<" + DCTERMS + "isPartOf>", 1,
                        "<" + SCHEMA + "downloadUrl>", 3,
                        "<" + SB + "vyvěšení-informace>", 1),
                byPath,
                () -> describe(report));
    }

    // ------------------------------------------------------------------------------------------
    // Bundled JSON-LD contexts
    // ------------------------------------------------------------------------------------------

    static List<Path> contextFiles() throws IOException {
        return listFiles(CONTEXTS_DIR, ".jsonld");
    }

    @Test
    void everyContextFileIsValidJson() throws IOException {
        List<Path> files = contextFiles();
        assertTrue(files.size() >= 49, "expected the 48 OFN contexts and the GeoJSON-LD one, found " + files.size());
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode json = strict.readTree(stripBom(Files.readString(file, StandardCharsets.UTF_8)));
                if (json == null || !json.isObject() || !json.has("@context")) {
                    problems.add(file + ": not an object with @context");
                }
            } catch (IOException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Every context IRI in an @import or @context value of a bundled context is itself bundled: the OFN ones
     * (https://ofn.gov.cz/...) and the only non-OFN one, the GeoJSON-LD context of the key "geometrie" in
     * umístění.jsonld.
     */
    @Test
    void everyReferencedContextIsBundled() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> referenced = new TreeSet<>();
        for (Path file : contextFiles()) {
            collectContextReferences(mapper.readTree(stripBom(Files.readString(file))), referenced);
        }
        Set<String> ofn =
                referenced.stream().filter(i -> i.startsWith(OFN)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(ofn.size() >= 30, "referenced OFN contexts: " + ofn);
        Set<String> external = new TreeSet<>(referenced);
        external.removeAll(ofn);
        assertEquals(Set.of(GEOJSON_CONTEXT), external, "context IRIs referenced outside ofn.gov.cz");
        List<String> missing = referenced.stream()
                .filter(iri -> !Files.isRegularFile(bundledFile(URI.create(iri))))
                .toList();
        assertEquals(List.of(), missing, "referenced but not bundled");
    }

    /**
     * Expands the official OFN Úřední desky example 1 with the bundled contexts only (a loader that, like the hub's,
     * never goes to the network and fails on an unbundled IRI) and checks the RDF terms the hub's model relies on:
     * "url" of a "Digitální objekt" is schema:downloadUrl typed xsd:anyURI, and "provozovatel" is the reverse of
     * sb:zřizuje. JSON-LD 1.1 processing dereferences every scoped context while building the active context, so
     * this needs the GeoJSON-LD context of "geometrie" (umístění.jsonld) even though the example has no geometry.
     */
    @Test
    void ofnExampleExpandsOfflineWithTheBundledContexts() {
        Set<String> loaded = new TreeSet<>();
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            Path file = bundledFile(url);
            if (!Files.isRegularFile(file)) {
                throw new JsonLdError(
                        JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "JSON-LD context " + url + " is not bundled (looked for " + file + ")");
            }
            try (InputStream in = Files.newInputStream(file)) {
                JsonDocument document = JsonDocument.of(in);
                document.setDocumentUrl(url);
                loaded.add(url.toString());
                return document;
            } catch (IOException e) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e.getMessage());
            }
        });
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        Graph g = RDFParser.create()
                .source(resource("ofn-uredni-deska-priklad-1.jsonld"))
                .lang(Lang.JSONLD11)
                .context(context)
                .toGraph();
        assertTrue(loaded.contains(OFN + "úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld"), loaded::toString);
        assertTrue(loaded.contains(GEOJSON_CONTEXT), loaded::toString);

        Model m = ModelFactory.createModelForGraph(g);
        Resource notice = m.createResource("https://data.mojeobec.cz/zdroj/úřední-deska/informace/2018-13");
        Resource board = m.createResource("https://data.mojeobec.cz/zdroj/úřední-deska");
        assertTrue(notice.hasProperty(RDF.type, m.createResource(NOTICE_CLASS)));
        assertTrue(notice.hasProperty(RDF.type, m.createResource(SCHEMA + "CreativeWork")));
        assertTrue(board.hasProperty(RDF.type, m.createResource(BOARD_CLASS)));

        Literal url =
                notice.getProperty(m.createProperty(SCHEMA + "downloadUrl")).getLiteral();
        assertEquals("https://web.mojeobec.cz/úřední_deska/2018-13", url.getLexicalForm());
        assertEquals("http://www.w3.org/2001/XMLSchema#anyURI", url.getDatatypeURI());
        assertFalse(notice.hasProperty(m.createProperty(SCHEMA + "url")));

        assertTrue(board.hasProperty(m.createProperty(SB + "obsahuje-informaci"), notice));
        List<Resource> operators = m.listSubjectsWithProperty(m.createProperty(SB + "zřizuje"), board)
                .toList();
        assertEquals(1, operators.size());
        assertTrue(operators.get(0).isAnon());
        assertTrue(operators.get(0).hasProperty(SKOS.notation, "00258245"));
    }

    // ------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------

    static void assertSingleViolation(String fixture, String path, String curie, String exactMessage) {
        ValidationReport report = validate(fixture(fixture));
        assertFalse(report.conforms(), fixture + " should not conform");
        List<ReportEntry> entries = new ArrayList<>(report.getEntries());
        assertEquals(1, entries.size(), () -> fixture + ":\n" + describe(report));
        ReportEntry entry = entries.get(0);
        assertEquals("<" + path + ">", entry.resultPath().toString());
        assertTrue(entry.message().contains(curie), () -> "message does not name " + curie + ": " + entry.message());
        if (exactMessage != null) {
            assertEquals(exactMessage, entry.message());
        }
    }

    static ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, data);
    }

    static String describe(ValidationReport report) {
        return report.getEntries().stream()
                .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.constraint() + ": " + e.message())
                .collect(Collectors.joining("\n"));
    }

    static long countLang(Resource subject, Property property, String lang) {
        return subject.listProperties(property)
                .filterKeep(s -> s.getObject().isLiteral()
                        && lang.equals(s.getObject().asLiteral().getLanguage()))
                .toList()
                .size();
    }

    static Graph parseStrict(Path file) {
        return RDFParser.create()
                .source(file)
                .lang(Lang.TTL)
                .errorHandler(ErrorHandlerFactory.errorHandlerStrict)
                .toGraph();
    }

    static Graph fixture(String name) {
        return RDFParser.create()
                .source(resource(name))
                .lang(Lang.TTL)
                .errorHandler(ErrorHandlerFactory.errorHandlerStrict)
                .toGraph();
    }

    static InputStream resource(String name) {
        InputStream in = VocabularyFilesTest.class.getResourceAsStream(name);
        if (in == null) {
            fail("missing test resource cz/spojka/vocab/" + name);
        }
        return in;
    }

    /** Same mapping as the hub's offline loader: {@code https://host/path} -> {@code vocab/contexts/host/path}. */
    static Path bundledFile(URI iri) {
        return CONTEXTS_DIR.resolve(iri.getHost() + iri.getPath()).normalize();
    }

    static void collectContextReferences(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("@import") || field.getKey().equals("@context")) {
                    JsonNode value = field.getValue();
                    for (JsonNode v : value.isArray() ? iterable(value) : List.of(value)) {
                        if (v.isTextual()) {
                            out.add(v.asText());
                        } else {
                            collectContextReferences(v, out);
                        }
                    }
                } else {
                    collectContextReferences(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectContextReferences(child, out));
        }
    }

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    static List<Path> listFiles(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
