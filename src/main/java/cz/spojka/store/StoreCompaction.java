package cz.spojka.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.jena.tdb2.DatabaseMgr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the TDB2 store: {@link DatabaseMgr#compact} copies the current state into the next generation directory
 * ({@code Data-NNNN}), switches the store to it and deletes the old one. TDB2 blocks write transactions on the store
 * for the copy (the materializer's next commit waits), while queries go on against the old generation until they end.
 * The size after the last compaction is kept in a small file beside the store, the growth trigger's reference across
 * restarts. Sizes are the bytes the files take on disk ({@link #sizeBytes}).
 */
public final class StoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);
    private static final String REFERENCE = "compactedBytes";
    private static final String REFERENCE_QUADS = "compactedQuads";
    private static final String AT = "compactedAt";

    /**
     * One compaction.
     *
     * @param error why it failed, {@code null} when it succeeded
     */
    public record Outcome(Instant at, String reason, long beforeBytes, long afterBytes, long millis, String error) {}

    /** Refused: a compaction is running already. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("a compaction of the store is running already");
        }
    }

    private final TdbEntityStore store;
    private final Path stateFile;
    private final ReentrantLock running = new ReentrantLock();
    private final Counter succeeded;
    private final Counter failed;
    private final Timer duration;
    /** The store after its last compaction (or when first opened): the growth trigger's reference. */
    private volatile Reference reference;

    private volatile Instant since;
    private volatile Outcome last;
    /** {@link #sizeBytes} and the store's quads, each taken again only after a write since it was last taken. */
    private final SinceLastWrite bytes;

    private final SinceLastWrite quads;

    /** The store's size on disk and the quads it held. */
    private record Reference(long bytes, long quads) {}

    /** A measure of the store that changes only with its writes (and a compaction, which sets it). */
    private final class SinceLastWrite {

        private final LongSupplier measure;
        private volatile Measurement last = new Measurement(-1, 0);

        /** The measure after the store's {@code writes}-th write transaction. */
        private record Measurement(long writes, long value) {}

        SinceLastWrite(LongSupplier measure) {
            this.measure = measure;
        }

        long get() {
            Measurement then = last;
            long writes = store.writes();
            if (writes == then.writes()) {
                return then.value();
            }
            long value = measure.getAsLong();
            last = new Measurement(writes, value);
            return value;
        }

        /** Measures now; with the hub's writes held back, the measure then holds until the next write. */
        long now() {
            long writes = store.writes();
            long value = measure.getAsLong();
            last = new Measurement(writes, value);
            return value;
        }
    }

    public StoreCompaction(TdbEntityStore store, Path stateFile, MeterRegistry metrics) {
        this.store = store;
        this.stateFile = stateFile;
        this.bytes = new SinceLastWrite(this::sizeBytes);
        this.quads = new SinceLastWrite(store::quadCount);
        loadState();
        Gauge.builder("spojka.store.size", this, StoreCompaction::currentBytes)
                .description("Bytes the TDB2 store's files take on disk")
                .baseUnit("bytes")
                .register(metrics);
        Gauge.builder("spojka.store.compacted.size", this, StoreCompaction::referenceBytes)
                .description("Bytes the TDB2 store's files took on disk after the last compaction")
                .baseUnit("bytes")
                .register(metrics);
        succeeded = Counter.builder("spojka.store.compactions")
                .tag("outcome", "success")
                .register(metrics);
        failed = Counter.builder("spojka.store.compactions")
                .tag("outcome", "failure")
                .register(metrics);
        duration = Timer.builder("spojka.store.compaction.duration").register(metrics);
    }

    private void loadState() {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
            String counted = state.getProperty(REFERENCE_QUADS);
            // Written by a hub before the count was kept: the size after the last compaction holds no more quads.
            reference = new Reference(
                    Long.parseLong(state.getProperty(REFERENCE)),
                    counted != null ? Long.parseLong(counted) : quads.now());
            since = Instant.parse(state.getProperty(AT));
        } catch (NoSuchFileException e) {
            // A store never compacted: its size now is the reference, and the interval counts from now.
            reference = measureReference();
            since = Instant.now();
            saveState();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {} ({}); the store's size now is the compaction reference", stateFile, e.toString());
            reference = measureReference();
            since = Instant.now();
        }
    }

    private void saveState() {
        Properties state = new Properties();
        state.setProperty(REFERENCE, Long.toString(reference.bytes()));
        state.setProperty(REFERENCE_QUADS, Long.toString(reference.quads()));
        state.setProperty(AT, since.toString());
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            state.store(out, "The TDB2 store's size after its last compaction (spojka.store.compaction.growth-factor)");
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", stateFile, e.toString());
        }
    }

    /**
     * Compacts the store now, in the calling thread, and deletes the old generation.
     *
     * @param reason why, for the log and the outcome
     * @throws Busy when another compaction is running
     */
    public Outcome compact(String reason) {
        if (!running.tryLock()) {
            throw new Busy();
        }
        try {
            // TDB2 holds writes back for the copy anyway; holding the hub's back until the new generation is measured
            // too keeps the first write after the switch out of the reference.
            return store.withoutWriters(() -> compactAndMeasure(reason));
        } finally {
            running.unlock();
        }
    }

    private Outcome compactAndMeasure(String reason) {
        Instant at = Instant.now();
        long before = sizeBytes();
        log.info("Compacting the store ({}, {} bytes): {}", store.describe(), before, reason);
        long started = System.nanoTime();
        String error = null;
        try {
            DatabaseMgr.compact(store.switchable(), true);
        } catch (RuntimeException | InternalError | IOError e) {
            // InternalError: a write to a memory-mapped file of the copy faulted (a full disk). TDB2 has removed
            // the unfinished copy and goes on in the old generation.
            error = StoreFailures.describe(e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        duration.record(Duration.ofMillis(millis));
        Reference now = measureReference();
        long after = now.bytes();
        Outcome outcome = new Outcome(at, reason, before, after, millis, error);
        last = outcome;
        if (error == null) {
            succeeded.increment();
            reference = now;
            since = at;
            saveState();
            log.info("Compacted the store in {} ms: {} bytes before, {} after", millis, before, after);
        } else {
            failed.increment();
            log.error(
                    "Compaction of the store failed after {} ms: {}. The store goes on in its previous"
                            + " generation; {} bytes free on its file system",
                    millis,
                    error,
                    store.freeBytes());
        }
        return outcome;
    }

    /**
     * The bytes the store's files take on disk (all its generations, and a compaction's copy while it runs), as
     * {@code du} counts them: TDB2 extends its files in sparse 8 MiB steps, so their lengths overstate a small store by
     * up to some 200 MB. Where {@code du} cannot be run, the files' lengths.
     */
    public long sizeBytes() {
        try {
            Process du = new ProcessBuilder("du", "-s", "-B1", store.location().toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (du.waitFor() == 0) {
                return Long.parseLong(out.trim().split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            // No du here: the lengths below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fileLengths();
    }

    /**
     * {@link #sizeBytes}, measured again only when the store has been written since the last measurement (or a
     * compaction changed it): cheap enough to ask every few seconds and at every scrape of the metrics.
     */
    public long currentBytes() {
        return bytes.get();
    }

    /**
     * The store's size and quads with its writers held back, so that a transaction in progress, which has taken
     * blocks for data not yet committed, does not count. {@link #currentBytes} reuses it until the next write.
     */
    private Reference measureReference() {
        return store.withoutWriters(() -> new Reference(bytes.now(), quads.now()));
    }

    private long fileLengths() {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(store.location())) {
                return files.filter(Files::isRegularFile)
                        .mapToLong(StoreCompaction::length)
                        .sum();
            } catch (IOException | UncheckedIOException e) {
                // A compaction deleted a directory of the old generation while we walked it.
                if (attempt == 3) {
                    throw new IllegalStateException("Cannot measure the store in " + store.location() + ": " + e, e);
                }
            }
        }
    }

    private static long length(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // A file of an old generation deleted while we walk.
            return 0;
        }
    }

    /** The store's size after its last compaction (or when it was first opened). */
    public long referenceBytes() {
        return reference.bytes();
    }

    /**
     * The size the store's data now would take compacted, as far as the last compaction tells: its size then, scaled
     * by the quads the store holds now. A store filling up with new data is then not compacted over and over (a
     * compaction only removes the blocks that writes replaced); fewer quads than then keep the size then, so the
     * blocks a deletion leaves count as growth.
     */
    public long referenceForCurrentData() {
        Reference then = reference;
        long held = quads.get();
        if (then.quads() <= 0 || held <= then.quads()) {
            // An empty store at the reference (a first start) tells nothing of the size of data: the first compaction,
            // at growth-min, while the store is still small, gives the reference.
            return then.bytes();
        }
        return Math.round((double) then.bytes() * held / then.quads());
    }

    /** The last compaction, or the hub's first start when there was none. */
    public Instant since() {
        return since;
    }

    /** The last compaction this hub ran, or {@code null}. */
    public Outcome last() {
        return last;
    }

    public boolean isRunning() {
        return running.isLocked();
    }
}
