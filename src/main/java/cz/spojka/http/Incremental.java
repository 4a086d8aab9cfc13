package cz.spojka.http;

import cz.spojka.mapping.MappingException;
import cz.spojka.mapping.RecordMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a connector remembers between polls to fetch only what changed: a {@code since} value sent as a query
 * parameter, and the validators of a conditional request ({@code ETag}, {@code Last-Modified}). The values live in
 * the connector's state under {@link #SINCE}, {@link #ETAG} and {@link #LAST_MODIFIED}; a poll proposes new ones,
 * which the hub stores only after the run succeeded.
 *
 * @param sinceParam the query parameter that carries the stored value, or empty for none
 * @param sinceFrom where the value for the next poll comes from
 * @param sinceHeader the response header with the value (since from {@code header})
 * @param sincePointer the JSON Pointer of the value in the body (since from {@code body})
 * @param conditional whether requests carry {@code If-None-Match} and {@code If-Modified-Since}
 */
record Incremental(
        String sinceParam, SinceFrom sinceFrom, String sinceHeader, String sincePointer, boolean conditional) {

    static final String SINCE = "since";
    static final String ETAG = "etag";
    static final String LAST_MODIFIED = "lastModified";

    /** The values of the {@code sinceFrom} parameter. */
    enum SinceFrom {
        /** The time the poll started, as an ISO-8601 instant in whole seconds (rounded down). */
        FETCH_TIME,
        /** A response header of the first page: a server's own clock, such as {@code Date}, read before paging. */
        HEADER,
        /** A value in the body of the last page that has one: a cursor the source hands out after the last page. */
        BODY;

        String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static SinceFrom of(String value) {
            return Arrays.stream(values())
                    .filter(s -> s.value().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("sinceFrom '" + value + "' is none of "
                            + Arrays.stream(values()).map(SinceFrom::value).toList()));
        }
    }

    /** What the connector's state held when the poll started; empty strings for values not stored yet. */
    record State(String since, String etag, String lastModified) {}

    /** The first page's address: the configured one, with the stored since value once there is one. */
    URI first(URI url, State state) {
        return sends(state) ? QueryParameters.with(url, sinceParam, state.since()) : url;
    }

    /** Whether the poll asks only for what changed since the stored value, so the run must derive no deletions. */
    boolean sends(State state) {
        return !sinceParam.isEmpty() && !state.since().isEmpty();
    }

    /** Whether the first request is conditional: enabled, and a validator was stored by an earlier poll. */
    boolean conditionalOn(State state) {
        return conditional && !(state.etag().isEmpty() && state.lastModified().isEmpty());
    }

    /**
     * The values the next poll starts from. A since value the responses do not carry is not proposed, so the stored
     * one stays; validators the response lacks are proposed empty, so a stale one is not sent again.
     */
    Map<String, String> next(Instant started, List<HttpResponse<byte[]>> pages, RecordMapper reader) {
        Map<String, String> next = new TreeMap<>();
        if (!sinceParam.isEmpty()) {
            String since = switch (sinceFrom) {
                case FETCH_TIME -> started.truncatedTo(ChronoUnit.SECONDS).toString();
                case HEADER -> pages.get(0).headers().firstValue(sinceHeader).orElse(null);
                case BODY -> lastInBodies(pages, reader);
            };
            if (since != null && !since.isBlank()) {
                next.put(SINCE, since.strip());
            }
        }
        if (conditional) {
            HttpResponse<byte[]> response = pages.get(0);
            next.put(ETAG, response.headers().firstValue("ETag").orElse(""));
            next.put(
                    LAST_MODIFIED,
                    response.headers().firstValue("Last-Modified").orElse(""));
        }
        return next;
    }

    private String lastInBodies(List<HttpResponse<byte[]>> pages, RecordMapper reader) {
        for (int i = pages.size() - 1; i >= 0; i--) {
            try {
                String value = reader.textAt(pages.get(i).body(), sincePointer);
                if (value != null) {
                    return value;
                }
            } catch (MappingException e) {
                // The run fails on that page with a dead letter naming it; no value is proposed from it.
            }
        }
        return null;
    }
}
