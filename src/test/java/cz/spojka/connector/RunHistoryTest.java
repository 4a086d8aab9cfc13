package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.privacy.PersonalDataCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history: newest first, kept across a restart with what the guard found, cut back to the newest runs. */
class RunHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void runsAreServedNewestFirstAndSurviveARestart(@TempDir Path dir) {
        RunHistory history = new RunHistory(dir);
        history.record(run(0, null));
        history.record(run(1, "HttpOperationFailedException: 500"));
        history.record(run(2, null));

        RunHistory restarted = new RunHistory(dir);
        assertThat(restarted.runs("c"))
                .extracting(RunReport::startedAt)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(1), T0);
        assertThat(restarted.runs("c").get(1).error()).isEqualTo("HttpOperationFailedException: 500");
        assertThat(restarted.last("c").records()).isEqualTo(12);
        assertThat(restarted.last("c").personalData()).isEqualTo(new PersonalDataCounts(7, 5, 0, 1));
        assertThat(restarted.runs("c").get(1).personalData())
                .as("a failed run found nothing")
                .isNull();
        assertThat(restarted.runs("unknown")).isEmpty();
    }

    @Test
    void theFileIsCutBackToTheNewestRunsOnStart(@TempDir Path dir) throws Exception {
        RunHistory history = new RunHistory(dir);
        for (int i = 0; i < RunHistory.KEPT + 5; i++) {
            history.record(run(i, null));
        }
        RunHistory restarted = new RunHistory(dir);
        assertThat(restarted.runs("c")).hasSize(RunHistory.KEPT);
        assertThat(restarted.last("c").startedAt()).isEqualTo(T0.plusSeconds(RunHistory.KEPT + 4));
        assertThat(Files.readAllLines(dir.resolve("c.jsonl"))).hasSize(RunHistory.KEPT);
    }

    private static RunReport run(int second, String error) {
        return error == null
                ? new RunReport(
                        "c",
                        "run-" + second,
                        T0.plusSeconds(second),
                        10 + second,
                        1,
                        9,
                        2,
                        3,
                        4,
                        0,
                        250,
                        null,
                        new PersonalDataCounts(7, 5, 0, 1),
                        List.of(),
                        null)
                : RunReport.failed("c", "run-" + second, T0.plusSeconds(second), 40, error);
    }
}
