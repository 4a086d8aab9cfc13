package cz.spojka.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar spojka.jar audit verify <file.jsonl>...}: checks an export of the audit log (or the log's own
 * files, given in order) offline. The first entry may be any: an export from {@code after=N} starts there; its
 * number and {@code prev} are printed so that they can be compared with the hub's. Exits 0 when the chain is valid,
 * 1 when it is broken (naming the entry and why), 2 on wrong usage.
 */
public final class AuditVerifyCommand {

    static final String USAGE = "usage: java -jar spojka.jar audit verify <file.jsonl>...";

    private AuditVerifyCommand() {}

    /** Whether the command line asks for this command rather than for the hub. */
    public static boolean matches(String[] args) {
        return args.length > 0 && args[0].equals("audit");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3 || !args[1].equals("verify")) {
            err.println(USAGE);
            return 2;
        }
        AuditChain chain = AuditChain.fromAnyEntry();
        String first = null;
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    if (first == null) {
                        first = line;
                    }
                    if (!chain.accept(line, "line " + number + " of " + file.getFileName())) {
                        break;
                    }
                }
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        return report(chain.result(), first, out);
    }

    private static int report(AuditChain.Verification result, String first, PrintStream out) {
        if (!result.valid()) {
            out.println("INVALID at entry " + result.firstInvalid().seq() + ": "
                    + result.firstInvalid().reason());
            return 1;
        }
        if (result.last() == null) {
            out.println("EMPTY: no entries");
            return 1;
        }
        AuditEntry start = parsed(first);
        out.println("VALID: " + result.entries() + " entries, " + start.seq() + " to "
                + result.last().seq());
        out.println("first entry " + start.seq() + " follows the hash " + start.prev());
        out.println("last entry " + result.last().seq() + " has the hash "
                + result.last().hash());
        return 0;
    }

    private static AuditEntry parsed(String line) {
        try {
            return AuditEntry.parse(line);
        } catch (IOException e) {
            throw new IllegalStateException("the chain accepted it", e);
        }
    }
}
