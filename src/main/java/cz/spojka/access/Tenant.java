package cz.spojka.access;

import java.time.Instant;

/**
 * A municipality the hub serves. Disabling it disables the agencies that belong to it.
 *
 * @param ico its IČO (8 digits with a valid check digit), which also names its datasets' graphs
 * @param ruian its code in the register of territorial identification (RÚIAN), 6 digits
 */
public record Tenant(String ico, String ruian, String name, boolean enabled, Instant createdAt) {

    Tenant withEnabled(boolean enabled) {
        return new Tenant(ico, ruian, name, enabled, createdAt);
    }
}
