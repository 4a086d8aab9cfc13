package cz.spojka.connectors;

import static cz.spojka.connectors.ConnectorSamples.JSON;
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

/** golemio-kontejnery over the real Golemio snapshot of fill-level measurements of recycling containers (May 2019). */
class GolemioKontejneryConnectorTest {

    private static final String CONNECTOR = "golemio-kontejnery";
    private static final String BASE = "http://localhost:8080/zdroj/zaplnenost-nadob/00064581/";
    private static final String SENSOR = BASE + "senzor/golemio.cz/sortedwastestations/0009%2F%20157C00353";
    private static final String OBSERVATIONS = BASE + "pozorovani/golemio.cz/sortedwastestations/0009%2F%20157C00353/";
    /** The "Sorted Waste Measurement" example of the Golemio v2 API blueprint (apiary_docs.2022-05-26.apib). */
    private static final String V2_MEASUREMENT = """
            {"id": "41fa5890-527a-5c5f-8fc3-2ecd6bd4a8fa", "sensor_code": "0009/ 157C00353",
             "percent_calculated": 67, "upturned": 0, "temperature": 15, "battery_status": 3.76,
             "measured_at_utc": "2019-05-17T15:11:27.000Z", "prediction_utc": "2019-05-18T07:38:37.000Z",
             "firealarm": 0}
            """;

    @TempDir
    Path dir;

    @Test
    void mapsEveryMeasurementToAFillLevelAndATemperatureObservation() {
        ConnectorDryRun.SampleResult sample = ConnectorSamples.bundled(CONNECTOR);

        assertThat(sample.file().getFileName()).hasToString("sortedwastestations_measurements.json");
        assertThat(sample.records()).isEqualTo(50);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind())
                .containsExactlyInAnyOrderEntriesOf(Map.of("waste-container", 41L, "sensor", 47L, "observation", 100L));
        assertThat(observationsByProperty(sample.graph()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("zaplnenost-nadoby", 50, "teplota-v-nadobe", 50));
    }

    @Test
    void aReadingHasItsValueUnitAndTimesAndNamesItsSensorAndContainer() {
        List<Map<String, String>> rows =
                select(ConnectorSamples.bundled(CONNECTOR).graph(), """
                SELECT ?observation ?value ?unit ?time ?stamp ?container ?code ?containerId WHERE {
                  ?observation sosa:madeBySensor <%s> ; sosa:hasFeatureOfInterest ?container ;
                    sosa:resultTime ?time ; sosa:phenomenonTime/time:inXSDDateTimeStamp ?stamp ;
                    sosa:hasResult [ qudt:numericValue ?value ; qudt:hasUnit ?unit ] .
                  <%s> dcterms:identifier ?code ; sosa:isHostedBy ?container .
                  ?container a nádoby:nádoba-na-tříděný-odpad ; dcterms:identifier ?containerId .
                } ORDER BY ?unit
                """.formatted(SENSOR, SENSOR));
        String container = BASE + "nadoba/golemio.cz/sortedwastestations/29999";
        String time = "2019-05-17T15:11:27Z";
        assertThat(rows)
                .containsExactly(
                        Map.of(
                                "observation",
                                OBSERVATIONS + "teplota-v-nadobe/" + time,
                                "value",
                                "15",
                                "unit",
                                "http://qudt.org/vocab/unit/DEG_C",
                                "time",
                                time,
                                "stamp",
                                time,
                                "container",
                                container,
                                "code",
                                "0009/ 157C00353",
                                "containerId",
                                "29999"),
                        Map.of(
                                "observation",
                                OBSERVATIONS + "zaplnenost-nadoby/" + time,
                                "value",
                                "67",
                                "unit",
                                "http://qudt.org/vocab/unit/PERCENT",
                                "time",
                                time,
                                "stamp",
                                time,
                                "container",
                                container,
                                "code",
                                "0009/ 157C00353",
                                "containerId",
                                "29999"));
    }

    /** The snapshot gives container 30162 for seven sensors at seven stations; each sensor keeps its one container. */
    @Test
    void aContainerNumberSharedBySeveralSensorsIsOneContainerHostingEachOfThem() {
        List<Map<String, String>> rows =
                select(ConnectorSamples.bundled(CONNECTOR).graph(), """
                SELECT (COUNT(?sensor) AS ?sensors) WHERE {
                  ?sensor sosa:isHostedBy <%snadoba/golemio.cz/sortedwastestations/30162> .
                }
                """.formatted(BASE));
        assertThat(rows).containsExactly(Map.of("sensors", "7"));
    }

    @Test
    void aSingleMeasurementMessageMapsAsTheSameMeasurementInTheArray() throws IOException {
        JsonNode first = ConnectorSamples.sample(CONNECTOR, "sortedwastestations_measurements.json")
                .get(0);

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, first);

        assertThat(message.records()).isEqualTo(1);
        assertThat(message.violations()).isEmpty();
        assertThat(hashes(message.entities())).hasSize(2 + 2).isEqualTo(hashes(fromArray("12561706")));
    }

    /** The current API names the container by "id" and the sensor by "sensor_code"; the reading keeps its IRIs. */
    @Test
    void theV2MeasurementOfTheApiBlueprintGivesTheSameObservationIris() throws IOException {
        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, JSON.readTree(V2_MEASUREMENT));

        assertThat(message.rejected()).isEmpty();
        assertThat(message.violations()).isEmpty();
        assertThat(message.entities())
                .extracting(Entity::iri)
                .containsExactlyInAnyOrder(
                        BASE + "nadoba/golemio.cz/sortedwastestations/41fa5890-527a-5c5f-8fc3-2ecd6bd4a8fa",
                        SENSOR,
                        OBSERVATIONS + "zaplnenost-nadoby/2019-05-17T15:11:27Z",
                        OBSERVATIONS + "teplota-v-nadobe/2019-05-17T15:11:27Z")
                .containsAll(fromArray("12561706").stream()
                        .filter(e -> e.kind().equals("observation"))
                        .map(Entity::iri)
                        .toList());
    }

    @Test
    void aMeasurementWithoutAValidTimeFailsTheGateNamingTheResultTime() throws IOException {
        ObjectNode first = (ObjectNode) ConnectorSamples.sample(CONNECTOR, "sortedwastestations_measurements.json")
                .get(0);
        first.put("measured_at_utc", "yesterday");

        ConnectorDryRun.SampleResult message = map(CONNECTOR, dir, first);

        assertThat(message.rejected()).isEmpty();
        assertThat(message.violations())
                .containsOnlyKeys(
                        OBSERVATIONS + "zaplnenost-nadoby/yesterday", OBSERVATIONS + "teplota-v-nadobe/yesterday");
        assertThat(message.violations().values())
                .allSatisfy(verdict -> assertThat(verdict.reason())
                        .isEqualTo("SHACL: 1 violation(s); An observation must have exactly one result time"
                                + " (sosa:resultTime), an xsd:dateTime [path <http://www.w3.org/ns/sosa/resultTime>]"));
    }

    private static List<Entity> fromArray(String recordId) {
        return ConnectorSamples.bundled(CONNECTOR).entities().stream()
                .filter(e -> e.recordId().equals(recordId))
                .toList();
    }
}
