package cz.spojka.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.access.DataChannels;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditActionsTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "POST, /api/grants, grant.create, -",
                "DELETE, /api/grants/g1, grant.delete, grants/g1",
                "PUT, /api/agencies/a1, agency.update, agencies/a1",
                "POST, /api/agencies/a1/keys, key.create, agencies/a1",
                "DELETE, /api/agencies/a1/keys/k1, key.delete, keys/k1",
                "POST, /api/deadletters/7/replay, deadletter.replay, deadletters/7",
                "POST, /api/connectors/c1/deadletters/replay, deadletter.replay, connectors/c1",
                "POST, /api/connectors/c1/held/e1/release, held.release, held/e1",
                "POST, /api/store/compact, store.compact, -",
                "POST, /api/subscriptions/s1/resume, subscription.resume, subscriptions/s1",
                "GET, /api/audit, audit.read, -",
                "GET, /api/audit/export, audit.export, -",
                "GET, /api/audit/verify, audit.verify, -",
                "GET, /data/zaplnenost-nadob.csv, downloads.read, zaplnenost-nadob.csv",
                "GET, /graph/zaplnenost-nadob/00064581, graph.read, zaplnenost-nadob/00064581",
                "GET, /zdroj/nadoba/1, resource.read, nadoba/1",
                "GET, /catalog, catalog.read, -",
                "GET, /connectors/golemio-kontejnery, connector.read, golemio-kontejnery",
                "GET, /events, events.open, -",
                "GET, /sparql, sparql.query, -"
            })
    void namesTheActionAndItsTarget(String method, String path, String action, String target) {
        assertThat(AuditActions.of(method, path, name -> null)).isEqualTo(new AuditActions.Action(action, target));
    }

    @Test
    void everyDataChannelButSparqlHasItsAction() {
        assertThat(AuditActions.CHANNELS.keySet())
                .containsExactlyInAnyOrderElementsOf(DataChannels.PATHS.stream()
                        .filter(path -> !path.equals("/sparql"))
                        .toList());
    }

    @Test
    void aGraphStoreReadIsNamedByItsGraph() {
        Map<String, String> parameters = Map.of("graph", "https://spojka.test/graph/podnety/44992785");
        assertThat(AuditActions.of("GET", "/sparql", parameters::get))
                .isEqualTo(new AuditActions.Action("sparql.graph", "https://spojka.test/graph/podnety/44992785"));
        assertThat(AuditActions.of("GET", "/resource", Map.of("iri", "https://x.test/a")::get))
                .isEqualTo(new AuditActions.Action("resource.read", "https://x.test/a"));
    }
}
