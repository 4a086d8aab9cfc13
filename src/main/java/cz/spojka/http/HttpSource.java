package cz.spojka.http;

import cz.spojka.connector.Resilience;
import cz.spojka.mapping.MappingException;
import cz.spojka.mapping.RecordMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One agenda system's HTTP interface as a connector polls it: every page of one poll, requested with the
 * connector's credentials and, when it has them, its since value and validators. Bodies stay the bytes the source
 * sent (any charset), since only the mapping knows how to read them.
 */
final class HttpSource {

    /**
     * What one poll fetched.
     *
     * @param pages the bodies of every page, in order; empty when the source answered {@code 304 Not Modified}
     * @param partial whether the source was asked only for what changed, so the run must derive no deletions
     * @param nextState the state values the next poll should start from, stored only after a successful run
     */
    record Poll(List<byte[]> pages, boolean partial, Map<String, String> nextState) {}

    private final URI url;
    private final String accept;
    private final Duration timeout;
    private final Paging paging;
    private final int maxPages;
    private final Incremental incremental;
    private final Authentication authentication;
    private final HttpClient client;
    private final Clock clock;
    private final long maxBytes;

    /** @param maxBytes the largest body of one page read; the poll fails on a larger one, which is not read further */
    HttpSource(
            URI url,
            String accept,
            Duration timeout,
            Paging paging,
            int maxPages,
            Incremental incremental,
            Authentication authentication,
            HttpClient client,
            Clock clock,
            long maxBytes) {
        this.maxBytes = maxBytes;
        this.url = url;
        this.accept = accept;
        this.timeout = timeout;
        this.paging = paging;
        this.maxPages = maxPages;
        this.incremental = incremental;
        this.authentication = authentication;
        this.client = client;
        this.clock = clock;
    }

    /**
     * Fetches every page. Throws {@link HttpPollException} when a page cannot be fetched, so that nothing of the poll
     * reaches the data flow.
     *
     * @param reader the connector's mapping, which reads record counts, next links and since values from bodies
     * @param resilience how often and after what waits a request that failed transiently is sent again
     */
    Poll poll(Incremental.State state, RecordMapper reader, Resilience resilience) {
        Instant started = clock.instant();
        Paging.Walk walk = paging.walk(incremental.first(url, state));
        List<HttpResponse<byte[]>> pages = new ArrayList<>();
        Set<URI> fetched = new HashSet<>();
        do {
            URI page = walk.next();
            check(page, pages.size() + 1, fetched);
            boolean conditional = pages.isEmpty() && incremental.conditionalOn(state);
            HttpResponse<byte[]> response = get(page, conditional ? state : null, resilience);
            if (response.statusCode() == 304) {
                return new Poll(List.of(), incremental.sends(state), Map.of());
            }
            pages.add(response);
        } while (advance(walk, pages, reader));
        return new Poll(
                pages.stream().map(HttpResponse::body).toList(),
                incremental.sends(state),
                incremental.next(started, pages, reader));
    }

    private static boolean advance(Paging.Walk walk, List<HttpResponse<byte[]>> pages, RecordMapper reader) {
        HttpResponse<byte[]> page = pages.get(pages.size() - 1);
        try {
            return walk.advance(page, reader);
        } catch (MappingException e) {
            throw new HttpPollException(
                    "Page " + pages.size() + " (" + page.uri() + ") cannot be read to find the next one: "
                            + e.getMessage(),
                    page.body(),
                    e);
        }
    }

    private void check(URI page, int number, Set<URI> fetched) {
        if (!fetched.add(page)) {
            throw new HttpPollException("Page " + number + " would be " + page
                    + " again, which this poll fetched already: the source's next links go round in a circle");
        }
        if (number > maxPages) {
            throw new HttpPollException("The source has more than maxPages = " + maxPages + " pages (page " + number
                    + " would be " + page + "); raise maxPages if it really has that many");
        }
        if (authentication != Authentication.NONE && !sameOrigin(page, url)) {
            throw new HttpPollException("Page " + number + " is at " + page + ", on another host than url " + url
                    + "; the hub sends the connector's credentials only to the host of url");
        }
    }

    /**
     * One GET, sent again after a transient failure (see {@link #transientStatus}, and any I/O failure: a timeout, a
     * reset or refused connection, a body cut short) up to {@code resilience.retries()} times, each time after a
     * longer wait. The last failure fails the poll, saying how many attempts were made.
     */
    private HttpResponse<byte[]> get(URI page, Incremental.State validators, Resilience resilience) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt > resilience.retries();
            HttpResponse<byte[]> response = null;
            try {
                response = attempt(page, validators);
            } catch (HttpPollException e) {
                if (last || !(e.getCause() instanceof IOException)) {
                    throw attempt == 1
                            ? e
                            : new HttpPollException(e.getMessage() + Resilience.gaveUpAfter(attempt), e.getCause());
                }
            }
            if (response != null && (last || !transientStatus(response.statusCode()))) {
                return checked(page, validators, response, attempt);
            }
            resilience.pauseBefore(
                    attempt,
                    interrupted ->
                            new HttpPollException("The poll was interrupted while it waited to retry", interrupted));
        }
    }

    /** A {@code 401} is answered once with renewed credentials (an OAuth2 token that expired early). */
    private HttpResponse<byte[]> attempt(URI page, Incremental.State validators) {
        HttpResponse<byte[]> response = send(client, request(page, validators), maxBytes);
        if (response.statusCode() == 401 && authentication.renew()) {
            response = send(client, request(page, validators), maxBytes);
        }
        return response;
    }

    /** Any status outside 2xx fails the poll, except {@code 304} to a conditional request. */
    private static HttpResponse<byte[]> checked(
            URI page, Incremental.State validators, HttpResponse<byte[]> response, int attempt) {
        int status = response.statusCode();
        if ((status < 200 || status > 299) && !(status == 304 && validators != null)) {
            throw new HttpPollException(
                    "GET " + page + " answered HTTP " + status + HttpPollException.excerpt(response.body())
                            + (attempt == 1 ? "" : Resilience.gaveUpAfter(attempt)));
        }
        return response;
    }

    /** Answers that may well be different a moment later: server errors, a timeout, too many requests. */
    static boolean transientStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private HttpRequest request(URI page, Incremental.State validators) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(page).timeout(timeout).GET();
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (validators != null) {
            if (!validators.etag().isEmpty()) {
                request.header("If-None-Match", validators.etag());
            }
            if (!validators.lastModified().isEmpty()) {
                request.header("If-Modified-Since", validators.lastModified());
            }
        }
        authentication.sign(request);
        return request.build();
    }

    /** Sends a request; the body is read as the bytes the server sent. */
    static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
        return send(client, request, Long.MAX_VALUE);
    }

    /** Sends a request; the body is read as the bytes the server sent, failing once it exceeds {@code maxBytes}. */
    static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, long maxBytes) {
        try {
            return client.send(
                    request,
                    maxBytes == Long.MAX_VALUE
                            ? HttpResponse.BodyHandlers.ofByteArray()
                            : info -> new CappedBody(maxBytes));
        } catch (IOException e) {
            throw new HttpPollException(
                    request.method() + " " + request.uri() + " failed: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpPollException(request.method() + " " + request.uri() + " was interrupted", e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
