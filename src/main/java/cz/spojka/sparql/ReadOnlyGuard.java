package cz.spojka.sparql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers SPARQL Update requests to {@code /sparql} with 403 and a message that says why, instead of Fuseki's bare
 * "No operation for request": the endpoint is read-only because the change log, fed by the connectors, is the only
 * way data enters the hub.
 */
final class ReadOnlyGuard extends OncePerRequestFilter {

    static final String MESSAGE = "SPARQL Update is not accepted: /sparql is a read-only endpoint. Data enters the"
            + " hub only through its connectors and the Kafka change log (see /api/connectors).\n";
    private static final String UPDATE_MEDIA_TYPE = "application/sparql-update";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpdate(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUpdate(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith(UPDATE_MEDIA_TYPE)) {
            return true;
        }
        return request.getParameter("update") != null;
    }
}
