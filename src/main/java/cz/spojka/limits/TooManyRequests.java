package cz.spojka.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.system.AcceptHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer of a client over one of its limits: {@code 429 Too Many Requests}, a {@code Retry-After} in whole
 * seconds and the reason as JSON ({@code {"status":429,"error":"<reason>"}}), or as a page when a browser asks.
 */
final class TooManyRequests {

    static final int SC_TOO_MANY_REQUESTS = 429;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TooManyRequests() {}

    static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait, String reason)
            throws IOException {
        // Whole seconds, rounded up: a client that waits as told is granted its next request.
        long retryAfter = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        response.setStatus(SC_TOO_MANY_REQUESTS);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = reason + " Try again in " + retryAfter + " s.";
        if (AcceptHeader.prefers(
                request.getHeader(HttpHeaders.ACCEPT), MediaType.TEXT_HTML, List.of(MediaType.APPLICATION_JSON))) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests"
                            + "</title></head><body><h1>Too many requests</h1><p>" + HtmlUtils.htmlEscape(message)
                            + "</p></body></html>");
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(Map.of("status", SC_TOO_MANY_REQUESTS, "error", message)));
    }
}
