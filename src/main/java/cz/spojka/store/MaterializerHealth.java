package cz.spojka.store;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code materializer}: whether it runs and how far the store lags the log; DOWN
 * with the reason while the store refuses its writes (a full disk).
 */
@Component("materializerHealthIndicator")
class MaterializerHealth implements HealthIndicator {

    private final Materializer materializer;
    private final EntityStore store;

    MaterializerHealth(Materializer materializer, EntityStore store) {
        this.materializer = materializer;
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder health =
                materializer.isRunning() && materializer.failure() == null ? Health.up() : Health.down();
        health.withDetail("store", store.describe())
                .withDetail("appliedChanges", materializer.appliedChanges())
                .withDetail("skippedRecords", materializer.skippedRecords());
        if (materializer.failure() != null) {
            health.withDetail("error", materializer.failure()).withDetail("refusedTries", materializer.failedTries());
        }
        try {
            health.withDetail("lag", materializer.lag());
        } catch (RuntimeException e) {
            health.down().withDetail("lag", "unknown: " + e.getMessage());
        }
        return health.build();
    }
}
