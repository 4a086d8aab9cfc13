package cz.spojka.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code http-poll} parameters into the parts of an {@link HttpSource}, collecting every combination that
 * cannot work. The hub has checked each value on its own (type, allowed values) when it loaded the connector; what
 * is checked here are the parameters that only make sense together.
 */
final class HttpPollSettings {

    private final List<String> problems = new ArrayList<>();

    Paging paging(
            String pagination,
            String pageParam,
            String pageStart,
            String pageSizeParam,
            int pageSize,
            String nextLinkPointer) {
        Pagination mode = Pagination.of(text(pagination));
        String param = text(pageParam).isEmpty() ? (mode == Pagination.OFFSET ? "offset" : "page") : text(pageParam);
        int start = text(pageStart).isEmpty() ? (mode == Pagination.OFFSET ? 0 : 1) : Integer.parseInt(text(pageStart));
        String pointer = text(nextLinkPointer);
        if (mode == Pagination.NEXT_LINK && !pointer.startsWith("/")) {
            problems.add("pagination next-link needs nextLinkPointer, the JSON Pointer of the next page's address in"
                    + " the body (e.g. /links/next), not '" + pointer + "'");
        }
        positive("pageSize", pageSize);
        return new Paging(mode, param, start, text(pageSizeParam), pageSize, pointer);
    }

    Incremental incremental(
            String sinceParam,
            String sinceFrom,
            String sinceHeader,
            String sincePointer,
            boolean conditional,
            Paging paging) {
        Incremental.SinceFrom from = Incremental.SinceFrom.of(text(sinceFrom));
        boolean since = !text(sinceParam).isEmpty();
        if (from == Incremental.SinceFrom.HEADER && text(sinceHeader).isEmpty()) {
            problems.add("sinceFrom header needs sinceHeader, the response header with the next since value");
        }
        if (from == Incremental.SinceFrom.BODY && !text(sincePointer).startsWith("/")) {
            problems.add("sinceFrom body needs sincePointer, the JSON Pointer of the next since value in the body,"
                    + " not '" + text(sincePointer) + "'");
        }
        if (!since && from != Incremental.SinceFrom.FETCH_TIME) {
            problems.add("sinceFrom " + from.value() + " needs sinceParam, the query parameter the value is sent in");
        }
        if (conditional && paging.mode() != Pagination.NONE) {
            problems.add("conditional requests need pagination none: a 304 Not Modified speaks for one address, not"
                    + " for every page");
        }
        return new Incremental(text(sinceParam), from, text(sinceHeader), text(sincePointer), conditional);
    }

    Authentication authentication(
            String auth,
            String username,
            String password,
            String apiKeyHeader,
            String apiKey,
            String tokenUrl,
            String clientId,
            String clientSecret,
            String scope,
            HttpClient client,
            Duration timeout) {
        switch (text(auth)) {
            case "none" -> {
                return Authentication.NONE;
            }
            case "basic" -> {
                required("basic", "username", username);
                required("basic", "password", password);
                return Authentication.basic(text(username), text(password));
            }
            case "api-key" -> {
                required("api-key", "apiKeyHeader", apiKeyHeader);
                required("api-key", "apiKey", apiKey);
                return Authentication.apiKey(text(apiKeyHeader), text(apiKey));
            }
            case "oauth2-client-credentials" -> {
                required("oauth2-client-credentials", "tokenUrl", tokenUrl);
                required("oauth2-client-credentials", "clientId", clientId);
                required("oauth2-client-credentials", "clientSecret", clientSecret);
                return text(tokenUrl).isEmpty()
                        ? Authentication.NONE
                        : new OAuth2ClientCredentials(
                                URI.create(text(tokenUrl)),
                                text(clientId),
                                text(clientSecret),
                                text(scope),
                                client,
                                timeout,
                                Clock.systemUTC());
            }
            default ->
                throw new IllegalArgumentException(
                        "auth '" + auth + "' is none of none, basic, api-key," + " oauth2-client-credentials");
        }
    }

    void positive(String name, long value) {
        if (value < 1) {
            problems.add(name + " must be at least 1, not " + value);
        }
    }

    /** Throws when any combination cannot work, naming all of them. */
    void throwProblems(String connectorId) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("connector '" + connectorId + "': the http-poll parameters do not fit"
                    + " together: " + String.join("; ", problems));
        }
    }

    private void required(String auth, String name, String value) {
        if (text(value).isEmpty()) {
            problems.add("auth " + auth + " needs " + name);
        }
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
