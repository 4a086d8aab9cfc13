package cz.spojka.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline check of an export: from its first entry on, wherever the export starts. */
class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void anExportFromTheMiddleOfTheLogIsValid() throws IOException {
        Path export = export(3);

        Output output = run("audit", "verify", export.toString());

        assertThat(output.code).isEqualTo(0);
        assertThat(output.out).startsWith("VALID: 4 entries, 4 to 7\nfirst entry 4 follows the hash ");
    }

    @Test
    void anEditedEntryOfTheExportIsNamed() throws IOException {
        Path export = export(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(4, lines.get(4).replace("\"status\":200", "\"status\":204"));
        Files.write(export, lines);

        Output output = run("audit", "verify", export.toString());

        assertThat(output.code).isEqualTo(1);
        assertThat(output.out)
                .isEqualTo("INVALID at entry 5: its hash does not match its fields (line 5 of export.jsonl): the entry"
                        + " was changed\n");
    }

    @Test
    void wrongUsageSaysHowToCallIt() {
        Output output = run("audit", "check");
        assertThat(output.code).isEqualTo(2);
        assertThat(output.err).isEqualTo(AuditVerifyCommand.USAGE + "\n");
    }

    /** Six entries written by the log, exported from the entry after {@code after}. */
    private Path export(long after) throws IOException {
        Path logDir = Files.createDirectories(dir.resolve("log"));
        AuditLog log = AuditLog.open(logDir, 1 << 20, false);
        for (int i = 0; i < 6; i++) {
            log.record(AuditLogTest.event("agency-" + i, 200));
        }
        StringBuilder lines = new StringBuilder();
        log.lines(after, (line, where) -> {
            if (line.contains("\"seq\":") && parsedSeq(line) > after) {
                lines.append(line).append('\n');
            }
            return true;
        });
        log.close();
        return Files.writeString(dir.resolve("export.jsonl"), lines);
    }

    private static long parsedSeq(String line) {
        try {
            return AuditEntry.parse(line).seq();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Output(int code, String out, String err) {}

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditVerifyCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
