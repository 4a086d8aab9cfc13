package cz.spojka.access;

import java.time.Instant;

/**
 * A party that reads from or runs the hub: an office, a region, a service, a neighbouring town. Its API keys and
 * bearer tokens authenticate it; its role says what it may do and its grants which restricted datasets it may read.
 *
 * @param id lower-case letters, digits and hyphens; also the value of the OIDC claim that names it
 * @param role {@code READER}, {@code OPERATOR} or {@code ADMIN}
 * @param tenant the IČO of the municipality it belongs to, or null for one that belongs to none (a region, a service)
 */
public record Agency(String id, String name, Role role, String tenant, boolean enabled, Instant createdAt) {

    Agency withEnabled(boolean enabled) {
        return new Agency(id, name, role, tenant, enabled, createdAt);
    }
}
