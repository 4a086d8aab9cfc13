package cz.spojka.store;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.ChangeLog;
import cz.spojka.changelog.KafkaClients;
import io.cloudevents.CloudEvent;
import java.io.IOError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the change log and applies it to the store in group commits: each poll's changes and the offsets after
 * them go into one store transaction. Offsets are kept only in the store (no consumer group), so the store and the
 * position in the log can never disagree. A batch the store refuses (a full disk) changes nothing: the materializer
 * goes back to the stored offsets and tries again, with a growing wait, until the store accepts it. {@link #rebuild()} wipes the store and replays the compacted log.
 */
public class Materializer implements SmartLifecycle {

    public static final int PHASE = ChangeLog.PHASE + 100;
    private static final Duration FETCH_WAIT = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(Materializer.class);
    private static final int MAX_POLL_RECORDS = 5000;

    private final KafkaClients clients;
    private final String topic;
    private final EntityStore store;
    private final int batchSize;
    private final Duration pollTimeout;
    private final Duration commitLinger;
    private final boolean rebuildOnStart;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Duration retryBackoffMax;
    private volatile boolean rebuildRequested;
    private volatile boolean resync;
    private volatile int failedTries;
    private volatile boolean running;
    private volatile String failure;
    private volatile Map<TopicPartition, Long> position = Map.of();
    private KafkaConsumer<String, CloudEvent> consumer;
    private KafkaConsumer<String, byte[]> probe;
    private Thread thread;

    public Materializer(
            KafkaClients clients,
            String topic,
            EntityStore store,
            int batchSize,
            Duration pollTimeout,
            Duration commitLinger,
            boolean rebuildOnStart,
            Duration retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
        this.clients = clients;
        this.topic = topic;
        this.store = store;
        this.batchSize = batchSize;
        this.pollTimeout = pollTimeout;
        this.commitLinger = commitLinger;
        this.rebuildOnStart = rebuildOnStart;
    }

    @Override
    public synchronized void start() {
        if (rebuildOnStart) {
            log.info(
                    "Rebuilding the store ({}) from the change log {} (spojka.store.rebuild=true)",
                    store.describe(),
                    topic);
            store.clear();
        }
        consumer = clients.eventConsumer("spojka-materializer", Math.min(batchSize, MAX_POLL_RECORDS));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        seekToStoredOffsets(partitions);
        running = true;
        thread = new Thread(this::run, "spojka-materializer");
        thread.start();
    }

    private void seekToStoredOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = store.offsets();
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
        }
        position = new HashMap<>(stored);
    }

    private void run() {
        try {
            while (running) {
                try {
                    step();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException | InternalError | IOError e) {
                    if (running) {
                        refused(e);
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer up: leave the loop.
        } finally {
            running = false;
            consumer.close();
        }
    }

    private void step() {
        if (resync) {
            seekToStoredOffsets(List.copyOf(consumer.assignment()));
            resync = false;
        }
        if (rebuildRequested) {
            store.clear();
            consumer.seekToBeginning(consumer.assignment());
            position = Map.of();
            rebuildRequested = false;
            log.info("Store cleared; replaying the change log {} from the beginning", topic);
        }
        applyBatch(collectBatch());
        if (failure != null) {
            log.info(
                    "The store ({}) accepts writes again after {} refused tries; the materializer goes on from"
                            + " offsets {}",
                    store.describe(),
                    failedTries,
                    position);
            failure = null;
            failedTries = 0;
        }
    }

    /**
     * The store refused a batch (a full disk, a failing file system) or could not be read. The store's transaction was
     * aborted, so it holds the batches before and their offsets: the consumer goes back to those offsets and tries
     * again after a wait that doubles up to {@code retryBackoffMax}, until the store accepts the batch.
     */
    private void refused(Throwable e) {
        failedTries++;
        resync = true;
        long free = store.freeBytes();
        failure = "cannot store the changes after offsets " + position + ": " + StoreFailures.describe(e)
                + (free >= 0 ? " (" + free + " bytes free on the store's file system)" : "");
        Duration wait = backoff();
        String message = "{}. Nothing of the batch was stored; the store keeps its last committed state and the"
                + " change-log offsets stored with it. Try {} failed; trying again in {} ms.";
        if (failedTries == 1) {
            log.error(message, failure, failedTries, wait.toMillis(), e);
        } else {
            log.error(message, failure, failedTries, wait.toMillis());
        }
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (running && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Duration backoff() {
        long millis = 1000L << Math.min(failedTries - 1, 20);
        return millis >= retryBackoffMax.toMillis() ? retryBackoffMax : Duration.ofMillis(millis);
    }

    /**
     * Polls until a batch of {@code batchSize} records is gathered, or the log has had nothing more for a moment and
     * the batch's first records are {@code commitLinger} old: a large group commit costs TDB2 far less per change (and
     * grows it far less) than many small ones.
     */
    private List<ConsumerRecord<String, CloudEvent>> collectBatch() {
        List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>();
        ConsumerRecords<String, CloudEvent> polled = consumer.poll(pollTimeout);
        long lingerUntil = System.nanoTime() + commitLinger.toNanos();
        while (!polled.isEmpty() || (!batch.isEmpty() && System.nanoTime() < lingerUntil)) {
            polled.forEach(batch::add);
            if (batch.size() >= batchSize) {
                break;
            }
            // A fetch still in flight is worth a short wait while a backlog is being read, and a trickle of small
            // runs is gathered for commitLinger: batches stay large, commits few.
            polled = consumer.poll(FETCH_WAIT);
        }
        return batch;
    }

    private void applyBatch(List<ConsumerRecord<String, CloudEvent>> records) {
        if (records.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Change> changes = new ArrayList<>(records.size());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        // Decoding (JSON, JSON-LD) runs on all cores; the store applies the changes in log order.
        records.parallelStream().map(this::decode).filter(Objects::nonNull).forEachOrdered(changes::add);
        long decoded = System.nanoTime();
        store.apply(changes, next);
        applied.addAndGet(changes.size());
        log.debug(
                "Applied {} changes: decoded in {} ms, stored in {} ms",
                changes.size(),
                (decoded - started) / 1_000_000,
                (System.nanoTime() - decoded) / 1_000_000);
        Map<TopicPartition, Long> updated = new HashMap<>(position);
        updated.putAll(next);
        position = updated;
    }

    private Change decode(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            return ChangeEvents.fromTombstone(record.key());
        }
        try {
            return ChangeEvents.fromEvent(record.value());
        } catch (RuntimeException e) {
            skipped.incrementAndGet();
            log.error(
                    "Skipped change-log record {}-{}@{} (key {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    e.getMessage());
            return null;
        }
    }

    /** Wipes the store and replays the whole change log into it; returns at once, the replay runs in background. */
    public void rebuild() {
        rebuildRequested = true;
    }

    /**
     * Changes not yet in the store: the log's end offsets minus the stored positions. Health checks call it, so it
     * keeps one probe consumer rather than opening a new one per call.
     */
    public synchronized long lag() {
        if (probe == null) {
            probe = clients.probeConsumer("spojka-materializer-lag");
        }
        List<TopicPartition> partitions = probe.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        Map<TopicPartition, Long> end = probe.endOffsets(partitions);
        Map<TopicPartition, Long> start = probe.beginningOffsets(partitions);
        Map<TopicPartition, Long> at = rebuildRequested ? Map.of() : position;
        return end.entrySet().stream()
                .mapToLong(e -> e.getValue() - Math.max(start.get(e.getKey()), at.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    /** Why the store refused the last batch, or {@code null} while the store accepts them. */
    public String failure() {
        return failure;
    }

    /** Tries of the current batch the store refused in a row; 0 while it accepts them. */
    public int failedTries() {
        return failedTries;
    }

    public long appliedChanges() {
        return applied.get();
    }

    public long skippedRecords() {
        return skipped.get();
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (probe != null) {
                probe.close();
                probe = null;
            }
        }
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
