package cz.spojka.sparql;

import cz.spojka.system.AcceptHeader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers, before Fuseki sees them, the requests to {@code /sparql} that Fuseki would answer with a bare or misleading
 * message (or not refuse at all): SPARQL Update and Graph Store writes (the endpoint is read-only), a POST whose body
 * is neither a query nor a form, a body in another charset than UTF-8, and a request without any parameter (which
 * Fuseki would answer with a dump of the whole store). Such a request from a browser (a GET without any parameter
 * whose {@code Accept} prefers HTML to every result and RDF format) gets the query UI instead of the refusal.
 */
final class RequestGuard extends OncePerRequestFilter {

    static final String READ_ONLY = "/sparql is a read-only endpoint. Data enters the hub only through its connectors"
            + " and the Kafka change log (see /api/connectors).\n";
    private static final String QUERY_MEDIA_TYPE = "application/sparql-query";
    private static final String UPDATE_MEDIA_TYPE = "application/sparql-update";
    private static final Set<String> BODY_MEDIA_TYPES =
            Set.of(QUERY_MEDIA_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    private static final Set<String> WRITE_METHODS = Set.of("PUT", "POST", "DELETE", "PATCH");

    /** What the endpoint answers in: HTML must be preferred to each of them for the query UI to be served. */
    private static final List<MediaType> PROTOCOL_MEDIA_TYPES = Stream.of(
                    "application/sparql-results+json",
                    "application/sparql-results+xml",
                    "application/json",
                    "application/xml",
                    "text/csv",
                    "text/tab-separated-values",
                    "text/turtle",
                    "application/n-triples",
                    "application/ld+json",
                    "application/rdf+xml",
                    "application/n-quads",
                    "application/trig")
            .map(MediaType::valueOf)
            .toList();

    private record Refusal(int status, String message) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (wantsQueryUi(request)) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            request.getRequestDispatcher(QueryUiController.PAGE).forward(request, response);
            return;
        }
        Optional<Refusal> refusal = refusal(request);
        if (refusal.isPresent()) {
            response.setStatus(refusal.get().status());
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write(refusal.get().message().getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<Refusal> refusal(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String contentType = request.getContentType();
        if (isUpdate(request, contentType)) {
            return refuse(HttpServletResponse.SC_FORBIDDEN, "SPARQL Update is not accepted: " + READ_ONLY);
        }
        if (WRITE_METHODS.contains(method) && isGraphStore(request)) {
            return refuse(
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "Graph Store Protocol " + method + " is not accepted: " + READ_ONLY);
        }
        if (method.equals("POST")) {
            return unsupportedBody(contentType);
        }
        if ((method.equals("GET") || method.equals("HEAD")) && request.getQueryString() == null) {
            return refuse(
                    HttpServletResponse.SC_BAD_REQUEST,
                    "No query: send a SPARQL query as ?query=… (GET), as a form field query=… or as an"
                            + " application/sparql-query body (POST); read a graph with ?graph=<IRI> or the default"
                            + " graph with ?default (Graph Store Protocol).\n");
        }
        return Optional.empty();
    }

    /** A browser opening the endpoint's address: no parameter at all, and HTML preferred. */
    private static boolean wantsQueryUi(HttpServletRequest request) {
        return (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))
                && request.getRequestURI().equals(request.getContextPath() + SparqlEndpointConfiguration.PATH)
                && request.getQueryString() == null
                && AcceptHeader.prefers(
                        request.getHeader(HttpHeaders.ACCEPT), MediaType.TEXT_HTML, PROTOCOL_MEDIA_TYPES);
    }

    private static boolean isUpdate(HttpServletRequest request, String contentType) {
        return (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(UPDATE_MEDIA_TYPE))
                || request.getParameter("update") != null;
    }

    private static boolean isGraphStore(HttpServletRequest request) {
        return request.getParameter("graph") != null || request.getParameter("default") != null;
    }

    private static Optional<Refusal> unsupportedBody(String contentType) {
        if (contentType == null) {
            return refuse(
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "A POST to /sparql needs a Content-Type: application/sparql-query (the query is the body) or"
                            + " application/x-www-form-urlencoded (query=…).\n");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return refuse(
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unreadable Content-Type " + contentType + ".\n");
        }
        if (!BODY_MEDIA_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            return refuse(
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + contentType + " is not accepted: send the query as application/sparql-query"
                            + " or as the field query=… of application/x-www-form-urlencoded.\n");
        }
        String charset = type.getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("UTF-8")) {
            return refuse(
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Charset " + charset + " is not accepted: SPARQL requests are UTF-8.\n");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(int status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}
