package cz.spojka.access;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The bodies of the admin API's requests, as JSON gives them, and the parsing of their fields. */
final class AccessRequests {

    private AccessRequests() {}

    record TenantRequest(String ico, String ruian, String name) {}

    /** @param role {@code reader}, {@code operator} or {@code admin} */
    record AgencyRequest(String id, String name, String role, String tenant) {}

    /** @param expiresAt an instant such as {@code 2026-12-31T23:00:00Z}, or null for a key until revoked */
    record KeyRequest(String expiresAt) {}

    /** @param municipality an IČO, or null for every municipality */
    record GrantRequest(String agency, String dataset, String municipality, String expiresAt) {}

    static Role role(String role) {
        if (role != null) {
            for (Role known : new Role[] {Role.READER, Role.OPERATOR, Role.ADMIN}) {
                if (known.name().equals(role.toUpperCase(Locale.ROOT))) {
                    return known;
                }
            }
        }
        throw new InvalidAccessChange("role", "must be one of reader, operator, admin, not " + role);
    }

    /** The instant, or null for none. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidAccessChange(
                    field, "must be an instant in UTC such as 2026-12-31T23:00:00Z, not " + value);
        }
    }
}
