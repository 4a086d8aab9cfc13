package cz.spojka.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The filters of {@code GET /api/audit} and its export: entries written from {@code from} (inclusive) to {@code to}
 * (exclusive), of one actor, outcome and action, after the entry numbered {@code after}; each null when not given.
 */
record AuditQuery(Instant from, Instant to, String actor, String outcome, String action, long after) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The filters as a request sends them, bound from its query parameters of the same names. */
    record Parameters(String from, String to, String actor, String outcome, String action, String after) {}

    /** Reads the request's parameters; every problem is named in one message. */
    static AuditQuery of(Parameters parameters) {
        return of(
                parameters.from(),
                parameters.to(),
                parameters.actor(),
                parameters.outcome(),
                parameters.action(),
                parameters.after());
    }

    static AuditQuery of(String from, String to, String actor, String outcome, String action, String after) {
        List<String> problems = new ArrayList<>();
        AuditQuery query = new AuditQuery(
                instant("from", from, problems),
                instant("to", to, problems),
                actor,
                outcome,
                action,
                number("after", after, 0, Long.MAX_VALUE, problems));
        if (outcome != null
                && !List.of(
                                AuditEvent.ALLOWED,
                                AuditEvent.REFUSED,
                                AuditEvent.ERROR,
                                AuditEvent.REPAIRED,
                                AuditEvent.OPENED)
                        .contains(outcome)) {
            problems.add("outcome must be allowed, refused, error, repaired or opened, not '" + outcome + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return query;
    }

    static int limit(String limit) {
        List<String> problems = new ArrayList<>();
        long value = number("limit", limit, 1, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        return limit == null ? DEFAULT_LIMIT : (int) value;
    }

    /**
     * The entries the query asks for. With {@code from} or {@code to}, an entry whose {@code time} is not an instant
     * (edited on disk: {@code verify} names it) is skipped rather than failing the whole answer.
     */
    Predicate<AuditEntry> filter() {
        return entry -> (from == null && to == null || within(entry.time()))
                && (actor == null || actor.equals(entry.actor()))
                && (outcome == null || outcome.equals(entry.outcome()))
                && (action == null || action.equals(entry.action()));
    }

    private boolean within(String time) {
        if (time == null) {
            return false;
        }
        Instant instant;
        try {
            instant = Instant.parse(time);
        } catch (DateTimeParseException e) {
            return false;
        }
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    private static Instant instant(String name, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an instant such as 2025-01-31T12:00:00Z, not '" + value + "'");
            return null;
        }
    }

    private static long number(String name, String value, long min, long max, List<String> problems) {
        if (value == null) {
            return 0;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
        return 0;
    }
}
