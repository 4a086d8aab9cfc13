package cz.spojka.limits;

import cz.spojka.access.DataChannels;
import cz.spojka.system.SpojkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The anonymous callers' rate limit on the data channels and the limit of refused credentials per client address. The SPARQL endpoint's per-role budgets are applied by the
 * endpoint itself ({@code sparql.QueryBudgets}).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    /**
     * After Spring Security ({@code spring.security.filter.order}, +15), whose caller it asks, and so inside the CORS
     * filter (+5), so that a browser app can read the refusal; before Fuseki (+20).
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 17;

    private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);

    LimitsConfiguration(SpojkaProperties properties, ServerProperties server) {
        properties.endpoint().deprecatedKeysInUse().forEach(log::warn);
        checkForwardHeaders(server.getForwardHeadersStrategy());
    }

    /**
     * Spring's own handling of forwarded headers trusts {@code X-Forwarded-For} from any client, ahead of the audit
     * filter: the rate limit's address and the audit log's {@code client} would be whatever the client claims.
     */
    static void checkForwardHeaders(ServerProperties.ForwardHeadersStrategy strategy) {
        if (strategy == ServerProperties.ForwardHeadersStrategy.FRAMEWORK) {
            throw new IllegalStateException("server.forward-headers-strategy=framework is not accepted: it trusts any"
                    + " client's X-Forwarded-For, so rate limits and the audit log would record the address a client"
                    + " claims. Use server.forward-headers-strategy=native behind a trusted reverse proxy"
                    + " (server.tomcat.remoteip.internal-proxies), or leave it unset when clients reach the hub"
                    + " directly.");
        }
    }

    /** Registered unless {@code spojka.limits.public.rate.requests-per-minute} is 0 (off). */
    @Bean
    @Conditional(PublicRateEnabled.class)
    FilterRegistrationBean<AnonymousRateLimit> anonymousRateLimit(SpojkaProperties properties) {
        FilterRegistrationBean<AnonymousRateLimit> registration = new FilterRegistrationBean<>(
                new AnonymousRateLimit(properties.limits().publicRole().rate()));
        registration.setUrlPatterns(DataChannels.urlPatterns());
        registration.setName("anonymousRateLimit");
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * Before Spring Security (+15), so that an address over its failures has no credential checked, and inside the
     * CORS filter (+5), so that a browser app can read the refusal; on every path, as every API takes credentials.
     */
    @Bean
    @Conditional(AuthFailuresLimited.class)
    FilterRegistrationBean<AuthenticationFailureLimit> authenticationFailureLimit(SpojkaProperties properties) {
        FilterRegistrationBean<AuthenticationFailureLimit> registration = new FilterRegistrationBean<>(
                new AuthenticationFailureLimit(properties.limits().authFailures()));
        registration.setName("authenticationFailureLimit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** {@link SpojkaProperties.AuthFailures#enabled}, read before the properties bean exists. */
    static final class AuthFailuresLimited implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("spojka.limits.auth-failures", SpojkaProperties.AuthFailures.class)
                    .map(SpojkaProperties.AuthFailures::enabled)
                    .orElse(true);
        }
    }

    /** {@link SpojkaProperties.Rate#enabled} of the public rate, read before the properties bean exists. */
    static final class PublicRateEnabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("spojka.limits.public.rate", SpojkaProperties.Rate.class)
                    .map(SpojkaProperties.Rate::enabled)
                    .orElse(true);
        }
    }
}
