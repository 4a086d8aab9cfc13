package cz.spojka.connectors;

import static cz.spojka.connectors.ConnectorSamples.JSON;
import static cz.spojka.connectors.ConnectorSamples.hashes;
import static cz.spojka.connectors.ConnectorSamples.map;
import static cz.spojka.connectors.ConnectorSamples.observationsByProperty;
import static cz.spojka.connectors.ConnectorSamples.select;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.mapping.Entity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** golemio-ovzdusi over the real Golemio snapshot of the ČHMÚ air-quality stations in Prague (15 May 2019). */
class GolemioOvzdusiConnectorTest {

    private static final String CONNECTOR = "golemio-ovzdusi";
    private static final String BASE = "http://localhost:8080/zdroj/kvalita-ovzdusi/00064581/";
    private static final String ABREA = BASE + "stanice/golemio.cz/airqualitystations/ABREA";

    @TempDir
    Path dir;

    @Test
    void mapsEveryStationAndEveryReadingOfTheSnapshot() {
        ConnectorDryRun.SampleResult sample = ConnectorSamples.bundled(CONNECTOR);

        assertThat(sample.file().getFileName()).hasToString("airqualitystations.json");
        assertThat(sample.records()).isEqualTo(15);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("air-quality-station", 15L, "sensor", 15L, "observation", 69L));
        assertThat(observationsByProperty(sample.graph()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "index-kvality-ovzdusi", 14,
                        "pm10-1h", 14,
                        "pm10-24h", 14,
                        "no2-1h", 11,
                        "pm2-5-1h", 6,
                        "o3-1h", 6,
                        "co-8h", 2,
                        "so2-1h", 2));
    }

    @Test
    void aStationHasItsNameItsPointInLongitudeLatitudeOrderAndPrague() {
        List<Map<String, String>> rows =
                select(ConnectorSamples.bundled(CONNECTOR).graph(), """
                SELECT ?code ?title ?wkt ?municipality ?sensor WHERE {
                  <%s> a sosa:Platform, sosa:FeatureOfInterest ; dcterms:identifier ?code ; dcterms:title ?title ;
                    dcterms:spatial ?municipality ; geo:hasGeometry/geo:asWKT ?wkt .
                  ?sensor sosa:isHostedBy <%s> .
                }
                """.formatted(ABREA, ABREA));
        assertThat(rows)
                .containsExactly(Map.of(
                        "code", "ABREA",
                        "title", "Praha 6-Břevnov",
                        "wkt", "POINT(14.380116 50.084385)",
                        "municipality", "https://linked.cuzk.cz/resource/ruian/obec/554782",
                        "sensor", BASE + "senzor/golemio.cz/airqualitystations/ABREA"));
    }

    @Test
    void theOneAndTheTwentyFourHourPm10MeanOfTheSameHourAreDifferentObservations() {
        List<Map<String, String>> rows =
                select(ConnectorSamples.bundled(CONNECTOR).graph(), """
                SELECT ?observation ?value ?unit ?time WHERE {
                  ?observation sosa:hasFeatureOfInterest <%s> ;
                    sosa:observedProperty ?property ; sosa:resultTime ?time ;
                    sosa:hasResult [ qudt:numericValue ?value ; qudt:hasUnit ?unit ] .
                  FILTER(?property IN (vlastnost:pm10-1h, vlastnost:pm10-24h))
                } ORDER BY ?value
                """.formatted(ABREA));
        String observations = BASE + "pozorovani/golemio.cz/airqualitystations/ABREA/";
        String unit = "http://qudt.org/vocab/unit/MicroGM-PER-M3";
        assertThat(rows)
                .containsExactly(
                        Map.of(
                                "observation",
                                observations + "pm10-24h/2019-05-15T20:20:00.303Z",
                                "value",
                                "8.708",
                                "unit",
                                unit,
                                "time",
                                "2019-05-15T20:20:00.303Z"),
                        Map.of(
                                "observation",
                                observations + "pm10-1h/2019-05-15T20:20:00.303Z",
                                "value",
                                "11",
                                "unit",
                                unit,
                                "time",
                                "2019-05-15T20:20:00.303Z"));
    }

    @Test
    void aStationWithoutMeasurementsIsPublishedWithoutObservations() {
        ConnectorDryRun.SampleResult sample = ConnectorSamples.bundled(CONNECTOR);
        assertThat(sample.entities())
                .filteredOn(e -> e.recordId().equals("ASMIA"))
                .extracting(Entity::kind)
                .containsExactlyInAnyOrder("air-quality-station", "sensor");
    }

    /** One Feature per message (e.g. MQTT) gives exactly the entities the same Feature gives in the collection. */
    @Test
    void aSingleFeatureMessageMapsAsTheSameFeatureInTheCollection() throws IOException {
        JsonNode abrea = feature("ABREA");
        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, abrea);

        assertThat(message.records()).isEqualTo(1);
        assertThat(message.violations()).isEmpty();
        assertThat(hashes(message.entities())).hasSize(2 + 4).isEqualTo(hashes(fromCollection("ABREA")));
    }

    /** The current v2 API gives updated_at as an ISO string: the same reading keeps its IRIs and content. */
    @Test
    void anIsoResultTimeGivesTheSameObservationsAsEpochMilliseconds() throws IOException {
        ObjectNode abrea = (ObjectNode) feature("ABREA");
        ((ObjectNode) abrea.get("properties")).put("updated_at", "2019-05-15T22:20:00.303+02:00");

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, abrea);

        assertThat(hashes(message.entities())).isEqualTo(hashes(fromCollection("ABREA")));
    }

    @Test
    void aRePollOfTheSameSnapshotGivesTheSameIrisAndContent() {
        assertThat(hashes(ConnectorSamples.bundled(CONNECTOR).entities()))
                .hasSize(99)
                .isEqualTo(hashes(ConnectorSamples.bundled(CONNECTOR).entities()));
    }

    @Test
    void aComponentOfAnUnknownPollutantFailsTheGateNamingTheObservedProperty() throws IOException {
        ObjectNode abrea = (ObjectNode) feature("ABREA");
        ((ArrayNode) abrea.at("/properties/measurement/components"))
                .add(JSON.readTree(
                        "{\"averaged_time\": {\"averaged_hours\": 1.0, \"value\": 0.4}, \"type\": \"BZN\"}"));

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, abrea);

        assertThat(message.rejected()).isEmpty();
        assertThat(message.entities()).hasSize(2 + 5);
        assertThat(message.violations())
                .containsOnlyKeys(
                        BASE + "pozorovani/golemio.cz/airqualitystations/ABREA/BZN-1h/2019-05-15T20:20:00.303Z");
        assertThat(message.violations().values().iterator().next().reason())
                .isEqualTo("SHACL: 1 violation(s); An observation must have exactly one observed property"
                        + " (sosa:observedProperty), an item of the codelist"
                        + " https://w3id.org/spojka/číselníky/pozorované-vlastnosti"
                        + " [path <http://www.w3.org/ns/sosa/observedProperty>]");
    }

    @Test
    void aFeatureWithoutAStationCodeIsRejectedAsUnidentified() throws IOException {
        ObjectNode abrea = (ObjectNode) feature("ABREA");
        ((ObjectNode) abrea.get("properties")).remove("id");

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, abrea);

        assertThat(message.entities()).isEmpty();
        assertThat(message.rejected()).containsExactly(Map.entry("#0", "the record has no id at '/properties/id'"));
    }

    private static JsonNode feature(String station) throws IOException {
        for (JsonNode feature :
                ConnectorSamples.sample(CONNECTOR, "airqualitystations.json").get("features")) {
            if (feature.at("/properties/id").asText().equals(station)) {
                return feature;
            }
        }
        throw new IllegalArgumentException("no station " + station);
    }

    private static List<Entity> fromCollection(String station) {
        return ConnectorSamples.bundled(CONNECTOR).entities().stream()
                .filter(e -> e.recordId().equals(station))
                .toList();
    }
}
