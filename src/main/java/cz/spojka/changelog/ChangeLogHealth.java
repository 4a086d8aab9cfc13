package cz.spojka.changelog;

import cz.spojka.system.SpojkaProperties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code changeLog}: whether the Kafka cluster answers, and the index size. */
@Component("changeLogHealthIndicator")
class ChangeLogHealth implements HealthIndicator {

    private static final int TIMEOUT_MILLIS = 3000;

    private final KafkaClients clients;
    private final ChangeLogIndex index;
    private final SpojkaProperties properties;

    ChangeLogHealth(KafkaClients clients, ChangeLogIndex index, SpojkaProperties properties) {
        this.clients = clients;
        this.index = index;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.unknown()
                .withDetail("bootstrapServers", clients.bootstrapServers())
                .withDetail("topic", properties.kafka().changesTopic())
                .withDetail("entities", index.size());
        try (Admin admin = clients.admin()) {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
                    .nodes()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .size();
            return health.up().withDetail("brokers", brokers).build();
        } catch (Exception e) {
            return health.down()
                    .withDetail("error", e.getMessage() == null ? e.toString() : e.getMessage())
                    .build();
        }
    }
}
