package cz.spojka.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index learns what a failed publish wrote after all: the broker may append a record and go away before it
 * answers, and the next run must not publish that change a second time.
 */
class ChangeLogIndexTest {

    private static final TopicPartition PARTITION = new TopicPartition("spojka.changes", 0);
    private static final String NOTICE = "https://spojka.test/zdroj/uredni-deska/00007064/informace/1";
    private static final Duration POLL = Duration.ofMillis(10);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final ChangeLogIndex index = new ChangeLogIndex();
    private long end;

    @BeforeEach
    void loadALogWithOneNotice() {
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.assign(List.of(PARTITION));
        write(NOTICE, "hash-1");
        index.load(consumer, List.of(PARTITION), POLL);
        index.catchUpWith(i -> i.catchUp(consumer, List.of(PARTITION), POLL));
    }

    @Test
    void learnsAChangeAFailedPublishWroteBeforeTheNextDetection() {
        write(NOTICE, "hash-2");
        assertThat(index.get(NOTICE).hash())
                .as("the publish failed: the index did not learn it")
                .isEqualTo("hash-1");

        index.markUncertain();
        index.ensureCurrent();

        assertThat(index.get(NOTICE).hash()).isEqualTo("hash-2");
        assertThat(index.get(NOTICE).offset()).isEqualTo(1);
        assertThat(index.uncertain()).isFalse();
        assertThat(index.completeUpTo()).containsEntry(0, 2L);
    }

    @Test
    void readsNothingAgainWhileNoPublishFailed() {
        write(NOTICE, "hash-2");

        index.ensureCurrent();

        assertThat(index.get(NOTICE).hash()).isEqualTo("hash-1");
    }

    @Test
    void staysUncertainWhileTheLogCannotBeRead() {
        index.catchUpWith(i -> {
            throw new IllegalStateException("Timeout expired while fetching topic metadata");
        });
        index.markUncertain();

        assertThatThrownBy(index::ensureCurrent).hasMessage("Timeout expired while fetching topic metadata");
        assertThat(index.uncertain()).isTrue();

        write(NOTICE, "hash-2");
        index.catchUpWith(i -> i.catchUp(consumer, List.of(PARTITION), POLL));
        index.ensureCurrent();
        assertThat(index.get(NOTICE).hash()).isEqualTo("hash-2");
    }

    @Test
    void aRecordReadAgainNeverReplacesALaterStateAPublishApplied() {
        write(NOTICE, "hash-2");
        index.apply(change("hash-3"), 0, 7);
        index.markUncertain();

        index.ensureCurrent();

        assertThat(index.get(NOTICE).hash()).isEqualTo("hash-3");
        assertThat(index.get(NOTICE).offset()).isEqualTo(7);
    }

    @Test
    void aDeletionItReadsRemovesTheEntity() {
        write(NOTICE, null);
        index.markUncertain();

        index.ensureCurrent();

        assertThat(index.get(NOTICE)).isNull();
    }

    /** Appends a change event (or, with no hash, a tombstone) to the mock log at its next offset. */
    private void write(String key, String hash) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = null;
        if (hash != null) {
            headers.add("ce_" + ChangeEvents.EXT_HASH, hash.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_type", "cz.spojka.notice.updated".getBytes(StandardCharsets.UTF_8));
            headers.add("ce_" + ChangeEvents.EXT_CONNECTOR, "uredni-deska-ofn".getBytes(StandardCharsets.UTF_8));
            value = "{}".getBytes(StandardCharsets.UTF_8);
        }
        consumer.addRecord(new ConsumerRecord<>(
                PARTITION.topic(),
                PARTITION.partition(),
                end,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                key,
                value,
                headers,
                Optional.empty()));
        end++;
        consumer.updateEndOffsets(Map.of(PARTITION, end));
    }

    private static Change change(String hash) {
        return new Change(
                ChangeType.UPDATED,
                NOTICE,
                "notice",
                "uredni-deska",
                "https://spojka.test/graph/uredni-deska/00007064",
                hash,
                null,
                new Provenance("uredni-deska-ofn", "1", Instant.parse("2026-11-27T00:00:00Z"), null, null),
                null);
    }
}
