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
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the guessing of credentials ({@code spojka.limits.auth-failures}): counts the requests of a client address
 * whose credential the hub's security refused (401), and once the address has had its failures of a minute, answers
 * its requests that carry a credential 429 with {@code Retry-After} until the minute ends, before Spring Security
 * checks the credential, so that a guess made then is not even tried. Requests without a credential pass, so the
 * public keeps reading. Addresses are counted as the anonymous rate counts them ({@link ClientRateLimits#key}).
 */
final class AuthenticationFailureLimit extends OncePerRequestFilter {

    private final ClientRateLimits failures;
    private final String reason;

    AuthenticationFailureLimit(SpojkaProperties.AuthFailures limit) {
        this.failures = new ClientRateLimits(limit.rate());
        this.reason = "Too many refused credentials from your address: after " + limit.perMinute()
                + " refused API keys or tokens in a minute, the hub checks no credential from it until the minute"
                + " ends (spojka.limits.auth-failures.per-minute), a right one neither. Requests without a credential"
                + " are served as the public's.";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!Caller.presentsCredential(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> lockedOut = failures.exhausted(request.getRemoteAddr());
        if (lockedOut.isPresent()) {
            TooManyRequests.refuse(request, response, lockedOut.get(), reason);
            return;
        }
        chain.doFilter(request, response);
        // A caller the hub authenticated is never answered 401 (a role too low is 403): this is its credential refused.
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.take(request.getRemoteAddr());
        }
    }
}
