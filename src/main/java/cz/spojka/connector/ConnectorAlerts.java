package cz.spojka.connector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The alerts of the polled sources as metrics and as the {@code connectors} component of {@code /actuator/health}:
 * which sources are stale and whose circuit breaker is open. A stale or broken source is the operator's business,
 * not a reason to call the hub DOWN (a load balancer would take the whole hub out), so the component is always UP
 * and lists them in its details.
 */
public final class ConnectorAlerts implements HealthIndicator {

    /** 1 while the connector's source is stale, else 0; tag {@code connector}. */
    public static final String STALE_GAUGE = "spojka.connector.stale";
    /** 1 while the connector's circuit breaker is open (polls skipped), else 0; tag {@code connector}. */
    public static final String BREAKER_GAUGE = "spojka.connector.breaker.open";

    private final Connectors connectors;
    private final SourceBreakers breakers;
    private final StaleSources staleSources;

    public ConnectorAlerts(Connectors connectors, SourceBreakers breakers, StaleSources staleSources) {
        this.connectors = connectors;
        this.breakers = breakers;
        this.staleSources = staleSources;
    }

    /** Registers the gauges of every active connector; called once the connectors have started. */
    void registerGauges(MeterRegistry registry) {
        for (Connectors.Active connector : connectors.active()) {
            String id = connector.definition().id();
            Gauge.builder(
                            STALE_GAUGE,
                            connector.definition(),
                            c -> staleSources.of(c).stale() ? 1 : 0)
                    .description("1 while the source's last successful run is older than its staleAfter")
                    .tag("connector", id)
                    .register(registry);
            if (breakers.status(id) != null) {
                Gauge.builder(BREAKER_GAUGE, id, this::breakerOpen)
                        .description("1 while the source's circuit breaker is open and its polls are skipped")
                        .tag("connector", id)
                        .register(registry);
            }
        }
    }

    private double breakerOpen(String connectorId) {
        SourceBreakers.Status status = breakers.status(connectorId);
        return status != null && status.state() == SourceBreakers.State.OPEN ? 1 : 0;
    }

    @Override
    public Health health() {
        Map<String, Object> stale = new LinkedHashMap<>();
        Map<String, Object> open = new LinkedHashMap<>();
        for (Connectors.Active connector : connectors.active()) {
            String id = connector.definition().id();
            StaleSources.Freshness freshness = staleSources.of(connector.definition());
            if (freshness.stale()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("lastSuccess", String.valueOf(freshness.lastSuccess()));
                detail.put("staleAfter", freshness.staleAfter().toString());
                stale.put(id, detail);
            }
            SourceBreakers.Status status = breakers.status(id);
            if (status != null && status.state() != SourceBreakers.State.CLOSED) {
                open.put(id, status.state().label());
            }
        }
        return Health.up()
                .withDetail("active", connectors.active().size())
                .withDetail("stale", stale)
                .withDetail("breakersNotClosed", open)
                .build();
    }
}
