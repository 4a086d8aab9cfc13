package cz.spojka.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Checks a run of audit log lines, in order, as a chain: each line is an entry written exactly in its canonical form
 * ({@link AuditEntry#line()}), its hash matches its fields, its
 * number follows the previous one's and its {@code prev} is the previous one's hash. The hub's own log must start
 * with entry 1 chained to {@link AuditEntry#GENESIS} ({@link #fromGenesis}); an exported part of it may start
 * anywhere ({@link #fromAnyEntry}), its first entry's number and {@code prev} taken as they are. Stops at the first
 * problem.
 */
public final class AuditChain {

    /** The first entry that broke the chain, and why. */
    public record Invalid(long seq, String reason) {}

    /** The last entry of a valid run: note it somewhere else to detect later that the log was cut short. */
    public record Head(long seq, String hash) {}

    /**
     * @param entries the entries checked, up to the first invalid one
     * @param firstInvalid null when the chain is valid
     * @param last the last valid entry, null when there is none
     */
    public record Verification(boolean valid, long entries, Invalid firstInvalid, Head last) {}

    private final boolean fromGenesis;
    private long entries;
    private AuditEntry last;
    private Invalid invalid;

    private AuditChain(boolean fromGenesis) {
        this.fromGenesis = fromGenesis;
    }

    public static AuditChain fromGenesis() {
        return new AuditChain(true);
    }

    public static AuditChain fromAnyEntry() {
        return new AuditChain(false);
    }

    /**
     * Checks the next line; {@code where} names it in the reason ({@code "line 3 of audit-….jsonl"}).
     *
     * @return whether the chain is still valid
     */
    public boolean accept(String line, String where) {
        if (invalid != null) {
            return false;
        }
        long expected = last == null ? 1 : last.seq() + 1;
        AuditEntry entry;
        try {
            entry = AuditEntry.parse(line);
        } catch (JsonProcessingException e) {
            return fail(expected, where + " is not an audit entry: " + e.getOriginalMessage());
        }
        if (!line.equals(entry.line())) {
            return fail(
                    entry.seq(),
                    "it is not in canonical form (" + where + "): the line was edited, its fields may not be the ones"
                            + " hashed");
        }
        if (!isInstant(entry.time())) {
            return fail(entry.seq(), "its time is not an instant (" + where + "): the entry was changed");
        }
        if (!entry.computedHash().equals(entry.hash())) {
            return fail(entry.seq(), "its hash does not match its fields (" + where + "): the entry was changed");
        }
        if (last == null && !fromGenesis) {
            return accepted(entry);
        }
        if (entry.seq() != expected) {
            return fail(
                    entry.seq(),
                    "it follows entry " + (expected - 1) + " (" + where + "): entries are missing or out of order");
        }
        String prev = last == null ? AuditEntry.GENESIS : last.hash();
        if (!prev.equals(entry.prev())) {
            return fail(
                    entry.seq(),
                    "its prev is not the hash of entry " + (expected - 1) + " (" + where
                            + "): an entry before it was changed or replaced");
        }
        return accepted(entry);
    }

    private static boolean isInstant(String time) {
        if (time == null) {
            return false;
        }
        try {
            Instant.parse(time);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private boolean accepted(AuditEntry entry) {
        last = entry;
        entries++;
        return true;
    }

    private boolean fail(long seq, String reason) {
        invalid = new Invalid(seq, reason);
        return false;
    }

    public Verification result() {
        return new Verification(
                invalid == null, entries, invalid, last == null ? null : new Head(last.seq(), last.hash()));
    }
}
