package cz.spojka.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.system.SpojkaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CompactionScheduleTest {

    private static final Instant START = Instant.parse("2026-11-27T01:00:00Z");
    private static final long MB = 1024 * 1024;

    private static SpojkaProperties.Compaction config(
            Duration interval, String cron, double growthFactor, DataSize growthMin) {
        return new SpojkaProperties.Compaction(interval, cron, growthFactor, growthMin, Duration.ofMinutes(1));
    }

    private static CompactionSchedule schedule(Duration interval, String cron, double factor, long growthMinMb) {
        return CompactionSchedule.of(config(interval, cron, factor, DataSize.ofMegabytes(growthMinMb)), ZoneOffset.UTC);
    }

    @Test
    void namesEveryBadSettingWithItsValueAndWhatIsAllowed() {
        assertThat(CompactionSchedule.problems(
                        config(Duration.ofSeconds(-5), "every night", 1.05, DataSize.ofBytes(-1))))
                .containsExactly(
                        "spojka.store.compaction.interval is PT-5S: give 0s (no fixed interval) or a positive duration"
                                + " such as 24h",
                        "spojka.store.compaction.cron is 'every night', not a cron expression: give six fields"
                                + " (second minute hour day-of-month month day-of-week), e.g. '0 0 3 * * *' for 03:00"
                                + " every day, or leave it empty",
                        "spojka.store.compaction.growth-factor is 1.05: give 0 (no growth trigger) or at least 1.1"
                                + " (e.g. 1.5)",
                        "spojka.store.compaction.growth-min is -1B: give 0B or more, e.g. 64MB");
        assertThatThrownBy(() -> CompactionSchedule.of(
                        config(Duration.ZERO, "0 0 3 * *", 1.5, DataSize.ofMegabytes(64)), ZoneOffset.UTC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Invalid compaction settings: spojka.store.compaction.cron is '0 0 3 * *'");
    }

    @Test
    void acceptsTheDefaultsAndSwitchedOffTriggers() {
        assertThat(CompactionSchedule.problems(config(Duration.ZERO, "", 1.5, DataSize.ofMegabytes(64))))
                .isEmpty();
        assertThat(CompactionSchedule.problems(config(Duration.ofHours(24), "0 0 3 * * *", 0, DataSize.ofBytes(0))))
                .isEmpty();
        assertThat(schedule(Duration.ZERO, "", 0, 0).enabled()).isFalse();
    }

    @Test
    void growthTriggerNeedsBothTheFactorAndTheMinimumGrowth() {
        CompactionSchedule schedule = schedule(Duration.ZERO, "", 1.5, 32);
        assertThat(schedule.due(START, START, 150 * MB, 100 * MB)).isNull();
        assertThat(schedule.due(START, START, 151 * MB, 100 * MB))
                .isEqualTo("growth: 158334976 bytes, more than 1.5 times the 104857600 bytes its data takes compacted");
        // A small store past the factor waits until it has grown by growth-min.
        assertThat(schedule.due(START, START, 41 * MB, 10 * MB)).isNull();
        assertThat(schedule.due(START, START, 42 * MB, 10 * MB)).startsWith("growth: ");
    }

    @Test
    void intervalCountsFromTheLastCompaction() {
        CompactionSchedule schedule = schedule(Duration.ofHours(6), "", 0, 0);
        assertThat(schedule.due(START.plus(Duration.ofHours(6)).minusSeconds(1), START, 0, 0))
                .isNull();
        assertThat(schedule.due(START.plus(Duration.ofHours(6)), START, 0, 0))
                .isEqualTo("interval: PT6H since 2026-11-27T01:00:00Z");
    }

    @Test
    void cronIsDueAtItsNextTimeAfterTheLastCompaction() {
        CompactionSchedule schedule = schedule(Duration.ZERO, "0 0 3 * * *", 0, 0);
        assertThat(schedule.due(Instant.parse("2026-11-27T02:59:59Z"), START, 0, 0))
                .isNull();
        assertThat(schedule.due(Instant.parse("2026-11-27T03:00:30Z"), START, 0, 0))
                .isEqualTo("cron '0 0 3 * * *': due at 2026-11-27T03:00Z");
        // Compacted at 03:00:30: the next run is the next night.
        assertThat(schedule.due(Instant.parse("2026-11-27T23:00:00Z"), Instant.parse("2026-11-27T03:00:30Z"), 0, 0))
                .isNull();
    }
}
