package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDryRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connectors/citizen-reports}: the webhook connector's configuration and the GeoReport v2 spec's example of one
 * service request through the real mapping and SHACL gate. What the webhook does with a push before the mapping
 * (API key, schema, dropped fields) is covered end to end by {@code CitizenReportsWebhookIT}.
 */
class CitizenReportsTest {

    private static final Path FOLDER = Path.of("connectors/citizen-reports");
    private static final String REPORT = "http://localhost:8080/zdroj/podnety/44992785/podnět/638344";

    private final ConnectorDryRun dryRun = ConnectorDryRun.ofRepository(Path.of(""));

    @Test
    void isAWebhookConnectorWithTheDemoKeyTheRequestSchemaAndThePersonalFieldsToDrop() {
        ConnectorDryRun.Result result = dryRun.test(FOLDER, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().template()).isEqualTo("webhook");
        assertThat(result.definition().schedule()).isNull();
        assertThat(result.definition().completeSnapshots()).isFalse();
        assertThat(result.definition().parameters())
                .containsEntry("apiKey", "demo-key")
                .containsEntry("apiKeyHeader", "X-Api-Key")
                .containsEntry("contentTypes", "application/json")
                .containsEntry("maxBytes", "1048576")
                .containsEntry(
                        "jsonSchema",
                        FOLDER.resolve("georeport-v2-request.schema.json").toString())
                .containsEntry("dropFields", "email,phone,first_name,last_name,device_id,account_id,attribute");
    }

    @Test
    void mapsTheSpecExampleRequestToOneReportAndItsKind() {
        ConnectorDryRun.SampleResult sample = dryRun.test(FOLDER, null).sample("request-638344.json");

        assertThat(sample.records()).isEqualTo(1);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind()).isEqualTo(Map.of("citizen-report", 1L, "citizen-report-kind", 1L));
        assertThat(Sparql.select(sample.graph(), """
                        SELECT ?id ?status ?submitted ?wkt ?code ?name WHERE {
                          <%s> a podněty:podnět ; dcterms:identifier ?id ; adms:status ?status ;
                            dcterms:dateSubmitted ?submitted ; geo:hasGeometry/geo:asWKT ?wkt ;
                            dcterms:type [ skos:notation ?code ; skos:prefLabel ?name ] .
                        }""".formatted(REPORT)))
                .containsExactly(Map.of(
                        "id", "\"638344\"",
                        "status", "<https://w3id.org/spojka/číselníky/stavy-podnětů/položky/closed>",
                        "submitted", "\"2010-04-14T06:37:38-08:00\"^^xsd:dateTimeStamp",
                        "wkt", "\"POINT(-122.4651145 37.762221815)\"^^geo:wktLiteral",
                        "code", "\"006\"",
                        "name", "\"Sidewalk and Curb Issues\"@en"));
    }

    /**
     * Even when the webhook has not dropped them, the mapping never reads the reporter's fields of a GeoReport v2 POST
     * (the values of the spec's example request).
     */
    @Test
    void theMappingIgnoresThePersonalFieldsOfTheReporter(@TempDir Path dir) throws IOException {
        Path withReporter = dir.resolve("request.json");
        Files.writeString(
                withReporter,
                Files.readString(FOLDER.resolve("samples/request-638344.json"))
                        .replace(
                                "\"status\":\"closed\",",
                                "\"status\":\"closed\", \"email\":\"smit333@sfgov.edu\", \"device_id\":\"tt222111\","
                                        + " \"account_id\":\"123456\", \"first_name\":\"john\","
                                        + " \"last_name\":\"smith\", \"phone\":\"111111111\","));

        ConnectorDryRun.SampleResult sample =
                dryRun.test(FOLDER, withReporter).samples().get(0);

        assertThat(sample.passed()).isTrue();
        assertThat(sample.turtle()).doesNotContain("smit333", "tt222111", "123456", "john", "smith", "111111111");
    }

    @Test
    void aRequestTimeWithoutTimeZoneFailsTheGate(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("request.json");
        Files.writeString(
                broken,
                Files.readString(FOLDER.resolve("samples/request-638344.json"))
                        .replace(
                                "\"requested_datetime\":\"2010-04-14T06:37:38-08:00\"",
                                "\"requested_datetime\":\"2010-04-14T06:37:38\""));

        ConnectorDryRun.SampleResult sample =
                dryRun.test(FOLDER, broken).samples().get(0);

        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).containsOnlyKeys(REPORT);
        assertThat(sample.violations().get(REPORT).reason())
                .contains("A citizen report must have exactly one submission time (dcterms:dateSubmitted), an"
                        + " xsd:dateTimeStamp");
    }
}
