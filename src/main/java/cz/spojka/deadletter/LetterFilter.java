package cz.spojka.deadletter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Which dead letters a listing shows: of one connector, of one stage, rejected at or after an instant; {@code null}
 * for any.
 */
record LetterFilter(String connector, String stage, Instant since) {

    static final List<String> STAGES = List.of("fetch", "mapping", "shacl", "push");

    /** Reads the query parameters; a bad one throws with the parameter, the value and what is allowed. */
    static LetterFilter of(String connector, String stage, String since) {
        if (stage != null && !STAGES.contains(stage)) {
            throw new IllegalArgumentException("stage '" + stage + "' is not one of " + String.join(", ", STAGES));
        }
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "since '" + since + "' is not an instant such as 2026-11-27T00:00:00Z");
            }
        }
        return new LetterFilter(blankToNull(connector), stage, from);
    }

    boolean matches(LetterSummary letter) {
        return (connector == null || connector.equals(letter.connectorId()))
                && (stage == null || stage.equals(letter.stage()))
                && (since == null || !letter.rejectedAt().isBefore(since));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
