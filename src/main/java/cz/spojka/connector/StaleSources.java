package cz.spojka.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The stale alert: a source whose last successful run is older than its {@link Resilience#staleAfter()} (by default
 * three intervals of its schedule) is stale, whether its runs fail, are skipped by its open circuit breaker or do
 * not happen at all. A connector that never succeeded counts from when it became active. The alert shows in
 * {@code /api/connectors}, in the gauge {@code spojka.connector.stale} and in {@code /actuator/health}; it never
 * makes the hub DOWN.
 */
public final class StaleSources {

    /**
     * @param staleAfter how old the last success may be, or {@code null} when the connector has no such limit
     * @param lastSuccess when the newest successful run started, or {@code null}
     * @param stale whether the limit is passed
     * @param staleSince when it was passed (the last success, or the activation, plus the limit), or {@code null}
     */
    public record Freshness(Duration staleAfter, Instant lastSuccess, boolean stale, Instant staleSince) {}

    private final Connectors connectors;
    private final Clock clock;

    public StaleSources(Connectors connectors, Clock clock) {
        this.connectors = connectors;
        this.clock = clock;
    }

    public Freshness of(ConnectorDefinition connector) {
        Duration staleAfter = connector.resilience().staleAfter();
        Instant lastSuccess = connectors.lastSuccess(connector.id());
        Instant since = lastSuccess != null ? lastSuccess : connectors.activatedAt(connector.id());
        if (staleAfter == null || since == null) {
            return new Freshness(staleAfter, lastSuccess, false, null);
        }
        Instant limit = since.plus(staleAfter);
        boolean stale = clock.instant().isAfter(limit);
        return new Freshness(staleAfter, lastSuccess, stale, stale ? limit : null);
    }

    /** Whether the connector is active and stale. */
    public boolean stale(String connectorId) {
        return of(connectors.active(connectorId).definition()).stale();
    }
}
