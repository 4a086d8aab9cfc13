package cz.spojka.limits;

import cz.spojka.access.Caller;
import cz.spojka.system.SpojkaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses anonymous requests to the data channels ({@code access.DataChannels}) beyond their client address's rate ({@code spojka.limits.public.rate})
 * with {@code 429 Too Many Requests}, a {@code Retry-After} in whole seconds and the reason as JSON, or as a page
 * when a browser asks. Agencies are not rate-limited here: their queries are bounded by their role's budget. The
 * address is the request's remote address, which Tomcat takes from {@code X-Forwarded-For} behind a trusted reverse
 * proxy ({@code server.forward-headers-strategy}).
 */
final class AnonymousRateLimit extends OncePerRequestFilter {

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
        TooManyRequests.refuse(request, response, wait.get(), reason);
    }
}
