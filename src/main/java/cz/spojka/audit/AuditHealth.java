package cz.spojka.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code auditLog}: DOWN with the reason while the log cannot be written (the
 * audited requests are refused meanwhile); asking also tries the log again, so that it comes back by itself.
 */
@Component("auditLogHealthIndicator")
class AuditHealth implements HealthIndicator {

    private final AuditLog log;

    AuditHealth(AuditLog log) {
        this.log = log;
    }

    @Override
    public Health health() {
        String problem = log.problem();
        AuditLog.Head head = log.head();
        Health.Builder health = problem == null ? Health.up() : Health.down().withDetail("error", problem);
        return health.withDetail("lastEntry", head.seq()).build();
    }
}
