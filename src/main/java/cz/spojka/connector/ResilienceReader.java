package cz.spojka.connector;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the optional {@code resilience:} block of {@code connector.yaml}; every bad value is a problem naming the
 * field, the value and what is allowed, and the default stands in for it.
 */
final class ResilienceReader {

    static final List<String> FIELDS = List.of(
            "retries",
            "retryBackoff",
            "retryBackoffMax",
            "breakerFailures",
            "breakerWait",
            "staleAfter",
            "maxDeletionShare");
    static final int MAX_RETRIES = 10;
    static final int MAX_BREAKER_FAILURES = 1000;

    private final ConnectorReader in;

    ResilienceReader(ConnectorReader in) {
        this.in = in;
    }

    /** @param schedule the connector's schedule, from which {@code staleAfter} is derived when not declared */
    Resilience read(Schedule schedule) {
        Resilience defaults = Resilience.defaults(schedule);
        if (in.raw("resilience") == null) {
            return defaults;
        }
        in.map("resilience");
        in.onlyKnownKeys("resilience", FIELDS);
        int retries = integer("retries", defaults.retries(), 0, MAX_RETRIES);
        Duration backoff = duration("retryBackoff", defaults.retryBackoff(), Duration.ZERO);
        Duration backoffMax = duration("retryBackoffMax", defaults.retryBackoffMax(), Duration.ZERO);
        if (backoffMax.compareTo(backoff) < 0) {
            in.problem(
                    "resilience.retryBackoffMax",
                    "'" + backoffMax + "' is shorter than retryBackoff '" + backoff + "'");
        }
        int failures = integer("breakerFailures", defaults.breakerFailures(), 1, MAX_BREAKER_FAILURES);
        Duration wait = duration("breakerWait", defaults.breakerWait(), Duration.ofSeconds(1));
        Duration staleAfter = duration("staleAfter", defaults.staleAfter(), Duration.ofSeconds(1));
        int maxDeletionShare = percent("maxDeletionShare", defaults.maxDeletionShare());
        return new Resilience(retries, backoff, backoffMax, failures, wait, staleAfter, maxDeletionShare);
    }

    /** A whole percentage from 0 to 100, written {@code 50%} or {@code 50}. */
    private int percent(String name, int defaultValue) {
        String field = "resilience." + name;
        String text = in.optional(field, null);
        if (text == null) {
            return defaultValue;
        }
        String number = text.strip();
        number = number.endsWith("%") ? number.substring(0, number.length() - 1).strip() : number;
        try {
            int value = Integer.parseInt(number);
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        in.problem(field, "'" + text + "' is not a whole percentage from 0% to 100% (e.g. 50%)");
        return defaultValue;
    }

    private int integer(String name, int defaultValue, int min, int max) {
        String field = "resilience." + name;
        String text = in.optional(field, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        in.problem(field, "'" + text + "' is not a whole number from " + min + " to " + max);
        return defaultValue;
    }

    private Duration duration(String name, Duration defaultValue, Duration min) {
        String field = "resilience." + name;
        String text = in.optional(field, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            Duration value = Duration.parse(text.strip());
            if (value.compareTo(min) >= 0) {
                return value;
            }
            in.problem(field, "'" + text + "' is shorter than the minimum " + min);
        } catch (DateTimeParseException e) {
            in.problem(field, "'" + text + "' is not an ISO-8601 duration (e.g. PT2S, PT15M, PT3H)");
        }
        return defaultValue;
    }
}
