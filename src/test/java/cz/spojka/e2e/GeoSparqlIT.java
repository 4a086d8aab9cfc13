package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.store.TdbEntityStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GeoSPARQL over the located entities, with the example queries of {@code vocab/queries/} run as they are written: a
 * hub with the Chrudim notice board (eDesky) and Prague's air-quality stations (Golemio), and five municipalities with
 * their points put into the store as the hub's reference data carries them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GeoSparqlIT extends HubUnderTest {

    private static final String OVZDUSI = "golemio-ovzdusi";
    private static final String STATIONS = "airqualitystations.json";
    private static final String PARDUBICE = "POINT(15.7808 50.0382)";
    private static final String HLINSKO = "POINT(15.907661 49.762231)";
    private static final String OLD_TOWN_SQUARE = "POINT(14.4213 50.0875)";
    private static final AgendaSystem AGENDA = new AgendaSystem().start();

    static {
        AGENDA.serve("/" + OVZDUSI + "/" + STATIONS, AgendaSystem.sample(OVZDUSI, STATIONS), "application/geo+json");
    }

    private static final TestHub HUB = TestHub.onFreePorts(
                    TestHub.tempDir("spojka-geo-it-"), AgendaSystem.connectors(AgendaSystem.EDESKY, OVZDUSI))
            .withAgenda(AGENDA.baseUrl());

    @Autowired
    TdbEntityStore store;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @BeforeEach
    void theSamplesAndTheMunicipalitiesAreInTheStore() {
        TestHub.awaitFirstRuns(connectors, List.of(AgendaSystem.EDESKY, OVZDUSI));
        awaitMaterialized();
        store.replaceGraphs(
                BASE_IRI + "vocab/reference/",
                Map.of(
                        BASE_IRI + "vocab/reference/obce",
                        RDFParser.source("src/test/resources/cz/spojka/e2e/geo/obce.ttl")
                                .toGraph()));
    }

    @Test
    void noticesOfMunicipalitiesWithin10KmOfAPoint() throws IOException {
        String query = Files.readString(Path.of("vocab/queries/notices-within-10-km.rq"));
        assertThat(query).contains(PARDUBICE);
        List<Binding> near = select(query);
        assertThat(near).hasSize(43).allSatisfy(row -> {
            assertThat(row.get("name").getLiteralLexicalForm()).isEqualTo("Chrudim");
            assertThat(number(row, "metres")).isCloseTo(9_880, within(50.0));
        });
        assertThat(near.stream().map(row -> row.get("notice").getURI()))
                .allMatch(notice -> notice.startsWith(BASE_IRI + "zdroj/uredni-deska/00270211/informace/"))
                .doesNotHaveDuplicates();

        assertThat(select(query.replace(PARDUBICE, HLINSKO)))
                .as("Chrudim is 22 km from Hlinsko")
                .isEmpty();
    }

    @Test
    void theGeoSparqlFunctionsWorkOnThePoints() {
        String prefixes = "PREFIX geo: <http://www.opengis.net/ont/geosparql#>"
                + " PREFIX geof: <http://www.opengis.net/def/function/geosparql/>"
                + " PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>"
                + " PREFIX dcterms: <http://purl.org/dc/terms/> ";
        List<Binding> inPardubiceRegion = select(prefixes + "SELECT ?name WHERE { ?m dcterms:title ?name ;"
                + " geo:hasGeometry/geo:asWKT ?p . FILTER(geof:sfWithin(?p, \"POLYGON((15.5 49.7, 16.2 49.7, 16.2 50.1,"
                + " 15.5 50.1, 15.5 49.7))\"^^geo:wktLiteral)) } ORDER BY ?name");
        assertThat(inPardubiceRegion.stream().map(row -> row.get("name").getLiteralLexicalForm()))
                .containsExactly("Chrudim", "Hlinsko", "Pardubice", "Slatiňany");
        List<Binding> distance = select(prefixes + "SELECT ?degrees ?metres WHERE {"
                + " <https://linked.cuzk.cz/resource/ruian/obec/571164> geo:hasGeometry/geo:asWKT ?a ."
                + " <https://linked.cuzk.cz/resource/ruian/obec/555134> geo:hasGeometry/geo:asWKT ?b ."
                + " BIND(geof:distance(?a, ?b, uom:degree) AS ?degrees)"
                + " BIND(geof:distance(?a, ?b, uom:metre) AS ?metres) }");
        assertThat(number(distance.get(0), "degrees"))
                .as("Chrudim–Pardubice in degrees of CRS84, as if longitude and latitude were alike")
                .isCloseTo(0.08571, within(0.00001));
        assertThat(distance.get(0).get("metres"))
                .as("geof:distance does not turn degrees into metres: spatialF:greatCircleGeom does")
                .isNull();
    }

    /**
     * The GeoSPARQL relations as property functions hold between geometries here: Jena relates a feature through its
     * {@code geo:hasDefaultGeometry}, which the data does not state, so the feature's {@code geo:hasGeometry} leads to
     * the geometry that is asked. Such a query reads the caller's graphs through the filtered view (QueryReach).
     */
    @Test
    void theGeoSparqlRelationsWorkAsPropertyFunctionsOnTheGeometries() {
        List<Binding> inPardubiceRegion = select("PREFIX geo: <http://www.opengis.net/ont/geosparql#>"
                + " PREFIX dcterms: <http://purl.org/dc/terms/>"
                + " SELECT ?name WHERE { ?m dcterms:title ?name ; geo:hasGeometry ?point ."
                + " ?point geo:sfWithin \"POLYGON((15.5 49.7, 16.2 49.7, 16.2 50.1, 15.5 50.1, 15.5 49.7))\"^^geo:wktLiteral"
                + " } ORDER BY ?name");
        assertThat(inPardubiceRegion.stream().map(row -> row.get("name").getLiteralLexicalForm()))
                .containsExactly("Chrudim", "Hlinsko", "Pardubice", "Slatiňany");
    }

    @Test
    void sensorsNearMe() throws IOException {
        String query = Files.readString(Path.of("vocab/queries/sensors-near-me.rq"));
        assertThat(query).contains(OLD_TOWN_SQUARE).contains("?metres <= 2000");
        List<Station> expected = stationsWithin(2_000, 14.4213, 50.0875);
        assertThat(expected).hasSizeGreaterThan(1);

        List<Binding> near = select(query);
        assertThat(near.stream()
                        .map(row -> row.get("station").getURI().replaceAll(".*/", ""))
                        .toList())
                .containsExactlyElementsOf(expected.stream().map(Station::code).toList());
        for (int i = 0; i < near.size(); i++) {
            assertThat(number(near.get(i), "metres")).isCloseTo(expected.get(i).metres(), within(10.0));
            assertThat(near.get(i).get("sensor").getURI())
                    .isEqualTo(BASE_IRI + "zdroj/kvalita-ovzdusi/00064581/senzor/golemio.cz/airqualitystations/"
                            + expected.get(i).code());
        }
    }

    private record Station(String code, double metres) {}

    /** The stations of the sample within {@code radius} metres, by the haversine formula, nearest first. */
    private static List<Station> stationsWithin(double radius, double longitude, double latitude) throws IOException {
        JsonNode sample = new ObjectMapper().readTree(AgendaSystem.sample(OVZDUSI, STATIONS));
        List<Station> within = new ArrayList<>();
        for (JsonNode feature : sample.get("features")) {
            JsonNode at = feature.at("/geometry/coordinates");
            double metres = haversine(
                    longitude, latitude, at.get(0).asDouble(), at.get(1).asDouble());
            if (metres <= radius) {
                within.add(new Station(feature.at("/properties/id").asText(), metres));
            }
        }
        within.sort(Comparator.comparingDouble(Station::metres));
        return within;
    }

    private static double haversine(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }

    private List<Binding> select(String query) {
        return sparql().rows(query);
    }

    private static double number(Binding row, String variable) {
        return Double.parseDouble(row.get(variable).getLiteralLexicalForm());
    }
}
