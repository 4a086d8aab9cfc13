package cz.spojka.subscription;

import cz.spojka.access.CallerDirectory;
import cz.spojka.access.GraphAccess;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.system.JsonFiles;
import cz.spojka.system.SpojkaProperties;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook subscriptions to the change events. */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    private final SpojkaProperties properties;

    SubscriptionConfiguration(SpojkaProperties properties) {
        this.properties = properties;
    }

    @Bean
    Subscriptions subscriptions(
            KafkaClients clients, GraphAccess access, CallerDirectory directory, Connectors connectors) {
        SpojkaProperties.Subscriptions config = properties.subscriptions();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Subscriptions(
                new JsonFiles<>(properties.subscriptionsDir(), Subscription.class),
                new DeliverySettings(
                        clients,
                        properties.kafka().changesTopic(),
                        new DeliveryAccess(access, directory, connectors),
                        new WebhookSender(http, config.timeout()),
                        config));
    }
}
