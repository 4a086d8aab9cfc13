package cz.spojka.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every refusal of the hub's security, in one shape: {@code {"status":401,"error":"<reason>"}} or 403. 401 when the
 * request carries no credential an API needs or one the hub refuses (unknown, revoked, expired, a bad token); 403 when
 * the caller is known but its role is too low, or its token names no agency the hub knows.
 */
final class AccessRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HOW_TO_AUTHENTICATE =
            "send an agency's API key in " + CredentialFilter.API_KEY_HEADER + " or a bearer token in Authorization";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        if (refusal instanceof CredentialRefused refused) {
            if (refused.refused() != null) {
                request.setAttribute(Caller.REFUSED_CREDENTIAL_ATTRIBUTE, refused.refused());
            }
            write(response, refused.status(), refused.getMessage());
        } else if (refusal instanceof InsufficientAuthenticationException) {
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "authentication required: " + request.getRequestURI() + " needs the role "
                            + name(ApiRoles.required(request)) + "; " + HOW_TO_AUTHENTICATE);
        } else {
            write(response, HttpStatus.UNAUTHORIZED, refusal.getMessage());
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(
                response,
                HttpStatus.FORBIDDEN,
                "the role " + name(Caller.of(request).role()) + " may not use " + request.getRequestURI()
                        + ": it needs the role " + name(ApiRoles.required(request)));
    }

    void write(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", reason);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getWriter(), body);
    }

    static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
