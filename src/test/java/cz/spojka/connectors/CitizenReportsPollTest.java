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
 * {@code connectors/citizen-reports-poll}: the GeoReport v2 spec's example response of GET requests.json (two service
 * requests of one kind) through the real mapping and SHACL gate.
 */
class CitizenReportsPollTest {

    private static final Path FOLDER = Path.of("connectors/citizen-reports-poll");
    private static final String REPORTS = "http://localhost:8080/zdroj/podnety/00845451/podnět/";
    private static final String KIND = "http://localhost:8080/zdroj/podnety/00845451/druh-podnětu/006";
    private static final String STATUSES = "https://w3id.org/spojka/číselníky/stavy-podnětů/položky/";

    private final ConnectorDryRun dryRun = ConnectorDryRun.ofRepository(Path.of(""));

    @Test
    void mapsBothRequestsOfTheSpecExampleAndTheirOneKind() {
        ConnectorDryRun.Result result = dryRun.test(FOLDER, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().template()).isEqualTo("http-poll");
        assertThat(result.definition().completeSnapshots()).isFalse();
        ConnectorDryRun.SampleResult sample = result.sample("requests.json");
        assertThat(sample.records()).isEqualTo(2);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind()).isEqualTo(Map.of("citizen-report", 2L, "citizen-report-kind", 1L));
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aClosedRequestKeepsItsStatusNotesTimesAddressAndPoint() {
        ConnectorDryRun.SampleResult sample = dryRun.test(FOLDER, null).sample("requests.json");

        assertThat(Sparql.select(sample.graph(), """
                        SELECT ?status ?notes ?submitted ?modified ?address ?wkt ?kind WHERE {
                          <%s638344> adms:status ?status ; podněty:poznámka-ke-stavu ?notes ;
                            dcterms:dateSubmitted ?submitted ; dcterms:modified ?modified ; schema:address ?address ;
                            geo:hasGeometry [ a sf:Point ; geo:asWKT ?wkt ] ; dcterms:type ?kind .
                        }""".formatted(REPORTS)))
                .containsExactly(Map.of(
                        "status", "<" + STATUSES + "closed>",
                        "notes", "\"Duplicate request.\"",
                        "submitted", "\"2010-04-14T06:37:38-08:00\"^^xsd:dateTimeStamp",
                        "modified", "\"2010-04-14T06:37:38-08:00\"^^xsd:dateTimeStamp",
                        "address", "\"8TH AVE and JUDAH ST\"",
                        "wkt", "\"POINT(-122.4651145 37.762221815)\"^^geo:wktLiteral",
                        "kind", "<" + KIND + ">"));
    }

    @Test
    void anOpenRequestHasNoStatusNotesAndTheKindIsACodelistItem() {
        ConnectorDryRun.SampleResult sample = dryRun.test(FOLDER, null).sample("requests.json");

        assertThat(Sparql.select(sample.graph(), "SELECT ?p WHERE { <" + REPORTS + "638349> ?p ?o } ORDER BY ?p"))
                .extracting(row -> row.get("p"))
                .containsExactlyInAnyOrder(
                        "dcterms:dateSubmitted",
                        "dcterms:identifier",
                        "dcterms:modified",
                        "dcterms:type",
                        "rdf:type",
                        "schema:address",
                        "geo:hasGeometry",
                        "adms:status");
        assertThat(Sparql.select(
                        sample.graph(),
                        "SELECT ?notation ?label ?scheme WHERE { <" + KIND
                                + "> a skos:Concept, podněty:druh-podnětu ;"
                                + " skos:notation ?notation ; skos:prefLabel ?label ; skos:inScheme ?scheme }"))
                .containsExactly(Map.of(
                        "notation", "\"006\"",
                        "label", "\"Sidewalk and Curb Issues\"@en",
                        "scheme", "<http://localhost:8080/zdroj/podnety/00845451/druhy-podnětů>"));
    }

    /** address_id, zipcode, expected_datetime and media_url are in the source and nowhere in the graph. */
    @Test
    void unmappedFieldsOfTheSourceAreNotPublished() {
        ConnectorDryRun.SampleResult sample = dryRun.test(FOLDER, null).sample("requests.json");

        assertThat(sample.turtle())
                .doesNotContain("545483", "94122", "2010-04-15T06:37:38", "city.gov.s3.amazonaws.com")
                .contains("638344", "638349");
    }

    @Test
    void anUnknownStatusFailsTheGateAndARequestWithoutIdIsRejected(@TempDir Path dir) throws IOException {
        String real = Files.readString(FOLDER.resolve("samples/requests.json"));
        Path broken = dir.resolve("requests.json");
        Files.writeString(
                broken,
                real.replace("\"status\":\"open\"", "\"status\":\"pending\"")
                        .replace("\"service_request_id\":\"638344\",", ""));

        ConnectorDryRun.SampleResult sample =
                dryRun.test(FOLDER, broken).samples().get(0);

        assertThat(sample.records()).isEqualTo(2);
        assertThat(sample.rejected()).isEqualTo(Map.of("#0", "the record has no id at '/service_request_id'"));
        assertThat(sample.violations()).containsOnlyKeys(REPORTS + "638349");
        assertThat(sample.violations().get(REPORTS + "638349").reason())
                .contains("A citizen report must have exactly one status (adms:status): open or closed of the"
                        + " codelist https://w3id.org/spojka/číselníky/stavy-podnětů");
        assertThat(sample.entitiesByKind()).isEqualTo(Map.of("citizen-report", 1L, "citizen-report-kind", 1L));
        assertThat(sample.passed()).isFalse();
    }
}
