package cz.spojka.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cz.spojka.system.SpojkaProperties;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One rate limiter per client address (IPv6: per /64 prefix, {@link #key}) (resilience4j's lock-free {@link AtomicRateLimiter}): {@code burst} requests
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
        AtomicRateLimiter limiter = limiters.get(key(client), key -> new AtomicRateLimiter(key, config));
        if (limiter.acquirePermission(1)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()));
    }

    /** Without taking any: empty when {@code client}'s next request would be granted, else how long until it is. */
    Optional<Duration> exhausted(String client) {
        AtomicRateLimiter limiter = limiters.getIfPresent(key(client));
        long nanos = limiter == null ? 0 : limiter.getDetailedMetrics().getNanosToWait();
        return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    /**
     * Whose rate a client address counts against: an IPv4 address on its own, an IPv6 address by its /64 prefix,
     * because one subscriber is usually given a whole /64 and could otherwise take a fresh rate with each address.
     */
    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        byte[] bytes = ipv6Literal(address);
        if (bytes == null) {
            return address;
        }
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    /** The bytes of an IPv6 literal (never a name to look up), or null when it is not one. */
    private static byte[] ipv6Literal(String address) {
        try {
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1)
                    : address;
            int zone = literal.indexOf('%');
            byte[] bytes = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone))
                    .getAddress();
            return bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
