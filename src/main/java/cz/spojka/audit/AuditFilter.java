package cz.spojka.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.access.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Records the requests the audit log holds, outermost of the hub's filters, so that it sees the caller the
 * authentication inside put on the request and the final status: every request of an authenticated caller to a data
 * channel, every request to the API other than a GET (the admin actions), every GET of the audit log itself, and
 * every answer 401, 403 or 429, anonymous callers' too (a flood of those collapsed by {@link RepeatedRefusals}). An
 * event stream is recorded when it opens. While the log cannot
 * be written, a request it would record is answered 503 before it runs ({@link AuditLog#ensureWritable}).
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Set<Integer> REFUSALS = Set.of(401, 403, 429);
    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String SPARQL_QUERY_TYPE = "application/sparql-query";
    /** The header of API keys ({@code access.CredentialFilter}). */
    private static final String API_KEY_HEADER = "X-Api-Key";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A query body longer than this is not hashed: only this much of it (and one byte more) is kept. */
    private static final int MAX_QUERY_BYTES = 1 << 20;

    /** Parameter names that may carry a credential; they never reach the log. */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile(".*(key|token|secret|password|passwd|credential|auth).*", Pattern.CASE_INSENSITIVE);

    private final AuditLog log;
    private final RepeatedRefusals repeatedRefusals;

    AuditFilter(AuditLog log, RepeatedRefusals repeatedRefusals) {
        this.log = log;
        this.repeatedRefusals = repeatedRefusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A query sent as the body is read by Fuseki; the copy lets it be hashed afterwards.
        HttpServletRequest seen =
                sparqlBody(request) ? new ContentCachingRequestWrapper(request, MAX_QUERY_BYTES + 1) : request;
        if (mayBeAudited(request)) {
            try {
                log.ensureWritable();
            } catch (AuditUnavailable e) {
                unavailable(response, e);
                return;
            }
        }
        try {
            chain.doFilter(seen, response);
        } catch (IOException | ServletException | RuntimeException e) {
            try {
                recordIfAudited(seen, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            } catch (RuntimeException recording) {
                // The request's own failure is the one to report; the log's goes with it.
                e.addSuppressed(recording);
            }
            throw e;
        }
        recordIfAudited(seen, response.getStatus());
    }

    private void recordIfAudited(HttpServletRequest request, int status) {
        String path = path(request);
        Caller caller = Caller.of(request);
        if (!audited(request.getMethod(), path, status, caller)) {
            return;
        }
        AuditEvent event = event(request, path, status, caller);
        if (uncheckedRefusal(request, status, event) && !repeatedRefusals.recordInFull(event.client(), status)) {
            return;
        }
        try {
            log.record(event);
        } catch (AuditUnavailable e) {
            if (!REFUSALS.contains(status)) {
                throw e;
            }
            // Nothing was served: a refusal the log cannot hold is not worth failing the answer for.
            logger.warn("A refusal of " + path + " was not recorded: " + e.getMessage());
        }
    }

    /**
     * A refusal of a request whose credential, if any, was not checked: none was sent, or the address was throttled
     * for refused credentials (429). Only these are collapsed; a credential checked and refused, even one that names
     * nobody (an unknown key), is recorded in full, and the auth-failure limit bounds how many there are.
     */
    private static boolean uncheckedRefusal(HttpServletRequest request, int status, AuditEvent event) {
        return REFUSALS.contains(status)
                && ANONYMOUS.equals(event.actor())
                && (status == 429 || !Caller.presentsCredential(request));
    }

    static boolean audited(String method, String path, int status, Caller caller) {
        if (REFUSALS.contains(status)) {
            return true;
        }
        if (AuditActions.isApi(path)) {
            return auditedApi(method, path);
        }
        return AuditActions.isDataChannel(path) && !caller.anonymous();
    }

    /**
     * The API's changes, and its reads that return what the log must account for: the audit log itself, and dead
     * letters and records held for review, which hold source records (of restricted datasets too).
     */
    private static boolean auditedApi(String method, String path) {
        if (!READS.contains(method)) {
            return true;
        }
        List<String> segments = List.of(path.split("/"));
        return segments.size() > 2 && segments.get(2).equals("audit")
                || segments.contains("deadletters")
                || segments.contains("held");
    }

    /**
     * Whether the request will be recorded if it is answered: decided before authentication, so a data channel's
     * request counts when it carries a credential at all. Anonymous reads of public data go on while the log cannot
     * be written.
     */
    static boolean mayBeAudited(String method, String path, boolean credential) {
        if (AuditActions.isApi(path)) {
            return auditedApi(method, path);
        }
        return AuditActions.isDataChannel(path) && credential;
    }

    private static boolean mayBeAudited(HttpServletRequest request) {
        boolean credential =
                request.getHeader(API_KEY_HEADER) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        return mayBeAudited(request.getMethod(), path(request), credential);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void unavailable(HttpServletResponse response, AuditUnavailable e) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(
                response.getWriter(),
                Map.of("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error", e.getMessage()));
    }

    private static AuditEvent event(HttpServletRequest request, String path, int status, Caller served) {
        // A refused key or token is named by whose it was, where the hub knows it.
        Caller caller = served.anonymous()
                        && request.getAttribute(Caller.REFUSED_CREDENTIAL_ATTRIBUTE) instanceof Caller refused
                ? refused
                : served;
        AuditActions.Action action = AuditActions.of(request.getMethod(), path, request::getParameter);
        return new AuditEvent(
                actor(caller),
                caller.credential(),
                caller.role().name().toLowerCase(Locale.ROOT),
                request.getRemoteAddr(),
                request.getMethod(),
                withoutSecrets(request.getRequestURI(), request.getQueryString()),
                action.name(),
                action.target(),
                status,
                AuditEvent.outcomeOf(status),
                action.name().equals("sparql.query") ? queryHash(request) : null,
                null);
    }

    private static String actor(Caller caller) {
        if (caller.agency() != null) {
            return caller.agency();
        }
        return caller.anonymous() || caller.credential() == null ? ANONYMOUS : caller.credential();
    }

    /** The path with the query string, less every parameter whose name suggests a credential. */
    static String withoutSecrets(String uri, String queryString) {
        if (queryString == null) {
            return uri;
        }
        String kept = Arrays.stream(queryString.split("&"))
                .filter(parameter -> !SECRET_PARAMETER
                        .matcher(URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8))
                        .matches())
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? uri : uri + "?" + kept;
    }

    private static boolean sparqlBody(HttpServletRequest request) {
        String type = request.getContentType();
        return AuditActions.isSparql(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith(SPARQL_QUERY_TYPE);
    }

    /** The body of a request refused before anything read it (a rate limit, an authentication failure). */
    private static byte[] unread(ContentCachingRequestWrapper request) {
        try {
            return request.getInputStream().readNBytes(MAX_QUERY_BYTES + 1);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** SHA-256 of the query's text: the parameter {@code query} (GET, POST form) or the body (POST direct). */
    private static String queryHash(HttpServletRequest request) {
        if (request instanceof ContentCachingRequestWrapper body) {
            byte[] read = body.getContentAsByteArray();
            if (read.length == 0) {
                read = unread(body);
            }
            return read.length == 0 || read.length > MAX_QUERY_BYTES ? null : AuditEntry.sha256(read);
        }
        String query = request.getParameter("query");
        return query == null ? null : AuditEntry.sha256(query);
    }
}
