package cz.spojka.changelog;

import java.time.Instant;

/**
 * A record the hub rejected, as written to the dead-letter topic (JSON, keyed by {@code <connector>/<record id>}).
 *
 * @param connectorId the source
 * @param recordId the record's id in the source ({@code #<n>} when it has none)
 * @param entityIri the entity that failed the SHACL gate, or {@code null} when the whole record failed to map
 * @param stage where it was rejected: {@code fetch}, {@code mapping}, {@code shacl}, or {@code push} (a webhook refused
 *     the push before the run)
 * @param reason why, in one line
 * @param report the full SHACL report (Turtle) when the gate rejected it
 * @param record the source record as received, so it can be replayed after a fix
 * @param rejectedAt when
 */
public record DeadLetter(
        String connectorId,
        String recordId,
        String entityIri,
        String stage,
        String reason,
        String report,
        String record,
        Instant rejectedAt) {

    private static final int MAX_RECORD_CHARS = 64 * 1024;

    /** A dead letter rejected now; a source record longer than 64 KiB is truncated (the topic is not an archive). */
    public static DeadLetter now(
            String connectorId,
            String recordId,
            String entityIri,
            String stage,
            String reason,
            String report,
            String record) {
        String kept = record == null || record.length() <= MAX_RECORD_CHARS
                ? record
                : record.substring(0, MAX_RECORD_CHARS) + "…[truncated]";
        return new DeadLetter(connectorId, recordId, entityIri, stage, reason, report, kept, Instant.now());
    }

    /** Whether the record was cut at 64 KiB, so that what is kept is not the record the source sent. */
    public boolean truncated() {
        return record != null && record.length() > MAX_RECORD_CHARS;
    }

    public String key() {
        return connectorId + "/" + recordId;
    }
}
