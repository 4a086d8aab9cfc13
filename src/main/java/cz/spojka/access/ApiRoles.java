package cz.spojka.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The least role each API needs, the first matching rule deciding; an {@code /api} path no rule names needs the role
 * admin (a forgotten API fails closed). Every other path is open to everyone, and the data channels decide per graph
 * what a caller sees ({@link GraphAccess}). The same table configures Spring Security and explains a refusal.
 */
final class ApiRoles {

    /** Paths and the least role they need. */
    record Rule(Role role, RequestMatcher paths) {}

    /**
     * Where agenda systems push ({@code webhook}): their {@code X-Api-Key} is their connector's source key
     * ({@code webhook/ApiKeys}), not an agency's credential, and the push route checks it.
     */
    static final RequestMatcher INGEST = paths("/ingest/**");

    static final List<Rule> RULES = List.of(
            new Rule(Role.PUBLIC, new OrRequestMatcher(INGEST, paths("/actuator/health", "/actuator/health/**"))),
            new Rule(Role.ADMIN, paths("/api/tenants/**", "/api/agencies/**", "/api/grants/**", "/api/audit/**")),
            new Rule(
                    Role.OPERATOR,
                    paths(
                            "/api/connectors/**",
                            "/api/held/**",
                            "/api/deadletters/**",
                            "/api/store/**",
                            "/actuator/**")),
            new Rule(Role.READER, paths("/api/subscriptions/**")),
            // Last: an API nobody named above fails closed, for the admin only, rather than open to everyone.
            new Rule(Role.ADMIN, paths("/api/**")));

    private ApiRoles() {}

    /** The role the request's path needs; {@code PUBLIC} for one no rule names. */
    static Role required(HttpServletRequest request) {
        return RULES.stream()
                .filter(rule -> rule.paths().matches(request))
                .map(Rule::role)
                .findFirst()
                .orElse(Role.PUBLIC);
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }
}
