package cz.spojka.access;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A credential the hub refuses, with the reason the caller is told: 401 for a key or token that authenticates nobody
 * (unknown, revoked, expired, a disabled agency), 403 for a valid token of no known agency.
 */
public final class CredentialRefused extends AuthenticationException {

    private final HttpStatus status;
    /** Whose credential it was, where the hub knows it (a revoked or expired key, a token's subject); else null. */
    private final transient Caller refused;

    CredentialRefused(HttpStatus status, String reason) {
        this(status, reason, null);
    }

    private CredentialRefused(HttpStatus status, String reason, Caller refused) {
        super(reason);
        this.status = status;
        this.refused = refused;
    }

    /** This refusal naming the agency (or null) and the credential ({@code key:<id>}, {@code token:<subject>}). */
    CredentialRefused of(String agency, String credential) {
        return new CredentialRefused(status, getMessage(), new Caller(agency, Role.PUBLIC, List.of(), credential));
    }

    Caller refused() {
        return refused;
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
