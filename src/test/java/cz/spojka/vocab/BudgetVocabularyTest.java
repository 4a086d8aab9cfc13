package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The budget vocabulary: the codelists of vocab/codelists parse and hold the expected concepts and hierarchy, and the
 * budget shapes accept a real budget line and reject broken ones with messages that name the property.
 */
class BudgetVocabularyTest {

    static final Path CODELISTS = Path.of("vocab/codelists");
    static final Path SHAPES = Path.of("vocab/shapes/rozpocet.shapes.ttl");
    static final String NS = "https://w3id.org/spojka/číselník/";
    static final String SH = "http://www.w3.org/ns/shacl#";

    static final String LINE = """
            @prefix rozp: <https://w3id.org/spojka/slovník/rozpočet/pojem/> .
            @prefix schema: <http://schema.org/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <https://data.spojka.example/zdroj/rozpocet/44992785/radek/kxx/16-2023-01-02-100001-1>
                a rozp:řádek-rozpočtu ;
                rozp:druh-údaje <https://w3id.org/spojka/číselník/druhy-rozpočtových-údajů/položky/schválený-rozpočet> ;
                rozp:paragraf <https://w3id.org/spojka/číselník/rozpočtová-skladba-paragrafy/položky/0000> ;
                rozp:položka <https://w3id.org/spojka/číselník/rozpočtová-skladba-položky/položky/1122> ;
                rozp:částka [ a schema:MonetaryAmount ; schema:value 350000.0 ; schema:currency "CZK" ] ;
                rozp:rozpočtový-rok "2023"^^xsd:gYear ;
                rozp:účetní-období "2023-01"^^xsd:gYearMonth ;
                dcterms:date "2023-01-02"^^xsd:date ;
                rozp:číslo-dokladu "100001" ;
                rozp:syntetický-účet "231" ;
                dcterms:publisher <https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/44992785> ;
                dcterms:spatial <https://linked.cuzk.cz/resource/ruian/obec/582786> .
            """;

    @ParameterizedTest
    @CsvSource({
        "rozpoctova-skladba-paragrafy.ttl, rozpočtová-skladba-paragrafy, 715, 527, 7",
        "rozpoctova-skladba-polozky.ttl, rozpočtová-skladba-položky, 358, 269, 2",
        "druhy-rozpoctovych-udaju.ttl, druhy-rozpočtových-údajů, 5, 0, 5"
    })
    void codelistParsesWithItsConceptsEachLabelledAndInItsScheme(
            String file, String scheme, int concepts, int fourDigitCodes, int topConcepts) {
        Model model = ModelFactory.createModelForGraph(VocabularyFilesTest.parseStrict(CODELISTS.resolve(file)));
        Resource schemeIri = model.createResource(NS + scheme);
        List<Resource> all =
                model.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();

        assertThat(schemeIri.hasProperty(RDF.type, SKOS.ConceptScheme)).isTrue();
        assertThat(all).hasSize(concepts);
        assertThat(all)
                .allMatch(c -> c.hasProperty(SKOS.inScheme, schemeIri)
                        && c.getURI()
                                .equals(NS + scheme + "/položky/"
                                        + c.getProperty(SKOS.notation).getString())
                        && VocabularyFilesTest.countLang(c, SKOS.prefLabel, "cs") == 1);
        assertThat(all.stream()
                        .filter(c -> c.getProperty(SKOS.notation).getString().matches("[0-9]{4}")))
                .hasSize(fourDigitCodes);
        assertThat(model.listObjectsOfProperty(schemeIri, SKOS.hasTopConcept).toList())
                .hasSize(topConcepts);
        assertThat(model.listObjectsOfProperty(SKOS.broader).toList())
                .allMatch(broader -> all.contains(broader.asResource()));
    }

    @Test
    void aParagraphHasItsNameHierarchyAndValidity() {
        Graph paragraphs = VocabularyFilesTest.parseStrict(CODELISTS.resolve("rozpoctova-skladba-paragrafy.ttl"));

        assertThat(select(
                        paragraphs,
                        "SELECT ?label ?subdivision ?division ?group ?groupLabel ?from WHERE {"
                                + " <" + NS + "rozpočtová-skladba-paragrafy/položky/6171> skos:prefLabel ?label ;"
                                + " skos:broader ?subdivision ; dcterms:temporal/time:hasBeginning/time:inXSDDate ?from ."
                                + " ?subdivision skos:broader ?division . ?division skos:broader ?group ."
                                + " ?group skos:prefLabel ?groupLabel ; skos:topConceptOf ?scheme }"))
                .containsExactly(
                        "Činnost místní správy",
                        NS + "rozpočtová-skladba-paragrafy/položky/617",
                        NS + "rozpočtová-skladba-paragrafy/položky/61",
                        NS + "rozpočtová-skladba-paragrafy/položky/6",
                        "Všeobecná veřejná správa a služby",
                        "1900-01-01");
    }

    @Test
    void anItemHasItsNameHierarchyAndValidity() {
        Graph items = VocabularyFilesTest.parseStrict(CODELISTS.resolve("rozpoctova-skladba-polozky.ttl"));

        assertThat(select(
                        items,
                        "SELECT ?label ?subgroupLabel ?from WHERE {"
                                + " <" + NS + "rozpočtová-skladba-položky/položky/5011> skos:prefLabel ?label ;"
                                + " skos:broader/skos:prefLabel ?subgroupLabel ;"
                                + " dcterms:temporal/time:hasBeginning/time:inXSDDate ?from }"))
                .containsExactly(
                        "Platy zaměstnanců v pracovním poměru vyjma zaměstnanců na služebních místech",
                        "Platy",
                        "2016-01-01");
    }

    @Test
    void aRealBudgetLineConforms() {
        ValidationReport report = validate(LINE);

        assertThat(report.conforms())
                .as(() -> VocabularyFilesTest.describe(report))
                .isTrue();
    }

    @Test
    void brokenBudgetLinesAreRejectedNamingTheProperty() {
        String broken = LINE.replace("schema:value 350000.0 ;", "schema:value \"350000\" ;")
                .replace("schema:currency \"CZK\"", "schema:currency \"EUR\"")
                .replace(
                        "položky/1122>",
                        "položky/1122> , <https://w3id.org/spojka/číselník/rozpočtová-skladba-položky/položky/1111>")
                .replace("rozp:rozpočtový-rok \"2023\"^^xsd:gYear ;", "")
                .replace("<https://linked.cuzk.cz/resource/ruian/obec/582786>", "\"Brno\"");

        assertThat(validate(broken).getEntries().stream()
                        .map(ReportEntry::message)
                        .sorted())
                .containsExactly(
                        "A budget line must have exactly one budget year (rozp:rozpočtový-rok), an xsd:gYear",
                        "A budget line must have exactly one item (rozp:položka), an IRI of the form"
                                + " https://w3id.org/spojka/číselník/rozpočtová-skladba-položky/položky/<4 digits>",
                        "A budget line must have exactly one municipality (dcterms:spatial), an IRI of the form"
                                + " https://linked.cuzk.cz/resource/ruian/obec/<code>",
                        // a literal fails both sh:nodeKind and sh:pattern
                        "A budget line must have exactly one municipality (dcterms:spatial), an IRI of the form"
                                + " https://linked.cuzk.cz/resource/ruian/obec/<code>",
                        "An amount must have exactly one currency (schema:currency), \"CZK\"",
                        "An amount must have exactly one value (schema:value), an xsd:decimal");
    }

    /** Every class and property the budget shapes name is described in vocab/ontology. */
    @Test
    void everyTermOfTheBudgetShapesIsDescribed() throws Exception {
        Set<String> described = new TreeSet<>();
        for (Path file : VocabularyFilesTest.listFiles(VocabularyFilesTest.ONTOLOGY_DIR, ".ttl")) {
            VocabularyFilesTest.parseStrict(file).find().forEach(t -> {
                if (t.getSubject().isURI()) {
                    described.add(t.getSubject().getURI());
                }
            });
        }
        Set<String> used = new TreeSet<>();
        Graph shapes = VocabularyFilesTest.parseStrict(SHAPES);
        for (String p : List.of("path", "targetClass", "targetObjectsOf", "class")) {
            shapes.find(Node.ANY, NodeFactory.createURI(SH + p), Node.ANY)
                    .forEach(t -> used.add(t.getObject().getURI()));
        }
        assertThat(used).hasSize(20);
        used.removeAll(described);
        assertThat(used)
                .as("terms used by the budget shapes but not described in vocab/ontology")
                .isEmpty();
    }

    static ValidationReport validate(String turtle) {
        Graph data = RDFParser.create()
                .source(new StringReader(turtle))
                .lang(Lang.TTL)
                .toGraph();
        return ShaclValidator.get().validate(Shapes.parse(VocabularyFilesTest.parseStrict(SHAPES)), data);
    }

    static List<String> select(Graph graph, String select) {
        String prefixes = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                + "PREFIX dcterms: <http://purl.org/dc/terms/>\nPREFIX time: <http://www.w3.org/2006/time#>\n";
        try (QueryExec exec = QueryExec.graph(graph).query(prefixes + select).build()) {
            var rows = exec.select();
            var row = rows.next();
            assertThat(rows.hasNext()).isFalse();
            return rows.getResultVars().stream()
                    .map(row::get)
                    .map(n -> n.isURI() ? n.getURI() : n.getLiteralLexicalForm())
                    .toList();
        }
    }
}
