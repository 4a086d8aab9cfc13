package cz.spojka.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks every {@code spojka.store.compaction.check-interval} whether the {@link CompactionSchedule} says the store is
 * due, and compacts it in its own thread while the hub serves queries and the materializer writes. The store is
 * measured only when it has been written since the last check, so a short interval costs an idle hub nothing and
 * finds the store's growth within seconds.
 */
final class CompactionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompactionScheduler.class);

    private final StoreCompaction compaction;
    private final CompactionSchedule schedule;
    private final Duration checkInterval;
    private ScheduledExecutorService executor;

    CompactionScheduler(StoreCompaction compaction, CompactionSchedule schedule, Duration checkInterval) {
        this.compaction = compaction;
        this.schedule = schedule;
        this.checkInterval = checkInterval;
    }

    @Override
    public synchronized void start() {
        log.info(
                "TDB2 compaction: {}; checked every {}; {} bytes now, {} after the last compaction",
                schedule,
                checkInterval,
                compaction.sizeBytes(),
                compaction.referenceBytes());
        if (!schedule.enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "spojka-store-compaction");
            thread.setDaemon(true);
            return thread;
        });
        long millis = checkInterval.toMillis();
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            long size = compaction.currentBytes();
            long reference = compaction.referenceBytes();
            if (schedule.grown(size, reference)) {
                // Grown past the trigger: by replaced blocks, or by new data, which no compaction makes smaller.
                reference = compaction.referenceForCurrentData();
            }
            String reason = schedule.due(Instant.now(), compaction.since(), size, reference);
            if (reason != null) {
                compaction.compact(reason);
            }
        } catch (StoreCompaction.Busy e) {
            log.debug("Compaction due, but one runs already");
        } catch (RuntimeException e) {
            log.error("The compaction check failed: {}", e.toString(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            // Not interrupted: an interrupt closes TDB2's file channels under the copy, and the lock it leaves on the
            // unfinished generation refuses every later compaction until a restart. So a compaction under way
            // finishes, and a check that is merely due is cancelled.
            executor.shutdown();
            if (compaction.isRunning()) {
                log.info("Waiting for the compaction under way to finish before the hub stops");
            }
            try {
                executor.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Stops before the materializer and the store.
        return Materializer.PHASE + 10;
    }
}
