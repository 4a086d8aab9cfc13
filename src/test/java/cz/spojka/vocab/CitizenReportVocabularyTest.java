package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/**
 * The citizen-report vocabulary: its shapes describe themselves in Czech and English and use only described terms,
 * accept the valid fixture, refuse personal data and unknown statuses with messages naming the property, and allow
 * exactly the statuses of the codelist.
 */
class CitizenReportVocabularyTest {

    private static final Path SHAPES_FILE = Path.of("vocab/shapes/podneti.shapes.ttl");
    private static final Path CODELIST = Path.of("vocab/codelists/stavy-podnetu.ttl");
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String PREFIXES = """
            @prefix podněty: <https://w3id.org/spojka/slovník/podněty/pojem/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix adms: <http://www.w3.org/ns/adms#> .
            @prefix geo: <http://www.opengis.net/ont/geosparql#> .
            @prefix schema: <http://schema.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;
    private static final String REPORT = """
            <https://data.spojka.example/podnět/1> a podněty:podnět ; dcterms:identifier "1" ;
                dcterms:type <https://data.spojka.example/druh/006> ;
                dcterms:dateSubmitted "2010-04-14T06:37:38-08:00"^^xsd:dateTimeStamp ;
            """;

    private final Shapes shapes = Shapes.parse(VocabularyFilesTest.parseStrict(SHAPES_FILE));

    @Test
    void everyShapeHasCzechAndEnglishNameAndDescriptionAndEveryRuleAMessage() {
        Model model = ModelFactory.createModelForGraph(VocabularyFilesTest.parseStrict(SHAPES_FILE));
        Property name = model.createProperty(SH + "name");
        Property description = model.createProperty(SH + "description");
        Property message = model.createProperty(SH + "message");
        List<Resource> nodeShapes = model.listSubjectsWithProperty(RDF.type, model.createResource(SH + "NodeShape"))
                .toList();
        List<Resource> propertyShapes = model.listObjectsOfProperty(model.createProperty(SH + "property"))
                .mapWith(RDFNode::asResource)
                .toList();
        List<String> problems = new ArrayList<>();
        for (Resource shape : concat(nodeShapes, propertyShapes)) {
            for (String lang : List.of("cs", "en")) {
                if (VocabularyFilesTest.countLang(shape, name, lang) != 1) {
                    problems.add(shape + ": sh:name @" + lang);
                }
                if (VocabularyFilesTest.countLang(shape, description, lang) != 1) {
                    problems.add(shape + ": sh:description @" + lang);
                }
            }
        }
        for (Resource shape : propertyShapes) {
            if (VocabularyFilesTest.countLang(shape, message, "en") != 1) {
                problems.add(shape + ": sh:message @en");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(nodeShapes).hasSize(3);
        assertThat(shapes.numRootShapes()).isEqualTo(3);
    }

    /** Every class and property the shapes and the valid fixture use is described in vocab/ontology. */
    @Test
    void everyTermUsedByTheShapesAndTheFixtureIsDescribed() throws Exception {
        Set<String> described = new TreeSet<>();
        for (Path file : VocabularyFilesTest.listFiles(VocabularyFilesTest.ONTOLOGY_DIR, ".ttl")) {
            VocabularyFilesTest.parseStrict(file).find().forEach(t -> {
                if (t.getSubject().isURI()) {
                    described.add(t.getSubject().getURI());
                }
            });
        }
        Set<String> used = new TreeSet<>();
        Graph shapesGraph = VocabularyFilesTest.parseStrict(SHAPES_FILE);
        for (String p : List.of("path", "targetClass", "targetObjectsOf", "class", "hasValue")) {
            shapesGraph.find(Node.ANY, NodeFactory.createURI(SH + p), Node.ANY).forEach(t -> {
                if (t.getObject().isURI()) {
                    used.add(t.getObject().getURI());
                }
            });
        }
        VocabularyFilesTest.fixture("valid-citizen-report.ttl")
                .find()
                .forEach(t -> used.add(
                        t.getPredicate().equals(RDF.type.asNode())
                                ? t.getObject().getURI()
                                : t.getPredicate().getURI()));
        used.remove(RDF.type.getURI());
        used.removeAll(described);
        assertThat(used).as("terms used but not described in vocab/ontology").isEmpty();
    }

    @Test
    void theValidFixtureConforms() {
        ValidationReport report = validate(VocabularyFilesTest.fixture("valid-citizen-report.ttl"));
        assertThat(report.conforms())
                .as(() -> VocabularyFilesTest.describe(report))
                .isTrue();
    }

    @Test
    void theStatusesAllowedAreExactlyTheItemsOfTheCodelist() {
        Model shapesModel = ModelFactory.createModelForGraph(VocabularyFilesTest.parseStrict(SHAPES_FILE));
        Resource statusShape = shapesModel.createResource("https://w3id.org/spojka/tvary/podněty#Podnět-stav");
        RDFList allowed = statusShape
                .getPropertyResourceValue(shapesModel.createProperty(SH + "in"))
                .as(RDFList.class);
        Set<String> inShape = new TreeSet<>();
        allowed.iterator().forEachRemaining(n -> inShape.add(n.asResource().getURI()));

        Model codelist = ModelFactory.createModelForGraph(VocabularyFilesTest.parseStrict(CODELIST));
        Set<String> items = new TreeSet<>();
        codelist.listSubjectsWithProperty(RDF.type, SKOS.Concept).forEach(c -> {
            items.add(c.getURI());
            assertThat(c.getURI())
                    .endsWith("/položky/" + c.getProperty(SKOS.notation).getString());
            assertThat(VocabularyFilesTest.countLang(c, SKOS.prefLabel, "cs")).isEqualTo(1);
            assertThat(VocabularyFilesTest.countLang(c, SKOS.prefLabel, "en")).isEqualTo(1);
        });
        assertThat(inShape)
                .containsExactly(
                        "https://w3id.org/spojka/číselníky/stavy-podnětů/položky/closed",
                        "https://w3id.org/spojka/číselníky/stavy-podnětů/položky/open")
                .isEqualTo(items);
    }

    /** The shape of a report is closed: personal data of the reporter cannot be published by any mapping. */
    @Test
    void aReportWithTheReportersEmailIsRefused() {
        assertSingleViolation(
                REPORT + """
                            adms:status <https://w3id.org/spojka/číselníky/stavy-podnětů/položky/open> ;
                            schema:email "smit333@sfgov.edu" .
                        """,
                "<http://schema.org/email>",
                "A citizen report may carry only the properties of its shape (no personal data of the reporter)");
    }

    @Test
    void aReportWithAnUnknownStatusIsRefused() {
        assertSingleViolation(
                REPORT + "    adms:status <https://w3id.org/spojka/číselníky/stavy-podnětů/položky/pending> .",
                "<http://www.w3.org/ns/adms#status>",
                "A citizen report must have exactly one status (adms:status): open or closed of the codelist"
                        + " https://w3id.org/spojka/číselníky/stavy-podnětů");
    }

    @Test
    void aReportWhoseGeometryIsNotAPointIsRefused() {
        assertSingleViolation(
                REPORT + """
                            adms:status <https://w3id.org/spojka/číselníky/stavy-podnětů/položky/open> ;
                            geo:hasGeometry [ geo:asWKT "LINESTRING(0 0, 1 1)"^^geo:wktLiteral ] .
                        """,
                "<http://www.opengis.net/ont/geosparql#hasGeometry>/<http://www.opengis.net/ont/geosparql#asWKT>",
                "The geometry of a citizen report (geo:hasGeometry/geo:asWKT) must be a WKT point, POINT(longitude"
                        + " latitude)");
    }

    private void assertSingleViolation(String turtle, String path, String message) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.create()
                .source(new StringReader(PREFIXES + turtle))
                .lang(Lang.TTL)
                .parse(graph);
        ValidationReport report = validate(graph);
        List<ReportEntry> entries = new ArrayList<>(report.getEntries());
        assertThat(entries).as(() -> VocabularyFilesTest.describe(report)).hasSize(1);
        assertThat(entries.get(0).resultPath().toString()).isEqualTo(path);
        assertThat(entries.get(0).message()).isEqualTo(message);
    }

    private ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, data);
    }

    private static List<Resource> concat(List<Resource> a, List<Resource> b) {
        List<Resource> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
