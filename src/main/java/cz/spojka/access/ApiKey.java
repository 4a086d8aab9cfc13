package cz.spojka.access;

import java.time.Instant;

/**
 * An agency's API key as the hub keeps it: the SHA-256 hash of the secret, never the secret itself. The secrets are
 * 32 random bytes, so a fast hash is enough: there is nothing to guess a dictionary word from.
 *
 * @param id names the key in listings, in revocations and in the audit log ({@code key:<id>})
 * @param hash the SHA-256 of the secret, in hex
 * @param expiresAt the key is refused from this instant on; null for a key that does not expire
 * @param revokedAt when it was revoked; null while it is not
 */
public record ApiKey(String id, String agency, String hash, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    /** Why the key authenticates nobody at {@code now}, or null when it is valid. */
    String refusal(Instant now) {
        if (revokedAt != null) {
            return "the API key has been revoked";
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "the API key has expired";
        }
        return null;
    }

    ApiKey revoked(Instant at) {
        return new ApiKey(id, agency, hash, createdAt, expiresAt, at);
    }
}
