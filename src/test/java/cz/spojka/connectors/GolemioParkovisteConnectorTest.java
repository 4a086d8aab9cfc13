package cz.spojka.connectors;

import static cz.spojka.connectors.ConnectorSamples.hashes;
import static cz.spojka.connectors.ConnectorSamples.map;
import static cz.spojka.connectors.ConnectorSamples.observationsByProperty;
import static cz.spojka.connectors.ConnectorSamples.select;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.mapping.Entity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** golemio-parkoviste over the real Golemio snapshot of the P+R and paid parking lots in Prague (15 May 2019). */
class GolemioParkovisteConnectorTest {

    private static final String CONNECTOR = "golemio-parkoviste";
    private static final String BASE = "http://localhost:8080/zdroj/obsazenost-parkovist/00064581/";
    private static final String LETNANY = BASE + "parkoviste/golemio.cz/parkings/534016";

    @TempDir
    Path dir;

    @Test
    void mapsEveryParkingLotAndItsFreeOccupiedAndTotalPlaces() {
        ConnectorDryRun.SampleResult sample = ConnectorSamples.bundled(CONNECTOR);

        assertThat(sample.file().getFileName()).hasToString("parkings.json");
        assertThat(sample.records()).isEqualTo(15);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind())
                .containsExactlyInAnyOrderEntriesOf(Map.of("parking-lot", 15L, "sensor", 15L, "observation", 45L));
        assertThat(observationsByProperty(sample.graph()))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("volna-parkovaci-mista", 15, "obsazena-parkovaci-mista", 15, "kapacita-parkoviste", 15));
    }

    @Test
    void aParkingLotHasItsNameItsPointAndPrague() {
        List<Map<String, String>> rows =
                select(ConnectorSamples.bundled(CONNECTOR).graph(), """
                SELECT ?number ?title ?wkt ?municipality WHERE {
                  <%s> a sosa:Platform, sosa:FeatureOfInterest, <http://schema.org/ParkingFacility> ;
                    dcterms:identifier ?number ; dcterms:title ?title ; dcterms:spatial ?municipality ;
                    geo:hasGeometry/geo:asWKT ?wkt .
                }
                """.formatted(LETNANY));
        assertThat(rows)
                .containsExactly(Map.of(
                        "number", "534016",
                        "title", "Letňany",
                        "wkt", "POINT(14.514741 50.125168)",
                        "municipality", "https://linked.cuzk.cz/resource/ruian/obec/554782"));
    }

    @Test
    void theReadingsCarryTheVendorsMeasurementTimeAsResultAndPhenomenonTime() {
        List<Map<String, String>> rows =
                select(ConnectorSamples.bundled(CONNECTOR).graph(), """
                SELECT ?property ?value ?unit ?resultTime ?phenomenonTime ?sensor WHERE {
                  ?observation sosa:hasFeatureOfInterest <%s> ; sosa:observedProperty ?property ;
                    sosa:madeBySensor ?sensor ; sosa:resultTime ?resultTime ;
                    sosa:phenomenonTime/time:inXSDDateTimeStamp ?phenomenonTime ;
                    sosa:hasResult [ qudt:numericValue ?value ; qudt:hasUnit ?unit ] .
                } ORDER BY ?value
                """.formatted(LETNANY));
        String sensor = BASE + "senzor/golemio.cz/parkings/534016";
        String time = "2019-05-15T20:55:02Z";
        String unit = "http://qudt.org/vocab/unit/NUM";
        String properties = "https://w3id.org/spojka/číselníky/pozorované-vlastnosti/položky/";
        assertThat(rows)
                .containsExactly(
                        row(properties + "obsazena-parkovaci-mista", "4", unit, time, sensor),
                        row(properties + "volna-parkovaci-mista", "629", unit, time, sensor),
                        row(properties + "kapacita-parkoviste", "633", unit, time, sensor));
    }

    @Test
    void aSingleFeatureMessageMapsAsTheSameFeatureInTheCollection() throws IOException {
        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, feature(534016));

        assertThat(message.records()).isEqualTo(1);
        assertThat(message.violations()).isEmpty();
        assertThat(hashes(message.entities())).hasSize(2 + 3).isEqualTo(hashes(fromCollection("534016.0")));
    }

    /** Golemio's own fetch time changes on every poll; the reading, by the vendor's time, does not. */
    @Test
    void aNewGolemioFetchTimeWithoutANewReadingChangesNothing() throws IOException {
        ObjectNode letnany = (ObjectNode) feature(534016);
        ((ObjectNode) letnany.get("properties")).put("updated_at", "2019-05-15T21:05:00.139Z");

        assertThat(hashes(map(CONNECTOR, dir, letnany).entities())).isEqualTo(hashes(fromCollection("534016.0")));
    }

    /** A new vendor time, here an ISO string with an offset, is a new reading; its IRI has the canonical UTC time. */
    @Test
    void aNewReadingOfTheVendorIsANewObservation() throws IOException {
        ObjectNode letnany = (ObjectNode) feature(534016);
        ((ObjectNode) letnany.get("properties"))
                .put("last_updated", "2019-05-15T23:00:02.500+02:00")
                .put("num_of_free_places", 600);

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, letnany);

        assertThat(message.violations()).isEmpty();
        assertThat(message.entities())
                .extracting(Entity::iri)
                .contains(BASE + "pozorovani/golemio.cz/parkings/534016/volna-parkovaci-mista/2019-05-15T21:00:02.5Z")
                .doesNotContainAnyElementsOf(fromCollection("534016.0").stream()
                        .filter(e -> e.kind().equals("observation"))
                        .map(Entity::iri)
                        .toList());
    }

    @Test
    void aCountThatIsNotANumberFailsTheGateNamingTheNumericValue() throws IOException {
        ObjectNode letnany = (ObjectNode) feature(534016);
        ((ObjectNode) letnany.get("properties")).put("num_of_free_places", "n/a");

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, letnany);

        assertThat(message.rejected()).isEmpty();
        assertThat(message.violations())
                .containsOnlyKeys(
                        BASE + "pozorovani/golemio.cz/parkings/534016/volna-parkovaci-mista/2019-05-15T20:55:02Z");
        assertThat(message.violations().values().iterator().next().reason())
                .isEqualTo("SHACL: 1 violation(s); A result must have exactly one numeric value (qudt:numericValue),"
                        + " an xsd:decimal [path <http://qudt.org/schema/qudt/numericValue>]");
    }

    private static Map<String, String> row(String property, String value, String unit, String time, String sensor) {
        return Map.of(
                "property", property,
                "value", value,
                "unit", unit,
                "resultTime", time,
                "phenomenonTime", time,
                "sensor", sensor);
    }

    private static JsonNode feature(long parking) throws IOException {
        for (JsonNode feature :
                ConnectorSamples.sample(CONNECTOR, "parkings.json").get("features")) {
            if (feature.at("/properties/id").asLong() == parking) {
                return feature;
            }
        }
        throw new IllegalArgumentException("no parking lot " + parking);
    }

    private static List<Entity> fromCollection(String recordId) {
        return ConnectorSamples.bundled(CONNECTOR).entities().stream()
                .filter(e -> e.recordId().equals(recordId))
                .toList();
    }
}
