package cz.spojka.subscription;

import cz.spojka.access.Caller;
import cz.spojka.access.Role;
import cz.spojka.webhook.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request to the administration API through only with the admin key ({@code spojka.admin.api-key}) in
 * {@value #HEADER}; any other is answered {@code 401} with the reason. An empty key closes the API. Guards
 * {@code /api/subscriptions}, the dead-letter log ({@code /api/deadletters}) and {@code /api/store}.
 */
public final class AdminApiKey implements HandlerInterceptor {

    static final String HEADER = "X-Api-Key";
    private static final Caller ADMIN = new Caller(null, Role.ADMIN, List.of(), "admin-key");

    private final String apiKey;

    public AdminApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String refusal = refusal(request.getHeader(HEADER));
        if (refusal == null) {
            if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) == null) {
                // The APIs behind this key decide by the request's caller: the key's holder is the administrator.
                request.setAttribute(Caller.REQUEST_ATTRIBUTE, ADMIN);
            }
            return true;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":401,\"error\":\"" + refusal + "\"}");
        return false;
    }

    private String refusal(String given) {
        if (apiKey.isEmpty()) {
            return "the administration API is closed: spojka.admin.api-key is not set";
        }
        if (given == null) {
            return "missing admin API key in the header " + HEADER;
        }
        return ApiKeys.same(apiKey, given) ? null : "wrong admin API key in the header " + HEADER;
    }
}
