package cz.spojka.connector;

import java.time.Duration;
import java.util.function.Function;

/**
 * How the hub copes with a connector's source when it fails: the {@code resilience:} block of {@code connector.yaml},
 * defaults applied (see docs/reliability.md).
 *
 * @param retries how many times a request that failed transiently (a 5xx, 408 or 429 answer, a timeout, a reset or
 *     truncated connection) is sent again before the run fails; used by {@code http-poll}, which retries each page,
 *     and by {@code jdbc-poll}, which runs its query again (a lost connection, a timeout; see {@link JdbcQuery})
 * @param retryBackoff the wait before the first retry; each further retry waits twice as long as the one before
 * @param retryBackoffMax the longest wait between two retries
 * @param breakerFailures failed runs in a row after which the source's circuit breaker opens and polls are skipped
 * @param breakerWait how long the breaker stays open before one poll (half-open) tries the source again
 * @param staleAfter how long after its last successful run the source counts as stale (an alert); {@code null} when
 *     the connector has no interval to derive it from and none is declared
 * @param maxDeletionShare the largest share of the connector's published entities, in percent, that one complete
 *     snapshot may delete; a run that would delete more deletes nothing and fails, until an operator allows it once
 *     ({@link DeletionApprovals}); {@code 100} turns the guard off
 */
public record Resilience(
        int retries,
        Duration retryBackoff,
        Duration retryBackoffMax,
        int breakerFailures,
        Duration breakerWait,
        Duration staleAfter,
        int maxDeletionShare) {

    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(30);
    public static final int DEFAULT_BREAKER_FAILURES = 5;
    public static final Duration DEFAULT_BREAKER_WAIT = Duration.ofMinutes(15);
    /**
     * Half of a dataset gone in one run: an agenda system's export rarely shrinks so much, a truncated one often
     * does.
     */
    public static final int DEFAULT_MAX_DELETION_SHARE = 50;
    /** A polled source is stale when its last success is older than this many intervals of its schedule. */
    public static final int STALE_INTERVALS = 3;

    /** The defaults, with {@code staleAfter} derived from the schedule (or none). */
    public static Resilience defaults(Schedule schedule) {
        return new Resilience(
                DEFAULT_RETRIES,
                DEFAULT_RETRY_BACKOFF,
                DEFAULT_RETRY_BACKOFF_MAX,
                DEFAULT_BREAKER_FAILURES,
                DEFAULT_BREAKER_WAIT,
                defaultStaleAfter(schedule),
                DEFAULT_MAX_DELETION_SHARE);
    }

    /** Three intervals of the schedule; for a cron schedule three gaps between its next two times; else none. */
    static Duration defaultStaleAfter(Schedule schedule) {
        if (schedule == null) {
            return null;
        }
        Duration interval = schedule.typicalInterval();
        return interval == null ? null : interval.multipliedBy(STALE_INTERVALS);
    }

    /** The wait before retry number {@code retry} (1-based): the backoff doubled each time, at most the maximum. */
    public Duration backoff(int retry) {
        Duration wait = retryBackoff;
        for (int i = 1; i < retry && wait.compareTo(retryBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }

    /**
     * Waits {@link #backoff} before retry number {@code retry}. An interrupt (the hub stopping) restores the thread's
     * flag and throws what {@code interrupted} makes of it, the source's own failure.
     */
    public void pauseBefore(int retry, Function<InterruptedException, RuntimeException> interrupted) {
        try {
            Thread.sleep(backoff(retry).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.apply(e);
        }
    }

    /** What the message of a failure says after {@code attempts} attempts. */
    public static String gaveUpAfter(int attempts) {
        return " (gave up after " + attempts + " attempts)";
    }
}
