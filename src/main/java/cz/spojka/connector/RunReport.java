package cz.spojka.connector;

import com.fasterxml.jackson.annotation.JsonIgnore;
import cz.spojka.privacy.PersonalDataCounts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one connector run, logged and kept as the connector's last run.
 *
 * @param connectorId the connector
 * @param runId the run's id, unique among all runs; entities name their run {@code <base>connectors/<id>/runs/<run id>}
 * @param startedAt when the run started (the fetch time)
 * @param records source records received
 * @param rejected records (that could not be mapped) and entities (that failed the gate) sent to the dead-letter log
 * @param entities entities that passed the gate
 * @param created entities published as new
 * @param updated entities published as changed
 * @param unchanged entities that passed the gate and were published neither as created nor as updated
 * @param deleted entities published as deleted (complete snapshots only)
 * @param millis duration of the run
 * @param error why the run failed, or {@code null}; a failed run publishes nothing and deletes nothing, except one
 *     the deletion guard refused ({@code resilience.maxDeletionShare}): it published its creations and updates, as
 *     counted, and deleted nothing
 * @param personalData what the personal-data guard found and did, or {@code null} for a dataset it does not look into
 * @param rejections why records and entities were rejected, in the order they were, at most
 *     {@link #MAX_REJECTIONS} (all of them are in the dead-letter log); not part of {@code /api/connectors}
 * @param skipped why the poll was not even tried (the source's circuit breaker is open), or {@code null}; a skipped
 *     run fetched, published and deleted nothing
 */
public record RunReport(
        String connectorId,
        String runId,
        Instant startedAt,
        int records,
        int rejected,
        int entities,
        int created,
        int updated,
        int unchanged,
        int deleted,
        long millis,
        String error,
        PersonalDataCounts personalData,
        @JsonIgnore List<Rejection> rejections,
        String skipped) {

    public RunReport {
        // The run history keeps reports without their rejections (they are in the dead-letter log).
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    /** Rejections a report keeps with their reasons: enough for the sender of a push, bounded for a large poll. */
    public static final int MAX_REJECTIONS = 1000;

    /**
     * One rejected record or entity.
     *
     * @param recordId the record's id in the source ({@code #<n>} when it has none)
     * @param entityIri the entity that failed the SHACL gate, or {@code null} when the whole record failed to map
     * @param stage {@code mapping} or {@code shacl}
     * @param reason why, in one line
     */
    public record Rejection(String recordId, String entityIri, String stage, String reason) {}

    static RunReport failed(String connectorId, String runId, Instant startedAt, long millis, String error) {
        return new RunReport(connectorId, runId, startedAt, 0, 0, 0, 0, 0, 0, 0, millis, error, null, List.of(), null);
    }

    /** A poll not tried at all, and why. */
    static RunReport skipped(String connectorId, Instant at, String reason) {
        return new RunReport(connectorId, newRunId(), at, 0, 0, 0, 0, 0, 0, 0, 0, null, null, List.of(), reason);
    }

    /** A new run's id. */
    static String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** When the run ended. */
    public Instant finishedAt() {
        return startedAt.plusMillis(millis);
    }

    /** Entities published as created or updated. */
    public int changed() {
        return created + updated;
    }

    /** Whether the run went through: neither failed nor skipped. */
    public boolean succeeded() {
        return error == null && skipped == null;
    }

    @Override
    public String toString() {
        if (skipped != null) {
            return "connector " + connectorId + ": poll SKIPPED: " + skipped;
        }
        if (!succeeded()) {
            return "connector " + connectorId + ": run FAILED after " + millis + " ms: " + error;
        }
        return "connector " + connectorId + ": " + records + " records, " + entities + " entities (" + created
                + " created, " + updated + " updated, " + unchanged + " unchanged, " + deleted + " deleted), "
                + rejected + " rejected, " + millis + " ms"
                + (personalData == null
                        ? ""
                        : "; personal data: " + personalData.found() + " found, " + personalData.redacted()
                                + " redacted, " + personalData.pseudonymised() + " pseudonymised, "
                                + personalData.held() + " entities held");
    }
}
