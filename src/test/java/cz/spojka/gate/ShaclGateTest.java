package cz.spojka.gate;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.mapping.Entity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

/** The gate with the real shapes of {@code vocab/shapes}: verdicts land on the entity that holds the problem. */
class ShaclGateTest {

    private static final ShaclGate GATE = new ShaclGate(Path.of("vocab/shapes"));
    private static final String NOTICE = "https://data.spojka.example/zdroj/informace/chrudim/2026-0003";

    @Test
    void aValidNoticeAndBoardPass() {
        assertThat(GATE.check(List.of(
                        entity("valid-notice.ttl", "https://data.spojka.example/zdroj/informace/chrudim/2026-1234"),
                        entity("valid-board.ttl", "https://data.spojka.example/zdroj/úřední-deska/chrudim"))))
                .isEmpty();
    }

    @Test
    void aBadInstantInsideANoticeRejectsThatNoticeOnly() {
        Map<String, ShaclGate.Verdict> failed = GATE.check(List.of(
                entity("invalid-notice-publication-instant.ttl", NOTICE),
                entity("valid-notice.ttl", "https://data.spojka.example/zdroj/informace/chrudim/2026-1234")));
        assertThat(failed).containsOnlyKeys(NOTICE);
        assertThat(failed.get(NOTICE).reason())
                .startsWith("SHACL: 1 violation(s)")
                .contains("exactly one of time:inXSDDate");
        assertThat(failed.get(NOTICE).report()).contains("sh:XoneConstraintComponent");
    }

    private static Entity entity(String fixture, String iri) {
        Graph graph = RDFDataMgr.loadGraph("src/test/resources/cz/spojka/vocab/" + fixture);
        return new Entity(iri, "notice", fixture, graph, fixture);
    }
}
