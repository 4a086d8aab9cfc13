package cz.spojka.access;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;

/**
 * Who is asking: the anonymous public, or an agency with its role and its grants as they were when the request was
 * authenticated. The authentication filter puts it on the request ({@link #REQUEST_ATTRIBUTE}); every channel that
 * reads data asks it {@link #mayRead} rather than deciding on its own.
 *
 * @param agency the agency's id; null for the anonymous public
 * @param role what the caller may do
 * @param grants the agency's grants, expired ones included (each is checked at the time of the read)
 * @param credential what authenticated the caller, for the audit log: {@code key:<key id>}, {@code token:<subject>}
 *     or {@code admin-key}; null for the anonymous public
 * @param credentialExpiresAt when the credential stops authenticating the caller (the key's expiry, the token's
 *     {@code exp}); null when it does not expire. A long-lived event stream ends then.
 */
public record Caller(String agency, Role role, List<Grant> grants, String credential, Instant credentialExpiresAt) {

    public static final Caller ANONYMOUS = new Caller(null, Role.PUBLIC, List.of(), null);

    /** The request attribute holding the request's caller. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    /**
     * The request attribute naming whose credential was refused (401, 403), where the hub knows it: a Caller with the
     * key's agency (or null) and the credential ({@code key:<id>}, {@code token:<subject>}), role public. For the
     * audit log; the request itself is served as anonymous.
     */
    public static final String REFUSED_CREDENTIAL_ATTRIBUTE = Caller.class.getName() + ".refused";

    public Caller {
        grants = List.copyOf(grants);
    }

    /** A caller whose credential does not expire. */
    public Caller(String agency, Role role, List<Grant> grants, String credential) {
        this(agency, role, grants, credential, null);
    }

    /** The caller of {@code request}: the one the authentication filter put on it, else the anonymous public. */
    public static Caller of(ServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof Caller caller ? caller : ANONYMOUS;
    }

    /**
     * Whether {@code request} carries a credential the hub's security checks: an {@code X-Api-Key} (outside
     * {@code /ingest/}, where it is a connector's source key) or a bearer token.
     */
    public static boolean presentsCredential(HttpServletRequest request) {
        return CredentialFilter.presentsCredential(request);
    }

    /** Whether the credential has expired at {@code now}. */
    public boolean credentialExpired(Instant now) {
        return credentialExpiresAt != null && !now.isBefore(credentialExpiresAt);
    }

    public boolean anonymous() {
        return agency == null && role == Role.PUBLIC;
    }

    /** Whether the caller may read {@code dataset} of the municipality {@code ico}, classified so, at {@code now}. */
    public boolean mayRead(DataClassification classification, String dataset, String ico, Instant now) {
        return switch (classification) {
            case PUBLIC -> true;
            case RESTRICTED ->
                role.includes(Role.OPERATOR) || grants.stream().anyMatch(grant -> grant.covers(dataset, ico, now));
            case INTERNAL -> role.includes(Role.OPERATOR);
        };
    }
}
