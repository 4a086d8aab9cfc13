package cz.spojka.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * One replay of a dead letter, as recorded in the replay log.
 *
 * @param letterId the letter replayed
 * @param at when
 * @param outcome {@code published} (entities created or updated), {@code unchanged} (everything it describes was
 *     already published as it is), or {@code rejected} (rejected again: see {@code newLetters})
 * @param created entities published as new
 * @param updated entities published as changed
 * @param unchanged entities that passed and were already published as they are
 * @param rejected records and entities rejected again
 * @param newLetters ids of the dead letters the replay wrote, each linked back to this letter
 * @param reasons why it was rejected again, one per new letter
 */
record Replay(
        String letterId,
        Instant at,
        String outcome,
        int created,
        int updated,
        int unchanged,
        int rejected,
        List<String> newLetters,
        List<String> reasons) {

    static final String PUBLISHED = "published";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";

    Replay {
        newLetters = List.copyOf(newLetters);
        reasons = List.copyOf(reasons);
    }
}
