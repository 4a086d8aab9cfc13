package cz.spojka.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code store}: the space left on the store's file system and, for TDB2, its size,
 * its size after the last compaction and the last compaction's outcome.
 */
@Component("storeHealthIndicator")
class StoreHealth implements HealthIndicator {

    private final EntityStore store;
    private final Optional<StoreCompaction> compaction;

    StoreHealth(EntityStore store, Optional<StoreCompaction> compaction) {
        this.store = store;
        this.compaction = compaction;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("store", store.describe());
        long free = store.freeBytes();
        if (free >= 0) {
            health.withDetail("freeBytes", free);
        }
        compaction.ifPresent(c -> {
            health.withDetail("sizeBytes", c.sizeBytes())
                    .withDetail("compactedSizeBytes", c.referenceBytes())
                    .withDetail("compacting", c.isRunning());
            StoreCompaction.Outcome last = c.last();
            if (last != null) {
                health.withDetail("lastCompaction", describe(last));
            }
        });
        return health.build();
    }

    static Map<String, Object> describe(StoreCompaction.Outcome outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("at", outcome.at().toString());
        details.put("reason", outcome.reason());
        details.put("beforeBytes", outcome.beforeBytes());
        details.put("afterBytes", outcome.afterBytes());
        details.put("millis", outcome.millis());
        details.put("outcome", outcome.error() == null ? "success" : "failure");
        if (outcome.error() != null) {
            details.put("error", outcome.error());
        }
        return details;
    }
}
