package cz.spojka.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entities held for review and the decisions on them, as kept under the data directory. */
class HeldEntitiesTest {

    private static final String A = "http://hub.test/zdroj/a";
    private static final String B = "http://hub.test/zdroj/b";
    private static final Instant FETCHED = Instant.parse("2024-05-01T10:00:00Z");
    private static final Entity NOVAK_JAN = entity(A, "Výzva k převzetí písemnosti - Jan NOVÁK");
    private static final Entity NOVAK_PETR = entity(B, "Výzva k převzetí písemnosti - Petr NOVÁK");

    @Test
    void aRestartKeepsTheHeldEntitiesWithTheirFindingsAndTheirTriples(@TempDir Path dir) {
        HeldEntities held = new HeldEntities(dir);
        List<EntityFinding> findings =
                List.of(new EntityFinding(PersonalDataKind.NAME, "Jan NOVÁK", "http://purl.org/dc/terms/title", false));
        held.recordRun("c", List.of(HeldEntity.of("c", NOVAK_JAN, findings, FETCHED, "1")), Set.of(A), true);

        HeldEntities restarted = new HeldEntities(dir);
        assertThat(restarted.all()).singleElement().satisfies(entry -> {
            assertThat(entry.connectorId()).isEqualTo("c");
            assertThat(entry.key()).hasSize(16).isEqualTo(HeldEntity.key(A));
            assertThat(entry.findings()).isEqualTo(findings);
            assertThat(entry.fetchedAt()).isEqualTo(FETCHED);
            assertThat(entry.entity().hash())
                    .as("the same triples, blank nodes and all")
                    .isEqualTo(NOVAK_JAN.hash());
        });
        assertThat(restarted.held("c", HeldEntity.key(A))).isPresent();
        assertThat(restarted.held("other")).isEmpty();
    }

    @Test
    void aDecisionHoldsForTheContentItWasTakenOnAndSurvivesARestart(@TempDir Path dir) {
        HeldEntities held = twoHeld(dir);
        held.decide(held.held("c", HeldEntity.key(A)).orElseThrow(), HeldEntities.Decision.RELEASED);
        held.decide(held.held("c", HeldEntity.key(B)).orElseThrow(), HeldEntities.Decision.DISCARDED);

        HeldEntities restarted = new HeldEntities(dir);
        assertThat(restarted.all()).isEmpty();
        assertThat(restarted.decision("c", A, NOVAK_JAN.hash())).isEqualTo(HeldEntities.Decision.RELEASED);
        assertThat(restarted.decision("c", B, NOVAK_PETR.hash())).isEqualTo(HeldEntities.Decision.DISCARDED);
        Entity changed = entity(A, "Výzva k převzetí písemnosti - Jan NOVÁK, nar. 1.2.1980");
        assertThat(restarted.decision("c", A, changed.hash()))
                .as("new content, new review")
                .isNull();
    }

    @Test
    void aRunThatDeliversAnEntityWithoutHoldingItAndACompleteSnapshotWithoutItEndItsHold(@TempDir Path dir) {
        HeldEntities held = twoHeld(dir);
        held.decide(held.held("c", HeldEntity.key(B)).orElseThrow(), HeldEntities.Decision.DISCARDED);

        held.recordRun("c", List.of(), Set.of(A), false);
        assertThat(held.held("c")).as("delivered without personal data now").isEmpty();
        assertThat(held.decision("c", B, NOVAK_PETR.hash()))
                .as("a partial run forgets nothing")
                .isNotNull();

        held.recordRun("c", List.of(entry(NOVAK_JAN)), Set.of(A), true);
        assertThat(held.held("c")).extracting(HeldEntity::iri).containsExactly(A);
        assertThat(held.decision("c", B, NOVAK_PETR.hash()))
                .as("a complete snapshot without it: the decision goes with the entity")
                .isNull();
    }

    /** Both entities held by one complete run of connector "c". */
    private static HeldEntities twoHeld(Path dir) {
        HeldEntities held = new HeldEntities(dir);
        held.recordRun("c", List.of(entry(NOVAK_JAN), entry(NOVAK_PETR)), Set.of(A, B), true);
        return held;
    }

    private static HeldEntity entry(Entity entity) {
        return HeldEntity.of("c", entity, List.of(), FETCHED, "1");
    }

    private static Entity entity(String iri, String title) {
        var graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(
                        "<" + iri + "> <http://purl.org/dc/terms/title> \"" + title + "\"@cs ; "
                                + "<http://purl.org/dc/terms/date> [ <http://www.w3.org/2006/time#inXSDDate>"
                                + " \"2024-03-04\"^^<http://www.w3.org/2001/XMLSchema#date> ] .",
                        Lang.TURTLE)
                .parse(graph);
        return Entities.of(iri, "notice", "1", graph);
    }
}
