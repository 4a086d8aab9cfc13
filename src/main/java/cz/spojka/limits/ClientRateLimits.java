package cz.spojka.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cz.spojka.system.SpojkaProperties;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * One rate limiter per client address (resilience4j's lock-free {@link AtomicRateLimiter}): {@code burst} requests
 * are granted per period of {@code burst / requests-per-minute} minutes, so a client may make {@code burst} requests
 * at once and keeps up the average rate. The limiters live in a cache bounded by {@code clients}; an address not seen
 * for a period starts afresh anyway, so forgetting it then loses nothing.
 */
final class ClientRateLimits {

    private final RateLimiterConfig config;
    private final Cache<String, AtomicRateLimiter> limiters;

    ClientRateLimits(SpojkaProperties.Rate rate) {
        Duration period = Duration.ofMinutes(1).multipliedBy(rate.burst()).dividedBy(rate.requestsPerMinute());
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(rate.burst())
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(rate.clients())
                .expireAfterAccess(period)
                .build();
    }

    /** Takes one request of {@code client}'s rate; empty when granted, else how long until the next is. */
    Optional<Duration> take(String client) {
        AtomicRateLimiter limiter = limiters.get(client, address -> new AtomicRateLimiter(address, config));
        if (limiter.acquirePermission(1)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()));
    }
}
