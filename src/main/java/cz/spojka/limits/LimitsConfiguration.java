package cz.spojka.limits;

import cz.spojka.access.DataChannels;
import cz.spojka.system.SpojkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The anonymous callers' rate limit on the data channels. The SPARQL endpoint's per-role budgets are applied by the
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

    LimitsConfiguration(SpojkaProperties properties) {
        properties.endpoint().deprecatedKeysInUse().forEach(log::warn);
    }

    /** Registered unless {@code spojka.limits.public.rate.requests-per-minute} is 0 (off). */
    @Bean
    @ConditionalOnExpression("'${spojka.limits.public.rate.requests-per-minute:}' != '0'")
    FilterRegistrationBean<AnonymousRateLimit> anonymousRateLimit(SpojkaProperties properties) {
        FilterRegistrationBean<AnonymousRateLimit> registration = new FilterRegistrationBean<>(
                new AnonymousRateLimit(properties.limits().publicRole().rate()));
        registration.setUrlPatterns(DataChannels.urlPatterns());
        registration.setName("anonymousRateLimit");
        registration.setOrder(ORDER);
        return registration;
    }
}
