package cz.spojka.deadletter;

import cz.spojka.changelog.DeadLetter;
import java.time.Instant;

/**
 * What the index keeps of one dead letter: everything but the record and the SHACL report, which are read from the
 * topic when the letter is opened.
 *
 * @param id {@code <partition>-<offset>} in the dead-letter topic, stable for the letter's life (30 days)
 * @param replayOf the id of the letter whose replay rejected the record again, or {@code null}
 * @param notReplayable why the letter cannot be replayed, or {@code null} when it can
 */
record LetterSummary(
        String id,
        int partition,
        long offset,
        String connectorId,
        String recordId,
        String entityIri,
        String stage,
        String reason,
        Instant rejectedAt,
        String replayOf,
        String notReplayable) {

    static LetterSummary of(int partition, long offset, DeadLetter letter, String replayOf) {
        return new LetterSummary(
                id(partition, offset),
                partition,
                offset,
                letter.connectorId(),
                letter.recordId(),
                letter.entityIri(),
                letter.stage(),
                letter.reason(),
                letter.rejectedAt(),
                replayOf,
                notReplayable(letter));
    }

    static String id(int partition, long offset) {
        return partition + "-" + offset;
    }

    /** Why a letter cannot be replayed, or {@code null}: what it keeps must be what the source sent. */
    static String notReplayable(DeadLetter letter) {
        if ("push".equals(letter.stage())) {
            return "a push the webhook refused was answered with a 4xx to its sender, who sends it again corrected;"
                    + " a replay would pass over the webhook's checks";
        }
        if (letter.record() == null) {
            return "the letter keeps no record to replay";
        }
        if (letter.truncated()) {
            return "the record was longer than 64 KiB and is kept truncated; fetch it again from the source"
                    + " (run the connector) instead";
        }
        return null;
    }
}
