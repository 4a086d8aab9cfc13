package cz.spojka.vocab;

import static cz.spojka.vocab.VocabularyFilesTest.listFiles;
import static cz.spojka.vocab.VocabularyFilesTest.parseStrict;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The municipalities of {@code vocab/reference/obce.ttl}, as {@code vocab/reference/convert.py} wrote them from the
 * ČSÚ territorial structure, the points and the populations of {@code /work/shared/data/cz-municipalities}: exact
 * counts, a few municipalities checked value by value against the source rows, and the whole file against the
 * shapes of {@code vocab/shapes}.
 */
class ReferenceMunicipalitiesTest {

    static final Path FILE = Path.of("vocab/reference/obce.ttl");
    static final String PREFIXES = """
            PREFIX adresy: <https://slovník.gov.cz/generický/adresy/pojem/>
            PREFIX rúian: <https://slovník.gov.cz/legislativní/sbírka/111/2009/pojem/>
            PREFIX území: <https://w3id.org/spojka/slovník/území/pojem/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;
    static final String RUIAN = "https://linked.cuzk.cz/resource/ruian/";
    static final String TYPES = "https://w3id.org/spojka/číselníky/typy-obcí/položky/";

    static Graph obce;

    @BeforeAll
    static void parse() {
        obce = parseStrict(FILE);
    }

    @ParameterizedTest
    @CsvSource({
        "adresy:území-obce-nebo-vojenského-újezdu, 6258",
        "rúian:území-okresu, 77",
        "rúian:území-vyššího-územního-samosprávního-celku, 14",
        "rúian:správní-obvod-obce-s-rozšířenou-působností, 206",
        "rúian:správní-obvod-obce-s-pověřeným-obecním-úřadem, 393"
    })
    void holdsEveryUnitOfEachKindOnce(String kind, long count) {
        assertThat(number("SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?u a " + kind + " }"))
                .isEqualTo(count);
    }

    @ParameterizedTest
    @CsvSource({
        "obec, 5412",
        "město, 583",
        "městys, 232",
        "statutární-město, 26",
        "vojenský-újezd, 4",
        "hlavní-město, 1"
    })
    void countsTheTypesOfMunicipalitiesAsTheSourceDoes(String type, long count) {
        assertThat(number("SELECT (COUNT(?u) AS ?n) WHERE { ?u dcterms:type <" + TYPES + type + "> }"))
                .isEqualTo(count);
    }

    /** The populations add up to ČSÚ's population of the Czech Republic on 1 January 2020 (README.md). */
    @Test
    void everyMunicipalityHasOnePointAndOnePopulationAsOfTheStartOf2020() {
        assertThat(number("SELECT (COUNT(?wkt) AS ?n) WHERE { ?u a adresy:území-obce-nebo-vojenského-újezdu ;"
                        + " geo:hasGeometry/geo:asWKT ?wkt }"))
                .isEqualTo(6258);
        assertThat(number("SELECT (COUNT(?p) AS ?n) WHERE { ?u území:počet-obyvatel ?p ;"
                        + " území:počet-obyvatel-k-datu \"2020-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> }"))
                .isEqualTo(6258);
        assertThat(number("SELECT (SUM(?p) AS ?n) WHERE { ?u území:počet-obyvatel ?p }"))
                .isEqualTo(10_693_939);
        assertThat(select("SELECT ?name WHERE { ?u území:počet-obyvatel 0 ; dcterms:title ?name } ORDER BY ?name"))
                .extracting(row -> row.getLiteral("name").getLexicalForm())
                .containsExactly("Boletice", "Březina", "Hradiště", "Libavá");
    }

    @ParameterizedTest
    @CsvSource({
        "571164, Chrudim, město, 3603, 94, 981, 2101, 23168, POINT(15.795158 49.949824)",
        "559351, Plasy, město, 3407, 43, 639, 1341, 2716, POINT(13.390465 49.934598)",
        "554782, Praha, hlavní-město, 3100, 19, 19, 19, 1324277, POINT(14.437900 50.075638)",
        "545422, Boletice, vojenský-újezd, 3302, 35, 329, 671, 0, POINT(14.217435 48.824975)"
    })
    void describesAMunicipalityAsItsSourceRowsDo(
            String code,
            String name,
            String type,
            String okres,
            String kraj,
            String orp,
            String pou,
            long population,
            String point) {
        List<QuerySolution> rows = select("SELECT * WHERE { <" + RUIAN + "obec/" + code + ">"
                + " a adresy:území-obce-nebo-vojenského-újezdu ; dcterms:title ?name ; skos:notation ?code ;"
                + " rúian:kód-územního-prvku ?ruian ; dcterms:type ?type ; rúian:má-přiřazené-území-okresu ?okres ;"
                + " adresy:vyšší-územní-samosprávní-celek ?kraj ;"
                + " rúian:má-správní-obvod-obce-s-rozšířenou-působností ?orp ;"
                + " rúian:má-správní-obvod-obce-s-pověřeným-obecním-úřadem ?pou ;"
                + " území:počet-obyvatel ?population ; geo:hasGeometry [ a <http://www.opengis.net/ont/sf#Point> ;"
                + " geo:asWKT ?point ] }");
        assertThat(rows).hasSize(1);
        QuerySolution row = rows.get(0);
        assertThat(row.getLiteral("name").getLexicalForm()).isEqualTo(name);
        assertThat(row.getLiteral("name").getLanguage()).isEqualTo("cs");
        assertThat(row.getLiteral("code").getLexicalForm()).isEqualTo(code);
        assertThat(row.getLiteral("ruian").getLexicalForm()).isEqualTo(code);
        assertThat(row.getResource("type").getURI()).isEqualTo(TYPES + type);
        assertThat(row.getResource("okres").getURI()).isEqualTo(RUIAN + "okres/" + okres);
        assertThat(row.getResource("kraj").getURI()).isEqualTo(RUIAN + "vusc/" + kraj);
        assertThat(row.getResource("orp").getURI()).isEqualTo(RUIAN + "orp/" + orp);
        assertThat(row.getResource("pou").getURI()).isEqualTo(RUIAN + "pou/" + pou);
        assertThat(row.getLiteral("population").getLong()).isEqualTo(population);
        assertThat(row.getLiteral("point").getLexicalForm()).isEqualTo(point);
        assertThat(row.getLiteral("point").getDatatypeURI())
                .isEqualTo("http://www.opengis.net/ont/geosparql#wktLiteral");
    }

    /** Chrudim's district, region, ORP and POU districts, with their ČSÚ, RÚIAN and NUTS codes and links upwards. */
    @Test
    void describesTheUnitsAMunicipalityLiesIn() {
        assertThat(unit("okres/3603", "rúian:území-okresu", "adresy:vyšší-územní-samosprávní-celek"))
                .containsExactly("Chrudim", "40614", "3603", RUIAN + "vusc/94");
        assertThat(unit("vusc/94", "rúian:území-vyššího-územního-samosprávního-celku", "území:kód-nuts"))
                .containsExactly("Pardubický kraj", "3093", "94", "CZ053");
        assertThat(unit("okres/3603", "rúian:území-okresu", "území:kód-nuts"))
                .containsExactly("Chrudim", "40614", "3603", "CZ0531");
        assertThat(unit(
                        "orp/981",
                        "rúian:správní-obvod-obce-s-rozšířenou-působností",
                        "adresy:vyšší-územní-samosprávní-celek"))
                .containsExactly("Chrudim", "5304", "981", RUIAN + "vusc/94");
        assertThat(unit(
                        "pou/2101",
                        "rúian:správní-obvod-obce-s-pověřeným-obecním-úřadem",
                        "rúian:má-správní-obvod-obce-s-rozšířenou-působností"))
                .containsExactly("Chrudim", "53043", "2101", RUIAN + "orp/981");
    }

    @Test
    void conformsToEveryShapeOfTheVocabulary() throws IOException {
        ValidationReport report = ShaclValidator.get().validate(allShapes(), obce);
        assertThat(report.getEntries()).isEmpty();
    }

    /** The shapes can fail on this data: Chrudim without its district breaks exactly one rule. */
    @Test
    void shapesRefuseAMunicipalityWithoutItsDistrict() throws IOException {
        Graph chrudim = GraphFactory.createDefaultGraph();
        Node iri = NodeFactory.createURI(RUIAN + "obec/571164");
        obce.find(iri, Node.ANY, Node.ANY).forEach(t -> {
            if (!t.getObject().isBlank() && !t.getPredicate().getURI().endsWith("má-přiřazené-území-okresu")) {
                chrudim.add(t);
            }
        });
        List<ReportEntry> entries = new ArrayList<>(
                ShaclValidator.get().validate(allShapes(), chrudim).getEntries());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).message())
                .isEqualTo("A municipality must have exactly one district (rúian:má-přiřazené-území-okresu), an IRI of"
                        + " the form https://linked.cuzk.cz/resource/ruian/okres/<code>");
    }

    /** Every predicate but rdf:type and every class of the file is described in vocab/ontology, every type in the codelist. */
    @Test
    void everyTermIsDescribedInTheVocabulary() throws IOException {
        Set<String> described = new TreeSet<>();
        for (Path file : listFiles(Path.of("vocab/ontology"), ".ttl")) {
            parseStrict(file).find().forEach(t -> {
                if (t.getSubject().isURI()) {
                    described.add(t.getSubject().getURI());
                }
            });
        }
        parseStrict(Path.of("vocab/codelists/typy-obci.ttl"))
                .find()
                .forEach(t -> described.add(t.getSubject().getURI()));
        Set<String> used = new TreeSet<>();
        obce.find().forEach(t -> {
            boolean typed = t.getPredicate().equals(RDF.type.asNode());
            used.add(typed ? t.getObject().getURI() : t.getPredicate().getURI());
            if (t.getPredicate().getURI().equals("http://purl.org/dc/terms/type")) {
                used.add(t.getObject().getURI());
            }
        });
        used.removeAll(described);
        assertThat(used).as("terms of obce.ttl not described in vocab/").isEmpty();
    }

    /** The name, ČSÚ code, RÚIAN code and one more value of a district, region, ORP or POU district. */
    private static List<String> unit(String path, String kind, String property) {
        List<QuerySolution> rows = select("SELECT * WHERE { <" + RUIAN + path + "> a " + kind
                + " ; dcterms:title ?name ; skos:notation ?code ; rúian:kód-územního-prvku ?ruian ; " + property
                + " ?value }");
        assertThat(rows).hasSize(1);
        QuerySolution row = rows.get(0);
        return List.of(
                row.getLiteral("name").getLexicalForm(),
                row.getLiteral("code").getLexicalForm(),
                row.getLiteral("ruian").getLexicalForm(),
                row.get("value").isLiteral()
                        ? row.getLiteral("value").getLexicalForm()
                        : row.getResource("value").getURI());
    }

    static Shapes allShapes() throws IOException {
        Graph shapes = GraphFactory.createDefaultGraph();
        for (Path file : listFiles(Path.of("vocab/shapes"), ".ttl")) {
            parseStrict(file).find().forEach(shapes::add);
        }
        return Shapes.parse(shapes);
    }

    private static long number(String query) {
        return select(query).get(0).getLiteral("n").getLong();
    }

    private static List<QuerySolution> select(String query) {
        try (var exec = QueryExecutionFactory.create(PREFIXES + query, ModelFactory.createModelForGraph(obce))) {
            List<QuerySolution> rows = new ArrayList<>();
            exec.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }
}
