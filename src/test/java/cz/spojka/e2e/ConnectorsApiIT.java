package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code /api/connectors} and the run history, as an operator's dashboard reads them. */
class ConnectorsApiIT extends HubIT {

    @Test
    void listsEveryConnectorWithMunicipalityStatusAndLastRun() throws Exception {
        awaitStartupRuns();
        JsonNode list = api().get("/api/connectors", HubApi.ADMIN_KEY);
        assertThat(list.isArray()).isTrue();
        JsonNode ofn = HubApi.item(list, "id", OFN);
        assertThat(ofn.get("template").asText()).isEqualTo("http-poll");
        assertThat(ofn.at("/municipality/ico").asText()).isEqualTo("00007064");
        assertThat(ofn.at("/municipality/ruian").asText()).isEqualTo("554782");
        assertThat(ofn.get("status").asText()).isIn("ok", "failing");
        assertThat(ofn.get("schedule").asText()).isEqualTo("every PT1H");
        JsonNode lastRun = ofn.get("lastRun");
        assertThat(lastRun.fieldNames())
                .toIterable()
                .contains("id", "started", "finished", "read", "changed", "rejected", "error");
        assertThat(HubApi.item(list, "id", EDESKY).at("/municipality/ico").asText())
                .isEqualTo("00270211");
    }

    @Test
    void aPolledConnectorHasAClosedCircuitBreakerAndAStaleLimitOfThreeIntervals() throws Exception {
        awaitStartupRuns();
        JsonNode list = api().get("/api/connectors", HubApi.ADMIN_KEY);
        JsonNode ofn = HubApi.item(list, "id", OFN);
        assertThat(ofn.get("stale").asBoolean()).isFalse();
        assertThat(ofn.get("staleAfter").asText()).isEqualTo("PT3H");
        assertThat(ofn.at("/breaker/state").asText()).isEqualTo("closed");
        assertThat(ofn.at("/breaker/opensAfter").asInt()).isEqualTo(5);
        assertThat(ofn.at("/lastRun/skipped").isNull()).isTrue();
        assertThat(api().get("/actuator/health")
                        .at("/components/connectors/status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void theRunHistoryIsNewestFirstAndStartsWithTheStartUpRun() throws Exception {
        awaitStartupRuns();
        JsonNode runs = api().get("/api/connectors/" + EDESKY + "/runs", HubApi.ADMIN_KEY);
        assertThat(runs.size()).isGreaterThanOrEqualTo(1);
        JsonNode first = runs.get(runs.size() - 1);
        assertThat(first.get("read").asInt()).isEqualTo(43);
        assertThat(first.get("changed").asInt()).isEqualTo(44);
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(runs.findValuesAsText("id")).as("every run has its own id").doesNotHaveDuplicates();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i - 1).get("started").asText())
                    .isGreaterThanOrEqualTo(runs.get(i).get("started").asText());
        }
        assertThat(api().send("GET", "/api/connectors/nope/runs", HubApi.ADMIN_KEY)
                        .statusCode())
                .isEqualTo(404);
    }
}
