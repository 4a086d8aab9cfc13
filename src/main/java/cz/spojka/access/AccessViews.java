package cz.spojka.access;

import java.time.Instant;
import java.util.Locale;

/** What the admin API answers: the registry's items with roles in lower case, keys without their hashes. */
final class AccessViews {

    private AccessViews() {}

    record AgencyView(String id, String name, String role, String tenant, boolean enabled, Instant createdAt) {}

    /** @param status {@code active}, {@code expired} or {@code revoked} */
    record KeyView(String id, String agency, String status, Instant createdAt, Instant expiresAt, Instant revokedAt) {}

    /** A key as it is made: the only time the hub shows its secret. */
    record IssuedKeyView(String id, String agency, Instant createdAt, Instant expiresAt, String key, String notice) {}

    static AgencyView agency(Agency agency) {
        return new AgencyView(
                agency.id(),
                agency.name(),
                agency.role().name().toLowerCase(Locale.ROOT),
                agency.tenant(),
                agency.enabled(),
                agency.createdAt());
    }

    static KeyView key(ApiKey key, Instant now) {
        String status = key.revokedAt() != null ? "revoked" : key.refusal(now) != null ? "expired" : "active";
        return new KeyView(key.id(), key.agency(), status, key.createdAt(), key.expiresAt(), key.revokedAt());
    }

    static IssuedKeyView issued(AccessRegistry.IssuedKey issued) {
        ApiKey key = issued.key();
        return new IssuedKeyView(
                key.id(),
                key.agency(),
                key.createdAt(),
                key.expiresAt(),
                issued.secret(),
                "the key is shown this once; the hub keeps only its hash: store it now, in a password manager or the"
                        + " agency system's secret store");
    }
}
