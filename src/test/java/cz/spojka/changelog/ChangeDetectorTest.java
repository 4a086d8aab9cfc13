package cz.spojka.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.mapping.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    private static final RunContext RUN = new RunContext(
            "desky", "uredni-deska", "http://hub.test/graph/g", Instant.parse("2026-11-26T10:00:00Z"), "1", "run-1");
    private final ChangeLogIndex index = new ChangeLogIndex();
    private final ChangeDetector detector = new ChangeDetector(index);

    @BeforeEach
    void publishedBefore() {
        long offset = 0;
        for (Change change : detect(
                RUN,
                List.of(entity("a", "h1", "r1"), entity("b", "h2", "r1"), entity("c", "h3", "r2")),
                true,
                Set.of())) {
            index.apply(change, 0, offset++);
        }
    }

    @Test
    void publishesNothingForAnUnchangedSnapshot() {
        assertThat(detect(
                        RUN,
                        List.of(entity("a", "h1", "r1"), entity("b", "h2", "r1"), entity("c", "h3", "r2")),
                        true,
                        Set.of()))
                .isEmpty();
    }

    @Test
    void createsUpdatesAndDeletesFromACompleteSnapshot() {
        List<Change> changes = detect(
                RUN,
                List.of(entity("a", "h1", "r1"), entity("b", "h2x", "r1"), entity("d", "h4", "r3")),
                true,
                Set.of());
        assertThat(changes)
                .extracting(c -> c.type() + " " + c.entityIri())
                .containsExactly("UPDATED b", "CREATED d", "DELETED c");
        Change deleted = changes.get(2);
        assertThat(deleted.kind()).isEqualTo("notice");
        assertThat(deleted.provenance().recordId()).isEqualTo("r2");
        assertThat(deleted.eventType()).isEqualTo("cz.spojka.notice.deleted");
    }

    @Test
    void aStateFetchedBeforeThePublishedOneNeverReplacesIt() {
        RunContext replayOfAnOlderLetter = new RunContext(
                "desky",
                "uredni-deska",
                "http://hub.test/graph/g",
                Instant.parse("2026-11-26T09:00:00Z"),
                "2",
                "run-2");
        assertThat(detect(
                        replayOfAnOlderLetter,
                        List.of(entity("b", "h2-old", "r1"), entity("d", "h4", "r3")),
                        false,
                        Set.of()))
                .extracting(c -> c.type() + " " + c.entityIri())
                .as("b was published from a later fetch; d is new")
                .containsExactly("CREATED d");
        RunContext later = new RunContext(
                "desky",
                "uredni-deska",
                "http://hub.test/graph/g",
                Instant.parse("2026-11-26T11:00:00Z"),
                "2",
                "run-3");
        assertThat(detect(later, List.of(entity("b", "h2-new", "r1")), false, Set.of()))
                .extracting(c -> c.type() + " " + c.entityIri())
                .containsExactly("UPDATED b");
    }

    @Test
    void keepsTheEntitiesOfRejectedRecords() {
        assertThat(detect(RUN, List.of(entity("a", "h1", "r1"), entity("b", "h2", "r1")), true, Set.of("r2")))
                .isEmpty();
    }

    @Test
    void keepsAnEntityTheGateRejected() {
        assertThat(detect(RUN, List.of(entity("a", "h1", "r1"), entity("c", "h3", "r2")), true, Set.of("b")))
                .isEmpty();
    }

    @Test
    void derivesNoDeletionsFromAnEmptySnapshot() {
        assertThat(detect(RUN, List.of(), true, Set.of())).isEmpty();
    }

    @Test
    void derivesNoDeletionsFromAnIncrementalRun() {
        assertThat(detect(RUN, List.of(entity("a", "h1", "r1")), false, Set.of()))
                .isEmpty();
    }

    @Test
    void neverDeletesAnotherConnectorsEntities() {
        RunContext other =
                new RunContext("other", "uredni-deska", "http://hub.test/graph/g2", RUN.fetchedAt(), "1", "run-2");
        assertThat(detect(other, List.of(), true, Set.of())).isEmpty();
    }

    @Test
    void refusesASnapshotThatWouldDeleteMoreThanTheMaximumShareAndDeletesNothing() {
        Set<String> onlyA = Set.of("a");
        assertThatThrownBy(() -> detector.deletions(RUN, onlyA, Set.of(), 50))
                .isInstanceOf(DeletionsRefusedException.class)
                .hasMessage("The complete snapshot would delete 2 of the connector's 3 published entities (67 %), more"
                        + " than resilience.maxDeletionShare (50 %) allows, so nothing was deleted: a truncated or"
                        + " partial export looks like this. If the source really removed them, allow it once with POST"
                        + " /api/connectors/desky/deletions/allow and run the connector again.");
        assertThat(detector.deletions(RUN, onlyA, Set.of(), 67))
                .as("two of three is within 67 %")
                .extracting(Change::entityIri)
                .containsExactlyInAnyOrder("b", "c");
        assertThatThrownBy(() -> detector.deletions(RUN, Set.of("a", "b"), Set.of(), 33))
                .as("one of three is 33.3 %, over 33 %")
                .isInstanceOf(DeletionsRefusedException.class);
        assertThat(detector.deletions(RUN, Set.of("a", "b"), Set.of(), 34))
                .extracting(Change::entityIri)
                .containsExactly("c");
    }

    private static Entity entity(String iri, String hash, String record) {
        return new Entity(iri, "notice", record, GraphFactory.createDefaultGraph(), hash);
    }

    /** A whole run as the ingest does it: creations and updates, then the deletions of a complete snapshot. */
    private List<Change> detect(RunContext run, List<Entity> entities, boolean complete, Set<String> rejected) {
        List<Change> changes = new ArrayList<>(detector.changes(run, entities));
        if (complete) {
            Set<String> seen = new HashSet<>();
            entities.forEach(e -> seen.add(e.iri()));
            changes.addAll(detector.deletions(run, seen, rejected, 100));
        }
        return changes;
    }
}
