package cz.spojka.publiclog;

import cz.spojka.changelog.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of copying the change log to the public change log, exactly once: a transactional
 * consume-transform-produce loop. Each batch of change-log records is copied in one Kafka transaction together with
 * the offsets after it (committed to the consumer group {@value #GROUP} with {@code sendOffsetsToTransaction}), so a
 * crash at any moment leaves either the whole batch and its offsets or neither; the next session's producer fences
 * off and aborts what this one left open, and starts from the committed offsets.
 *
 * <p>An event of a public graph is copied unchanged; any other record is dropped, except that a tombstone (or an
 * event of a graph that is not public) of a key the public log holds becomes a tombstone there.
 *
 * <p>The offsets carry the {@link PublicDatasets#fingerprint} they were copied under. When it differs at the start of
 * a session (a dataset was reclassified), or no offsets are committed (a new public log, or offsets that expired),
 * the session first reconciles the public log with the change log at that position: a tombstone for every key it
 * holds that is no longer the latest public event of the change log, and a copy of every latest public event it
 * does not hold. Reconciling compares event ids, so it copies nothing twice even when repeated after a crash.
 */
final class PublicCopySession implements AutoCloseable {

    static final String GROUP = "spojka-public-log";
    private static final Logger log = LoggerFactory.getLogger(PublicCopySession.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A reconciliation commits its copies in transactions of at most this many records, or this long. */
    private static final int TRANSACTION_RECORDS = 5000;

    private static final Duration TRANSACTION_TIME = Duration.ofSeconds(10);

    private final KafkaClients clients;
    private final String changesTopic;
    private final String publicTopic;
    private final PublicDatasets datasets;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private boolean transactionOpen;
    private int transactionRecords;
    private long transactionStarted;

    PublicCopySession(KafkaClients clients, String changesTopic, String publicTopic, PublicDatasets datasets) {
        this.clients = clients;
        this.changesTopic = changesTopic;
        this.publicTopic = publicTopic;
        this.datasets = datasets;
        this.consumer = clients.byteConsumer(GROUP, GROUP);
        this.producer = clients.transactionalProducer(GROUP, GROUP + "-" + publicTopic);
    }

    /** Copies until {@link #wakeup} (a {@code WakeupException}) or a failure of Kafka, which it throws. */
    void run() {
        producer.initTransactions();
        PublicKeys held;
        try (KafkaConsumer<String, byte[]> reader = clients.byteConsumer(GROUP + "-keys")) {
            held = PublicKeys.read(reader, publicTopic);
        }
        List<TopicPartition> partitions = ChangeRecords.assignAll(consumer, changesTopic);
        String fingerprint = datasets.fingerprint();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        boolean complete = partitions.stream().allMatch(p -> committed.get(p) != null);
        Map<TopicPartition, Long> start = complete ? offsets(committed) : consumer.endOffsets(partitions);
        if (complete && committed.values().stream().allMatch(offset -> fingerprint.equals(offset.metadata()))) {
            log.info(
                    "Public change log {}: {} keys, copying {} from {}", publicTopic, held.size(), changesTopic, start);
        } else {
            reconcile(held, start, fingerprint);
        }
        start.forEach(consumer::seek);
        while (true) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                copy(records, held, fingerprint);
            }
        }
    }

    /** Makes a blocking call of the consumer throw {@code WakeupException}, which ends {@link #run}. */
    void wakeup() {
        consumer.wakeup();
    }

    private void copy(ConsumerRecords<String, byte[]> records, PublicKeys held, String fingerprint) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (publicEvent(record)) {
                send(ChangeRecords.copy(record, publicTopic));
                held.put(record.key(), ChangeRecords.header(record, ChangeRecords.ID_HEADER));
            } else if (held.remove(record.key())) {
                send(ChangeRecords.tombstone(publicTopic, record.key()));
            }
            next.put(
                    new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1, fingerprint));
        }
        commit(next);
    }

    private boolean publicEvent(ConsumerRecord<String, byte[]> record) {
        return record.value() != null && datasets.publicGraph(ChangeRecords.header(record, ChangeRecords.GRAPH_HEADER));
    }

    /** Brings the public log to what it must hold at {@code until} under the current classifications. */
    private void reconcile(PublicKeys held, Map<TopicPartition, Long> until, String fingerprint) {
        long started = System.nanoTime();
        LatestPublicRecords latest = LatestPublicRecords.scan(consumer, until, this::publicEvent);
        int removed = 0;
        for (String key : held.keys()) {
            if (!latest.contains(key)) {
                held.remove(key);
                sendInBatches(ChangeRecords.tombstone(publicTopic, key));
                removed++;
            }
        }
        long missing = latest.countMissingFrom(held);
        if (missing > 0) {
            ChangeRecords.readUntil(consumer, until, record -> {
                if (latest.missingFrom(held, record)) {
                    sendInBatches(ChangeRecords.copy(record, publicTopic));
                    held.put(record.key(), ChangeRecords.header(record, ChangeRecords.ID_HEADER));
                }
            });
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        until.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset, fingerprint)));
        commit(offsets);
        log.info(
                "Public change log {}: reconciled with {} up to {} under the current classifications: {} keys"
                        + " removed (tombstones), {} events copied, {} keys held, in {} ms",
                publicTopic,
                changesTopic,
                until,
                removed,
                missing,
                held.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        if (!transactionOpen) {
            producer.beginTransaction();
            transactionOpen = true;
            transactionRecords = 0;
            transactionStarted = System.nanoTime();
        }
        producer.send(record);
        transactionRecords++;
    }

    /**
     * Sends a record of a reconciliation, committing the transaction when it is large or old enough: a reconciliation
     * may copy a whole dataset, more than one transaction should hold (the broker aborts a transaction after its
     * timeout), and a repeated one skips what an earlier one committed.
     */
    private void sendInBatches(ProducerRecord<String, byte[]> record) {
        send(record);
        if (transactionRecords >= TRANSACTION_RECORDS
                || System.nanoTime() - transactionStarted > TRANSACTION_TIME.toNanos()) {
            commit(Map.of());
        }
    }

    /** Commits the open transaction (opening one when none is) with {@code offsets}, if any. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!transactionOpen) {
            if (offsets.isEmpty()) {
                return;
            }
            producer.beginTransaction();
            transactionOpen = true;
        }
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        }
        producer.commitTransaction();
        transactionOpen = false;
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) ->
                offsets.put(partition, Objects.requireNonNull(offset).offset()));
        return offsets;
    }

    /** Aborts a transaction left open (the next session's producer would otherwise abort it) and closes the clients. */
    @Override
    public void close() {
        try {
            if (transactionOpen) {
                producer.abortTransaction();
            }
        } catch (KafkaException e) {
            log.debug("Public change log {}: the open transaction could not be aborted: {}", publicTopic, e.toString());
        } finally {
            producer.close(Duration.ofSeconds(5));
            consumer.close();
        }
    }
}
