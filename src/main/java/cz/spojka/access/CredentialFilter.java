package cz.spojka.access;

import cz.spojka.webhook.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@value #API_KEY_HEADER}: the admin key ({@code spojka.admin.api-key}) or an
 * agency's key ({@link AccessRegistry#authenticate}). A key the hub refuses is answered 401 with the reason, whatever
 * the path: a caller that means to authenticate should learn that it failed rather than be served as the public.
 * Requests without a key pass on: to the bearer token check, or on as the anonymous public. Pushes to
 * {@code /ingest/} are left alone, their key is a connector's source key.
 */
final class CredentialFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";

    private static final Caller ADMIN_KEY = new Caller(null, Role.ADMIN, List.of(), "admin-key");

    private final AccessRegistry registry;
    private final String adminKey;
    private final boolean bearerTokens;
    private final AccessRefusals refusals;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /**
     * @param adminKey {@code spojka.admin.api-key}; empty for none
     * @param bearerTokens whether an OIDC issuer is configured, so that bearer tokens are checked
     */
    CredentialFilter(AccessRegistry registry, String adminKey, boolean bearerTokens, AccessRefusals refusals) {
        this.registry = registry;
        this.adminKey = adminKey;
        this.bearerTokens = bearerTokens;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiRoles.INGEST.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(API_KEY_HEADER);
        boolean bearer = bearer(request);
        if (key != null && bearer) {
            refusals.commence(
                    request,
                    response,
                    CredentialRefused.unauthorized(
                            "send one credential: " + API_KEY_HEADER + " or a bearer token, not both"));
            return;
        }
        if (bearer && !bearerTokens) {
            refusals.commence(
                    request,
                    response,
                    CredentialRefused.unauthorized(
                            "this hub accepts no bearer tokens (no OIDC issuer is configured: spojka.security.oidc.issuer-uri);"
                                    + " send an agency's API key in " + API_KEY_HEADER));
            return;
        }
        if (key != null) {
            try {
                authenticated(callerOf(key));
            } catch (CredentialRefused refused) {
                refusals.commence(request, response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean presentsCredential(HttpServletRequest request) {
        return bearer(request) || (request.getHeader(API_KEY_HEADER) != null && !ApiRoles.INGEST.matches(request));
    }

    private static boolean bearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private Caller callerOf(String key) {
        if (!adminKey.isEmpty() && ApiKeys.same(adminKey, key)) {
            return ADMIN_KEY;
        }
        return registry.authenticate(key);
    }

    private void authenticated(Caller caller) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        contexts.setContext(context);
    }
}
