package cz.spojka.access;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller of a valid bearer token (signature, issuer and expiry already checked): the agency its claim
 * {@code spojka.security.oidc.agency-claim} names. A token that names no agency the hub knows, or a disabled one,
 * is refused with 403: the identity provider vouches for the caller, but the hub has not let it in.
 */
final class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccessRegistry registry;
    private final String agencyClaim;

    TokenCallers(AccessRegistry registry, String agencyClaim) {
        this.registry = registry;
        this.agencyClaim = agencyClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String agency = token.getClaimAsString(agencyClaim);
        if (agency == null || agency.isBlank()) {
            throw CredentialRefused.forbidden("the token has no claim '" + agencyClaim + "' naming an agency")
                    .of(null, "token:" + token.getSubject());
        }
        return new CallerAuthentication(
                registry.callerOfToken(agency, "token:" + token.getSubject(), token.getExpiresAt()));
    }
}
