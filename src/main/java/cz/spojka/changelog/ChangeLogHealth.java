package cz.spojka.changelog;

import cz.spojka.system.EmbeddedKafkaBroker;
import cz.spojka.system.SpojkaProperties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code changeLog}: whether the Kafka cluster answers, and the index size; DOWN
 * with the reason when the in-process broker has stopped serving though it still answers.
 */
@Component("changeLogHealthIndicator")
class ChangeLogHealth implements HealthIndicator {

    private static final int TIMEOUT_MILLIS = 3000;

    private final KafkaClients clients;
    private final ChangeLogIndex index;
    private final SpojkaProperties properties;
    private final ObjectProvider<EmbeddedKafkaBroker> embedded;

    ChangeLogHealth(
            KafkaClients clients,
            ChangeLogIndex index,
            SpojkaProperties properties,
            ObjectProvider<EmbeddedKafkaBroker> embedded) {
        this.clients = clients;
        this.index = index;
        this.properties = properties;
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.unknown()
                .withDetail("bootstrapServers", clients.bootstrapServers())
                .withDetail("topic", properties.kafka().changesTopic())
                .withDetail("entities", index.size());
        EmbeddedKafkaBroker broker = embedded.getIfAvailable();
        if (broker != null && broker.failure().isPresent()) {
            return health.down().withDetail("error", broker.failure().get()).build();
        }
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
