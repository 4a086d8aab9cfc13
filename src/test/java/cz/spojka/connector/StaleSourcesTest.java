package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stale alert: a source is stale once its last success (or its activation) is older than its staleAfter. */
class StaleSourcesTest {

    private static final Instant T0 = Instant.parse("2026-05-24T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void staleAfterDefaultsToThreeIntervalsOrThreeGapsOfACronScheduleAndToNothingForAPushedSource() {
        assertThat(Resilience.defaults(Schedule.every(Duration.ofMinutes(15))).staleAfter())
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(Resilience.defaults(Schedule.cron("0 0 */2 * * *")).staleAfter())
                .isEqualTo(Duration.ofHours(6));
        assertThat(Resilience.defaults(null).staleAfter()).isNull();
    }

    @Test
    void aSourceIsStaleOnceItsLastSuccessIsOlderThanStaleAfterWhateverFailedOrWasSkippedSince() {
        Connectors connectors = new Connectors(new RunHistory(dir));
        ConnectorDefinition hourly = definition(Duration.ofHours(1));
        connectors.recordRun(RunReport.failed("c", "r0", T0.minusSeconds(60), 10, "down"));
        connectors.recordRun(succeeded(T0));
        connectors.recordRun(RunReport.failed("c", "r2", T0.plus(Duration.ofHours(1)), 10, "down"));
        connectors.recordRun(RunReport.skipped("c", T0.plus(Duration.ofHours(2)), "the breaker is open"));

        StaleSources.Freshness fresh =
                at(connectors, T0.plus(Duration.ofHours(3))).of(hourly);
        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.lastSuccess()).isEqualTo(T0);

        StaleSources.Freshness stale =
                at(connectors, T0.plus(Duration.ofHours(3)).plusSeconds(1)).of(hourly);
        assertThat(stale)
                .isEqualTo(new StaleSources.Freshness(Duration.ofHours(3), T0, true, T0.plus(Duration.ofHours(3))));

        assertThat(at(new Connectors(new RunHistory(dir)), T0.plus(Duration.ofHours(4)))
                        .of(hourly)
                        .lastSuccess())
                .as("read back from the run history after a restart")
                .isEqualTo(T0);
    }

    private static StaleSources at(Connectors connectors, Instant now) {
        return new StaleSources(connectors, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static RunReport succeeded(Instant at) {
        return new RunReport("c", "r1", at, 1, 0, 1, 0, 0, 1, 0, 5, null, null, List.of(), null);
    }

    private static ConnectorDefinition definition(Duration interval) {
        Schedule schedule = Schedule.every(interval);
        return new ConnectorDefinition(
                "c",
                "c",
                null,
                Path.of("."),
                "http-poll",
                Map.of(),
                schedule,
                true,
                null,
                null,
                List.of(),
                Resilience.defaults(schedule));
    }
}
