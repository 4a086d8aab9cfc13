package cz.spojka.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.access.Caller;
import cz.spojka.system.AcceptHeader;
import cz.spojka.system.SpojkaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses anonymous requests to the data channels ({@code access.DataChannels}) beyond their client address's rate ({@code spojka.limits.public.rate})
 * with {@code 429 Too Many Requests}, a {@code Retry-After} in whole seconds and the reason as JSON, or as a page
 * when a browser asks. Agencies are not rate-limited here: their queries are bounded by their role's budget. The
 * address is the request's remote address, which Tomcat takes from {@code X-Forwarded-For} behind a trusted reverse
 * proxy ({@code server.forward-headers-strategy}).
 */
final class AnonymousRateLimit extends OncePerRequestFilter {

    static final int SC_TOO_MANY_REQUESTS = 429;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientRateLimits limits;
    private final String reason;

    AnonymousRateLimit(SpojkaProperties.Rate rate) {
        this.limits = new ClientRateLimits(rate);
        this.reason = "Too many requests from your address: anonymous callers may make " + rate.requestsPerMinute()
                + " requests a minute (" + rate.burst() + " at once) to the SPARQL endpoint, the downloads, the"
                + " Linked Data pages, the catalogue and the event stream. An agency with an API key is not limited"
                + " so.";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait =
                Caller.of(request).anonymous() ? limits.take(request.getRemoteAddr()) : Optional.empty();
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        // Whole seconds, rounded up: a client that waits as told is granted its next request.
        long nanos = wait.get().toNanos();
        refuse(request, response, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfter) throws IOException {
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
