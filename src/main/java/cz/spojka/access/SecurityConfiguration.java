package cz.spojka.access;

import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The access registry and the one security filter chain of the hub: stateless (no session, no cookie, hence no CSRF
 * token), no login form, no HTTP basic, no generated password. A request is authenticated by an API key
 * ({@link CredentialFilter}) or, with an OIDC issuer configured, by a bearer token ({@link TokenCallers}); without
 * either it is the anonymous public. {@link ApiRoles} says which APIs need which role.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    AccessRegistry accessRegistry(SpojkaProperties properties) {
        return new AccessRegistry(properties.accessDir(), Clock.systemUTC());
    }

    /**
     * What {@code spojka.access.seed-file} declares and the registry lacks, created with the registry, before the hub
     * answers; the grants of the agencies created now wait for the connectors ({@link #grantSeededGrants}).
     */
    @Bean
    SeededGrants seededGrants(AccessRegistry registry, SpojkaProperties properties) {
        String seedFile = properties.access().seedFile();
        if (seedFile.isBlank()) {
            return SeededGrants.NONE;
        }
        Path seed = Path.of(seedFile);
        return AccessSeed.read(seed).applyTo(registry, seed);
    }

    /**
     * After the connectors are loaded (they start at the application-ready event too, at
     * {@code ConnectorConfiguration.START_ORDER}), when the datasets' classifications are known. Until then every
     * dataset counts as internal, so the agency misses nothing while its grants wait.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void grantSeededGrants(ApplicationReadyEvent event) {
        ApplicationContext context = event.getApplicationContext();
        context.getBean(SeededGrants.class)
                .grant(context.getBean(AccessRegistry.class), new GrantableDatasets(context.getBean(Connectors.class)));
    }

    /**
     * Spring Security's firewall, with one allowance on the Linked Data pages only: an encoded slash ({@code %2F})
     * in the path. The hub mints IRIs with {@code ENCODE_FOR_URI}, so an id holding a slash
     * ({@code usneseni/12%2F2024}) must reach its page, as Tomcat lets it through ({@code LinkedDataConfiguration}).
     * Every other path, the APIs above all, keeps the strict firewall.
     */
    @Bean
    WebSecurityCustomizer encodedSlashesInLinkedDataIds() {
        return web -> web.httpFirewall(new LinkedDataFirewall());
    }

    @Bean
    SecurityFilterChain spojkaSecurity(HttpSecurity http, AccessRegistry registry, SpojkaProperties properties)
            throws Exception {
        AccessRefusals refusals = new AccessRefusals();
        SpojkaProperties.Oidc oidc = properties.security().oidc();
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> anonymous.principal(Caller.ANONYMOUS))
                .headers(headers ->
                        headers.cacheControl(cache -> cache.disable()).addHeaderWriter(new CallerCacheControl()))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .addFilterBefore(
                        new CredentialFilter(registry, properties.admin().apiKey(), oidc.enabled(), refusals),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new CallerAttributeFilter(), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    ApiRoles.RULES.forEach(rule -> {
                        if (rule.role() == Role.PUBLIC) {
                            authorize.requestMatchers(rule.paths()).permitAll();
                        } else {
                            authorize
                                    .requestMatchers(rule.paths())
                                    .hasRole(rule.role().name());
                        }
                    });
                    authorize.anyRequest().permitAll();
                });
        if (oidc.enabled()) {
            // Resolved at the first token, so that the hub starts while the identity provider is unreachable.
            SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> tokenDecoder(oidc));
            http.oauth2ResourceServer(tokens -> tokens.authenticationEntryPoint(refusals)
                    .accessDeniedHandler(refusals)
                    .jwt(jwt -> jwt.decoder(decoder)
                            .jwtAuthenticationConverter(new TokenCallers(registry, oidc.agencyClaim()))));
        }
        return http.build();
    }

    /**
     * The issuer's decoder, which checks the signature, the expiry and the issuer, and also the audience: a token the
     * identity provider issued for another of its applications is not one for the hub.
     */
    private static JwtDecoder tokenDecoder(SpojkaProperties.Oidc oidc) {
        NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(oidc.issuerUri());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuerUri()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(oidc.audience()))));
        return decoder;
    }
}
