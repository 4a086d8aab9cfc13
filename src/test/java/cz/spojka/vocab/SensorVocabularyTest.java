package cz.spojka.vocab;

import static cz.spojka.vocab.VocabularyFilesTest.countLang;
import static cz.spojka.vocab.VocabularyFilesTest.parseStrict;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/**
 * The sensor shapes ({@code vocab/shapes/senzory.shapes.ttl}) follow the rules of the notice-board shapes, every term
 * they use is described in {@code vocab/ontology}, and every observable property of the codelist is one the shapes
 * accept.
 */
class SensorVocabularyTest {

    static final Path SHAPES_FILE = Path.of("vocab/shapes/senzory.shapes.ttl");
    static final Path CODELIST_FILE = Path.of("vocab/codelists/pozorovane-vlastnosti.ttl");
    static final String SH = "http://www.w3.org/ns/shacl#";
    static final String SOSA = "http://www.w3.org/ns/sosa/";
    static final String SCHEME = "https://w3id.org/spojka/číselníky/pozorované-vlastnosti";

    @Test
    void shapesTargetPlatformsSensorsObservationsAndTheirBlankNodesOnly() {
        Graph shapes = parseStrict(SHAPES_FILE);
        assertThat(objects(shapes, SH + "targetClass"))
                .containsExactlyInAnyOrder(SOSA + "Platform", SOSA + "Sensor", SOSA + "Observation");
        assertThat(objects(shapes, SH + "targetObjectsOf"))
                .containsExactlyInAnyOrder(
                        "http://www.opengis.net/ont/geosparql#hasGeometry",
                        SOSA + "hasResult",
                        SOSA + "phenomenonTime");
        for (String costly : List.of("node", "or", "xone", "and", "not")) {
            assertThat(objects(shapes, SH + costly)).as("sh:" + costly).isEmpty();
        }
    }

    @Test
    void everyShapeHasCzechAndEnglishNameAndDescriptionAndEveryRuleAMessage() {
        Model model = ModelFactory.createModelForGraph(parseStrict(SHAPES_FILE));
        Property name = model.createProperty(SH + "name");
        Property description = model.createProperty(SH + "description");
        Property message = model.createProperty(SH + "message");
        List<Resource> shapes =
                new ArrayList<>(model.listSubjectsWithProperty(RDF.type, model.createResource(SH + "NodeShape"))
                        .toList());
        List<Resource> rules = model.listObjectsOfProperty(model.createProperty(SH + "property"))
                .mapWith(RDFNode::asResource)
                .toList();
        shapes.addAll(rules);
        List<String> problems = new ArrayList<>();
        for (Resource shape : shapes) {
            for (String lang : List.of("cs", "en")) {
                if (countLang(shape, name, lang) != 1 || countLang(shape, description, lang) != 1) {
                    problems.add(shape + ": sh:name / sh:description @" + lang);
                }
            }
            // A shape with a constraint of its own (a rule, or a blank node's sh:class) must say what is wrong.
            boolean constrains = rules.contains(shape) || shape.hasProperty(model.createProperty(SH + "class"));
            if (constrains && countLang(shape, message, "en") != 1) {
                problems.add(shape + ": sh:message @en");
            }
        }
        assertThat(shapes).hasSize(6 + 17);
        assertThat(problems).isEmpty();
    }

    /** The gate validates each entity's own graph: links are checked as IRIs, never with sh:class. */
    @Test
    void linksToOtherEntitiesAreCheckedAsIrisNeverWithShClass() {
        Model model = ModelFactory.createModelForGraph(parseStrict(SHAPES_FILE));
        Property path = model.createProperty(SH + "path");
        for (String link : List.of(
                SOSA + "isHostedBy",
                SOSA + "madeBySensor",
                SOSA + "hasFeatureOfInterest",
                SOSA + "observedProperty",
                "http://purl.org/dc/terms/spatial")) {
            List<Resource> rules = model.listSubjectsWithProperty(path, model.createResource(link))
                    .toList();
            assertThat(rules).as(link).hasSize(1);
            Resource rule = rules.get(0);
            assertThat(rule.hasProperty(model.createProperty(SH + "class")))
                    .as(link)
                    .isFalse();
            assertThat(rule.hasProperty(model.createProperty(SH + "nodeKind"), model.createResource(SH + "IRI")))
                    .as(link)
                    .isTrue();
        }
    }

    @Test
    void everyTermTheShapesUseIsDescribedInTheOntology() {
        Set<String> described = new TreeSet<>();
        for (String file : List.of("senzory.ttl", "uredni-desky.ttl")) {
            parseStrict(Path.of("vocab/ontology", file)).find().forEach(t -> {
                if (t.getSubject().isURI()) {
                    described.add(t.getSubject().getURI());
                }
            });
        }
        Set<String> used = new TreeSet<>();
        for (String p : List.of("path", "targetClass", "targetObjectsOf", "class")) {
            used.addAll(objects(parseStrict(SHAPES_FILE), SH + p));
        }
        used.removeAll(described);
        assertThat(used)
                .as("terms the shapes use but vocab/ontology does not describe")
                .isEmpty();
    }

    @Test
    void everyObservablePropertyIsALabelledConceptOfTheSchemeThatTheShapesAccept() {
        Model codelist = ModelFactory.createModelForGraph(parseStrict(CODELIST_FILE));
        Resource scheme = codelist.createResource(SCHEME);
        assertThat(scheme.hasProperty(RDF.type, SKOS.ConceptScheme)).isTrue();
        String pattern = ModelFactory.createModelForGraph(parseStrict(SHAPES_FILE))
                .createResource("https://w3id.org/spojka/tvary/senzory#Pozorování-vlastnost")
                .getProperty(ModelFactory.createDefaultModel().createProperty(SH + "pattern"))
                .getString();
        List<Resource> concepts =
                codelist.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();
        Map<String, String> problems = new TreeMap<>();
        Set<String> notations = new TreeSet<>();
        for (Resource concept : concepts) {
            List<String> wrong = new ArrayList<>();
            for (String lang : List.of("cs", "en")) {
                if (countLang(concept, SKOS.prefLabel, lang) != 1 || countLang(concept, SKOS.definition, lang) != 1) {
                    wrong.add("skos:prefLabel / skos:definition @" + lang);
                }
            }
            if (!concept.hasProperty(SKOS.inScheme, scheme)) {
                wrong.add("not in the scheme");
            }
            if (!concept.hasProperty(RDF.type, codelist.createResource(SOSA + "ObservableProperty"))) {
                wrong.add("not a sosa:ObservableProperty");
            }
            if (!concept.getURI().matches(pattern)) {
                wrong.add("does not match the shapes' pattern " + pattern);
            }
            if (!notations.add(concept.getRequiredProperty(SKOS.notation).getString())) {
                wrong.add("duplicate skos:notation");
            }
            if (!wrong.isEmpty()) {
                problems.put(concept.getURI(), String.join("; ", wrong));
            }
        }
        assertThat(concepts).hasSize(13);
        assertThat(problems).isEmpty();
    }

    @Test
    void anObservationWithSeveralProblemsReportsEachWithAMessageNamingTheProperty() {
        String turtle = """
                @prefix sosa: <http://www.w3.org/ns/sosa/> .
                @prefix qudt: <http://qudt.org/schema/qudt/> .
                <https://data.spojka.example/pozorovani/x>
                    a sosa:Observation ;
                    sosa:madeBySensor "ABREA" ;
                    sosa:hasFeatureOfInterest <https://data.spojka.example/stanice/ABREA> ;
                    sosa:observedProperty <https://example.org/pm10> ;
                    sosa:hasResult [ a qudt:QuantityValue ; qudt:numericValue 1.66E1 ;
                                     qudt:hasUnit <http://qudt.org/vocab/unit/MicroGM-PER-M3> ] .
                """;
        Graph data = RDFParser.create()
                .source(new StringReader(turtle))
                .lang(Lang.TTL)
                .toGraph();
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(parseStrict(SHAPES_FILE)), data);
        Map<String, String> messages = new TreeMap<>();
        for (ReportEntry entry : report.getEntries()) {
            messages.put(entry.resultPath().toString(), entry.message());
        }
        assertThat(messages)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "<" + SOSA + "madeBySensor>",
                        "An observation must be made by exactly one sensor (sosa:madeBySensor), given as an IRI",
                        "<" + SOSA + "observedProperty>",
                        "An observation must have exactly one observed property (sosa:observedProperty), an item of"
                                + " the codelist https://w3id.org/spojka/číselníky/pozorované-vlastnosti",
                        "<" + SOSA + "resultTime>",
                        "An observation must have exactly one result time (sosa:resultTime), an xsd:dateTime",
                        "<http://qudt.org/schema/qudt/numericValue>",
                        "A result must have exactly one numeric value (qudt:numericValue), an xsd:decimal"));
        assertThat(report.getEntries()).hasSize(4);
    }

    private static Set<String> objects(Graph graph, String predicate) {
        Set<String> objects = new TreeSet<>();
        graph.find(Node.ANY, NodeFactory.createURI(predicate), Node.ANY)
                .forEach(t -> objects.add(
                        t.getObject().isURI()
                                ? t.getObject().getURI()
                                : t.getObject().toString()));
        return objects;
    }
}
