package cz.spojka.subscription;

import cz.spojka.webhook.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to the administration API through only with the admin key ({@code spojka.admin.api-key}) in
 * {@value #HEADER}; any other is answered {@code 401} with the reason. An empty key closes the API.
 */
final class AdminApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final String apiKey;

    AdminApiKeyFilter(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String refusal = apiKey.isEmpty()
                ? "the administration API is closed: spojka.admin.api-key is not set"
                : given == null
                        ? "missing admin API key in the header " + HEADER
                        : ApiKeys.same(apiKey, given) ? null : "wrong admin API key in the header " + HEADER;
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":401,\"error\":\"" + refusal + "\"}");
    }
}
