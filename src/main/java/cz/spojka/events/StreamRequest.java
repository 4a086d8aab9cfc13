package cz.spojka.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A request for the stream, read and checked: its filter and where it starts. It starts after the event named by
 * {@code Last-Event-ID} (a reconnecting client), else at the first event published at or after {@code since}, else
 * with the next event published. Every problem is collected, so one answer names them all.
 *
 * @param resumeAfter the position the {@code Last-Event-ID} header names, or {@code null}
 * @param since the {@code since} parameter, or {@code null}
 */
record StreamRequest(StreamFilter filter, StreamPosition resumeAfter, Instant since) {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Set<String> PARAMETERS = Set.of("type", "dataset", "municipality", "bbox", "since");
    private static final Pattern ICO = Pattern.compile("[0-9]{8}");

    /** Whether the stream first replays the change log from an earlier point. */
    boolean replays() {
        return resumeAfter != null || since != null;
    }

    /** @throws InvalidStreamRequest naming every problem */
    static StreamRequest parse(Map<String, String[]> parameters, String lastEventId) {
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(PARAMETERS);
        unknown.forEach(name -> problems.add("unknown parameter '" + name + "'; the parameters are "
                + String.join(", ", new TreeSet<>(PARAMETERS))));
        Set<String> municipalities = values(parameters, "municipality");
        municipalities.stream()
                .filter(ico -> !ICO.matcher(ico).matches())
                .forEach(ico -> problems.add("municipality: '" + ico + "' is not an IČO (8 digits)"));
        String box = single(problems, parameters, "bbox");
        BoundingBox bbox = box == null ? null : read(problems, "bbox", () -> BoundingBox.parse(box));
        String time = single(problems, parameters, "since");
        Instant since = time == null ? null : read(problems, "since", () -> instant(time));
        StreamPosition resumeAfter = lastEventId == null || lastEventId.isBlank()
                ? null
                : read(problems, LAST_EVENT_ID, () -> StreamPosition.parse(lastEventId));
        if (!problems.isEmpty()) {
            throw new InvalidStreamRequest(problems);
        }
        StreamFilter filter = new StreamFilter(
                List.copyOf(values(parameters, "type")), values(parameters, "dataset"), municipalities, bbox);
        return new StreamRequest(filter, resumeAfter, since);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an ISO 8601 time with an offset, e.g. 2026-11-26T16:00:00Z");
        }
    }

    /** A parameter's values: repeated and comma-separated ones alike, without blanks. */
    private static Set<String> values(Map<String, String[]> parameters, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault(name, new String[0])) {
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .forEach(values::add);
        }
        return values;
    }

    private static String single(List<String> problems, Map<String, String[]> parameters, String name) {
        String[] values = parameters.getOrDefault(name, new String[0]);
        if (values.length > 1) {
            problems.add(name + ": give it once, not " + values.length + " times");
            return null;
        }
        return values.length == 1 ? values[0] : null;
    }

    private static <T> T read(List<String> problems, String name, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
            return null;
        }
    }

    /** The request names one or more problems; the client is answered 400 with all of them. */
    static final class InvalidStreamRequest extends RuntimeException {

        private final List<String> problems;

        InvalidStreamRequest(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
