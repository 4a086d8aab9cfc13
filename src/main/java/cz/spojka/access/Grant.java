package cz.spojka.access;

import java.time.Instant;

/**
 * An agency's right to read a restricted dataset: of one municipality (its IČO) or of all ({@code municipality}
 * null), until {@code expiresAt} (exclusive) or for good ({@code expiresAt} null).
 */
public record Grant(
        String id, String agency, String dataset, String municipality, Instant expiresAt, Instant createdAt) {

    /** Whether this grant lets its agency read {@code dataset} of the municipality {@code ico} at {@code now}. */
    public boolean covers(String dataset, String ico, Instant now) {
        return this.dataset.equals(dataset)
                && (municipality == null || municipality.equals(ico))
                && (expiresAt == null || now.isBefore(expiresAt));
    }
}
