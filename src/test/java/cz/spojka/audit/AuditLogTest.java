package cz.spojka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The log on disk: the chain across reopening and files, and what tampering and a crash leave behind. */
class AuditLogTest {

    private static final long LARGE = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void theChainGoesOnAfterTheLogIsReopened() throws IOException {
        record(open(LARGE), 3).close();
        AuditLog reopened = open(LARGE);
        AuditEntry next = reopened.record(event("agency-b", 200));

        assertThat(next.seq()).as("an audit.open entry at each start").isEqualTo(6);
        assertThat(reopened.verify()).isEqualTo(valid(6, next));
        assertThat(reopened.entries(0, entry -> entry.action().equals("audit.open"), 10))
                .extracting(AuditEntry::seq, AuditEntry::detail)
                .containsExactly(
                        tuple(
                                1L,
                                "the hub started; the log on disk ended at entry 0 with the hash "
                                        + AuditEntry.GENESIS),
                        tuple(
                                5L,
                                "the hub started; the log on disk ended at entry 4 with the hash "
                                        + reopened.entries(3, entry -> true, 1)
                                                .get(0)
                                                .hash()));
        reopened.close();
    }

    @Test
    void theChainGoesOnAcrossFiles() throws IOException {
        AuditLog log = record(open(1), 5);

        assertThat(new AuditFiles(dir).files())
                .extracting(f -> f.getFileName().toString())
                .containsExactly(
                        "audit-000000000001.jsonl",
                        "audit-000000000002.jsonl",
                        "audit-000000000003.jsonl",
                        "audit-000000000004.jsonl",
                        "audit-000000000005.jsonl",
                        "audit-000000000006.jsonl");
        assertThat(log.verify().valid()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(6);
        assertThat(log.entries(4, entry -> true, 10))
                .extracting(AuditEntry::seq)
                .containsExactly(5L, 6L);
        log.close();
    }

    @Test
    void aFileThatCannotBeStartedLeavesTheLogWritingInTheCurrentOneUntilTheNextEntryStartsIt() throws IOException {
        AuditLog log = record(open(1), 1);
        Path clash = Files.createDirectory(dir.resolve("audit-000000000003.jsonl"));

        log.record(event("agency-b", 200));
        Files.delete(clash);
        log.record(event("agency-c", 200));

        assertThat(new AuditFiles(dir).files())
                .extracting(f -> f.getFileName().toString())
                .containsExactly("audit-000000000001.jsonl", "audit-000000000002.jsonl", "audit-000000000004.jsonl");
        assertThat(log.verify().valid()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(4);
        log.close();
    }

    @Test
    void anEditedFieldIsNamedByItsEntry() throws IOException {
        record(open(LARGE), 5).close();
        edit(lines -> lines.set(2, lines.get(2).replace("\"outcome\":\"allowed\"", "\"outcome\":\"refused\"")));

        AuditChain.Verification verification = open(LARGE).verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.entries()).isEqualTo(2);
        assertThat(verification.firstInvalid())
                .isEqualTo(new AuditChain.Invalid(
                        3,
                        "its hash does not match its fields (line 3 of audit-000000000001.jsonl): the entry was"
                                + " changed"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"actor\":\"agency-1\"|\"actor\":\"someone-else\",\"actor\":\"agency-1\"",
                "\"status\":200|\"status\":\"200\"",
                "\"status\":200|\"status\":200.7",
                "\"seq\":3|\"seq\":3.0",
                "\"time\":|\"time\" :"
            })
    void aLineThatIsNotTheCanonicalFormOfItsEntryIsNamed(String edit) throws IOException {
        String[] replace = edit.split("\\|");
        record(open(LARGE), 5).close();
        edit(lines -> lines.set(2, lines.get(2).replace(replace[0], replace[1])));

        assertThat(open(LARGE).verify().firstInvalid())
                .isEqualTo(new AuditChain.Invalid(
                        3,
                        "it is not in canonical form (line 3 of audit-000000000001.jsonl): the line was edited, its"
                                + " fields may not be the ones hashed"));
    }

    @Test
    void anEntryWhoseTimeIsNotAnInstantIsNamedAndSkippedByQueriesOfTime() throws IOException {
        record(open(LARGE), 3).close();
        edit(lines -> {
            AuditEntry third = parse(lines.get(2));
            lines.set(
                    2,
                    AuditEntry.chained(third.seq(), "yesterday", AuditLogTest.event("agency-1", 200), third.prev())
                            .line());
        });
        AuditLog log = open(LARGE);

        assertThat(log.verify().firstInvalid())
                .isEqualTo(new AuditChain.Invalid(
                        3, "its time is not an instant (line 3 of audit-000000000001.jsonl): the entry was changed"));
        assertThat(log.entries(
                        0,
                        AuditQuery.of("2000-01-01T00:00:00Z", null, null, null, null, null)
                                .filter(),
                        10))
                .extracting(AuditEntry::seq)
                .containsExactly(1L, 2L, 4L, 5L);
        log.close();
    }

    @Test
    void theCanonicalFormEscapesAsDocumented() {
        AuditEntry entry = AuditEntry.chained(
                1,
                "2025-01-31T12:00:00Z",
                new AuditEvent(
                        "a\"b\\c/d\n\u0001é€", null, null, null, null, null, "x", null, 200, "allowed", null, null),
                AuditEntry.GENESIS);

        assertThat(entry.line())
                .startsWith("{\"seq\":1,\"time\":\"2025-01-31T12:00:00Z\",\"actor\":\"a\\\"b\\\\c/d\\n\\u0001é€\","
                        + "\"credential\":null,");
        String withoutHash = entry.line().substring(0, entry.line().indexOf(",\"hash\":")) + "}";
        assertThat(entry.hash()).isEqualTo(AuditEntry.sha256(withoutHash));
    }

    @Test
    void anEditedEntryWithARecomputedHashBreaksTheLinkOfTheNext() throws IOException {
        record(open(LARGE), 5).close();
        edit(lines -> {
            AuditEntry third = parse(lines.get(2));
            AuditEntry forged = AuditEntry.chained(
                    third.seq(),
                    third.time(),
                    new AuditEvent(
                            "someone-else",
                            null,
                            "reader",
                            "10.0.0.9",
                            "GET",
                            "/data",
                            "downloads.read",
                            null,
                            200,
                            "allowed",
                            null,
                            null),
                    third.prev());
            lines.set(2, forged.line());
        });

        assertThat(open(LARGE).verify().firstInvalid())
                .isEqualTo(new AuditChain.Invalid(
                        4,
                        "its prev is not the hash of entry 3 (line 4 of audit-000000000001.jsonl): an entry before it"
                                + " was changed or replaced"));
    }

    @Test
    void aDeletedEntryIsNamedByTheEntryAfterTheGap() throws IOException {
        record(open(LARGE), 5).close();
        edit(lines -> lines.remove(2));

        assertThat(open(LARGE).verify().firstInvalid())
                .isEqualTo(new AuditChain.Invalid(
                        4,
                        "it follows entry 2 (line 3 of audit-000000000001.jsonl): entries are missing or out of"
                                + " order"));
    }

    @Test
    void reorderedEntriesAreNamed() throws IOException {
        record(open(LARGE), 5).close();
        edit(lines -> lines.add(2, lines.remove(3)));

        assertThat(open(LARGE).verify().firstInvalid().seq()).isEqualTo(4);
    }

    @Test
    void aLineTheHubDidNotFinishIsCutOffAndTheRepairRecorded() throws IOException {
        record(open(LARGE), 3).close();
        Path file = dir.resolve("audit-000000000001.jsonl");
        String partial = "{\"seq\":4,\"time\":\"2025-";
        Files.writeString(file, partial, StandardOpenOption.APPEND);

        AuditLog reopened = open(LARGE);

        AuditChain.Verification verification = reopened.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(6);
        AuditEntry repair = reopened.entries(4, entry -> true, 10).get(0);
        assertThat(repair.seq()).isEqualTo(5);
        assertThat(repair.action()).isEqualTo("audit.repair");
        assertThat(repair.outcome()).isEqualTo("repaired");
        assertThat(repair.target()).isEqualTo("audit-000000000001.jsonl");
        assertThat(repair.detail())
                .isEqualTo("cut off " + partial.length() + " bytes of an entry the hub did not finish writing when it"
                        + " stopped");
        assertThat(Files.readString(file)).doesNotContain(partial);
        reopened.close();
    }

    @Test
    void entriesAreFilteredAndLimited() throws IOException {
        AuditLog log = open(LARGE);
        log.record(event("agency-a", 200));
        log.record(event("agency-b", 403));
        log.record(event("agency-a", 500));
        log.record(event("agency-a", 200));

        assertThat(log.entries(0, entry -> entry.actor().equals("agency-a"), 2))
                .extracting(AuditEntry::seq, AuditEntry::outcome)
                .containsExactly(tuple(2L, "allowed"), tuple(4L, "error"));
        log.close();
    }

    private AuditLog open(long fileSize) {
        return AuditLog.open(dir, fileSize, true);
    }

    private static AuditLog record(AuditLog log, int entries) {
        for (int i = 0; i < entries; i++) {
            log.record(event("agency-" + i, 200));
        }
        return log;
    }

    static AuditEvent event(String agency, int status) {
        return new AuditEvent(
                agency,
                "key:" + agency,
                "reader",
                "192.0.2.1",
                "POST",
                "/sparql",
                "sparql.query",
                null,
                status,
                AuditEvent.outcomeOf(status),
                AuditEntry.sha256("ASK {}"),
                null);
    }

    private static AuditChain.Verification valid(long entries, AuditEntry last) {
        return new AuditChain.Verification(true, entries, null, new AuditChain.Head(last.seq(), last.hash()));
    }

    private interface LinesEdit {
        void apply(List<String> lines);
    }

    private void edit(LinesEdit edit) throws IOException {
        Path file = dir.resolve("audit-000000000001.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        edit.apply(lines);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static AuditEntry parse(String line) {
        try {
            return AuditEntry.parse(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
