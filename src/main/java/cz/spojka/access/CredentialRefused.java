package cz.spojka.access;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A credential the hub refuses, with the reason the caller is told: 401 for a key or token that authenticates nobody
 * (unknown, revoked, expired, a disabled agency), 403 for a valid token of no known agency.
 */
public final class CredentialRefused extends AuthenticationException {

    private final HttpStatus status;

    CredentialRefused(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    static CredentialRefused unauthorized(String reason) {
        return new CredentialRefused(HttpStatus.UNAUTHORIZED, reason);
    }

    static CredentialRefused forbidden(String reason) {
        return new CredentialRefused(HttpStatus.FORBIDDEN, reason);
    }

    HttpStatus status() {
        return status;
    }
}
