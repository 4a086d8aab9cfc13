package cz.spojka.subscription;

import cz.spojka.webhook.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request to the administration API through only with the admin key ({@code spojka.admin.api-key}) in
 * {@value #HEADER}; any other is answered {@code 401} with the reason. An empty key closes the API. Guards
 * {@code /api/subscriptions}, the dead-letter log ({@code /api/deadletters}) and {@code /api/store}.
 */
public final class AdminApiKey implements HandlerInterceptor {

    static final String HEADER = "X-Api-Key";

    private final String apiKey;

    public AdminApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String refusal = refusal(request.getHeader(HEADER));
        if (refusal == null) {
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
