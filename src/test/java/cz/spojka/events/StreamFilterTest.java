package cz.spojka.events;

import static cz.spojka.events.GeoPointTest.KIND;
import static cz.spojka.events.GeoPointTest.REPORT;
import static cz.spojka.events.GeoPointTest.REPORT_AND_KIND;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.CompactIris;
import cz.spojka.changelog.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Filters over real change events, as {@link ChangeEvents} writes them, of the citizen-report fixture. */
class StreamFilterTest {

    private static final String GRAPH = "https://data.spojka.example/graph/podnety/44992785";
    private static final StreamedEvent REPORT_CREATED = event(ChangeType.CREATED, REPORT, "citizen-report");
    private static final StreamedEvent KIND_CREATED = event(ChangeType.CREATED, KIND, "citizen-report-kind");
    private static final StreamedEvent REPORT_DELETED = event(ChangeType.DELETED, REPORT, "citizen-report");
    private static final BoundingBox SAN_FRANCISCO = new BoundingBox(-123, 37, -122, 38);
    private static final BoundingBox BRNO = new BoundingBox(16.4, 49.1, 16.8, 49.3);

    @Test
    void aTypeMatchesItselfAndTheTypesItIsADotSeparatedPrefixOf() {
        assertThat(matches(types("cz.spojka.citizen-report"))).containsExactly(true, false, true);
        assertThat(matches(types("cz.spojka.citizen-report.created"))).containsExactly(true, false, false);
        assertThat(matches(types("cz.spojka.citizen", "cz.spojka.citizen-report-kind")))
                .containsExactly(false, true, false);
        assertThat(matches(types("cz.spojka"))).containsExactly(true, true, true);
    }

    @Test
    void datasetAndMunicipalityComeFromTheEventsHeaders() {
        assertThat(REPORT_CREATED.dataset()).isEqualTo("podnety");
        assertThat(REPORT_CREATED.municipality()).isEqualTo("44992785");
        assertThat(matches(new StreamFilter(List.of(), Set.of("podnety"), Set.of("44992785"), null)))
                .containsExactly(true, true, true);
        assertThat(matches(new StreamFilter(List.of(), Set.of("uredni-deska"), Set.of(), null)))
                .containsExactly(false, false, false);
        assertThat(matches(new StreamFilter(List.of(), Set.of(), Set.of("00845451"), null)))
                .containsExactly(false, false, false);
    }

    @Test
    void aBoxPassesTheLocatedEntitiesInItAndEveryDeletion() {
        assertThat(matches(new StreamFilter(List.of(), Set.of(), Set.of(), SAN_FRANCISCO)))
                .containsExactly(true, false, true);
        assertThat(matches(new StreamFilter(List.of(), Set.of(), Set.of(), BRNO)))
                .as("a deletion carries no location")
                .containsExactly(false, false, true);
    }

    @Test
    void theFrameIsTheStructuredCloudEventWithThePositionAsItsId() {
        String frame = new String(REPORT_CREATED.frame(), UTF_8);

        assertThat(frame)
                .startsWith("id: 0:8,1:3\ndata: {\"specversion\":\"1.0\",")
                .endsWith("}\n\n");
        assertThat(frame.lines().toList())
                .as("the id, one line of data, the empty line")
                .hasSize(3)
                .endsWith("");
        assertThat(frame).contains("\"type\":\"cz.spojka.citizen-report.created\"", "\"data\":{\"entity\":{");
    }

    private static List<Boolean> matches(StreamFilter filter) {
        return List.of(REPORT_CREATED, KIND_CREATED, REPORT_DELETED).stream()
                .map(filter::matches)
                .toList();
    }

    private static StreamFilter types(String... types) {
        return new StreamFilter(List.of(types), Set.of(), Set.of(), null);
    }

    private static StreamedEvent event(ChangeType type, String iri, String kind) {
        Change change = new Change(
                type,
                iri,
                kind,
                "podnety",
                GRAPH,
                type == ChangeType.DELETED ? null : "hash",
                type == ChangeType.DELETED ? null : REPORT_AND_KIND,
                new Provenance("citizen-reports", "638344", Instant.parse("2026-11-26T10:00:00Z"), "1", "run-1"),
                List.of());
        TreeMap<Integer, Long> position = new TreeMap<>();
        position.put(0, 8L);
        position.put(1, 3L);
        return new StreamedEvent(
                new ChangeEvents("https://data.spojka.example/", new CompactIris(Map.of()), Map.of()).toEvent(change),
                new StreamPosition(position));
    }
}
