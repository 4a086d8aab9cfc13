package cz.spojka.store;

import cz.spojka.system.SpojkaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * When the TDB2 store is due for a compaction ({@code spojka.store.compaction.*}): after a fixed interval, at the times
 * of a cron expression, or when the store has grown past a factor of its size after the last compaction. No I/O: the
 * caller gives the time and the sizes.
 */
final class CompactionSchedule {

    static final String PREFIX = "spojka.store.compaction.";
    private static final double MIN_GROWTH_FACTOR = 1.1;

    private final Duration interval;
    private final CronExpression cron;
    private final double growthFactor;
    private final long growthMinBytes;
    private final ZoneId zone;

    private CompactionSchedule(
            Duration interval, CronExpression cron, double growthFactor, long growthMinBytes, ZoneId zone) {
        this.interval = interval;
        this.cron = cron;
        this.growthFactor = growthFactor;
        this.growthMinBytes = growthMinBytes;
        this.zone = zone;
    }

    /** The schedule the settings describe; every problem with them is named in one exception. */
    static CompactionSchedule of(SpojkaProperties.Compaction config, ZoneId zone) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid compaction settings: " + String.join("; ", problems));
        }
        return new CompactionSchedule(
                config.interval(),
                config.cron().isBlank() ? null : CronExpression.parse(config.cron()),
                config.growthFactor(),
                config.growthMin().toBytes(),
                zone);
    }

    /** Every problem with the settings, each naming the property, the value and what is allowed. */
    static List<String> problems(SpojkaProperties.Compaction config) {
        List<String> problems = new ArrayList<>();
        if (config.interval().isNegative()) {
            problems.add(PREFIX + "interval is " + config.interval() + ": give 0s (no fixed interval) or a positive"
                    + " duration such as 24h");
        }
        if (!config.cron().isBlank() && !CronExpression.isValidExpression(config.cron())) {
            problems.add(PREFIX + "cron is '" + config.cron() + "', not a cron expression: give six fields (second"
                    + " minute hour day-of-month month day-of-week), e.g. '0 0 3 * * *' for 03:00 every day, or leave"
                    + " it empty");
        }
        double factor = config.growthFactor();
        if (Double.isNaN(factor) || factor != 0 && factor < MIN_GROWTH_FACTOR) {
            problems.add(PREFIX + "growth-factor is " + factor + ": give 0 (no growth trigger) or at least "
                    + MIN_GROWTH_FACTOR + " (e.g. 1.5)");
        }
        if (config.growthMin().isNegative()) {
            problems.add(PREFIX + "growth-min is " + config.growthMin() + ": give 0B or more, e.g. 64MB");
        }
        return problems;
    }

    /**
     * Why the store is due for a compaction at {@code now}, or {@code null} when it is not.
     *
     * @param since the last compaction, or the start of the hub when there was none since
     * @param sizeBytes the store's size now
     * @param referenceBytes the store's size after its last compaction
     */
    String due(Instant now, Instant since, long sizeBytes, long referenceBytes) {
        if (grown(sizeBytes, referenceBytes)) {
            return String.format(
                    "growth: %d bytes, more than %s times the %d bytes its data takes compacted",
                    sizeBytes, growthFactor, referenceBytes);
        }
        if (!interval.isZero() && !now.isBefore(since.plus(interval))) {
            return "interval: " + interval + " since " + since;
        }
        if (cron != null) {
            ZonedDateTime next = cron.next(since.atZone(zone));
            if (next != null && !now.isBefore(next.toInstant())) {
                return "cron '" + cron + "': due at " + next;
            }
        }
        return null;
    }

    /** Whether the growth trigger is on and {@code sizeBytes} is past it, against {@code referenceBytes}. */
    boolean grown(long sizeBytes, long referenceBytes) {
        return growthFactor > 0
                && sizeBytes > growthFactor * referenceBytes
                && sizeBytes - referenceBytes >= growthMinBytes;
    }

    /** Whether any trigger is on; with none, only the admin API compacts. */
    boolean enabled() {
        return growthFactor > 0 || !interval.isZero() || cron != null;
    }

    @Override
    public String toString() {
        List<String> triggers = new ArrayList<>();
        if (growthFactor > 0) {
            triggers.add("growth past " + growthFactor + "x the compacted size (and by " + growthMinBytes + " bytes)");
        }
        if (!interval.isZero()) {
            triggers.add("every " + interval);
        }
        if (cron != null) {
            triggers.add("cron '" + cron + "'");
        }
        return triggers.isEmpty() ? "only on request (POST /api/store/compact)" : String.join(", ", triggers);
    }
}
