package cz.spojka.subscription;

import cz.spojka.access.CallerDirectory;
import cz.spojka.access.GraphAccess;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import java.net.http.HttpClient;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Webhook subscriptions to the change events, and the admin key that guards their API. */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration implements WebMvcConfigurer {

    private final SpojkaProperties properties;

    SubscriptionConfiguration(SpojkaProperties properties) {
        this.properties = properties;
    }

    /**
     * Without a {@link CallerDirectory} (no module of the hub manages agencies) there are no agencies: every
     * subscription is public-only, and none can be created for an agency.
     */
    @Bean
    Subscriptions subscriptions(
            KafkaClients clients,
            GraphAccess access,
            ObjectProvider<CallerDirectory> directory,
            Connectors connectors) {
        SpojkaProperties.Subscriptions config = properties.subscriptions();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Subscriptions(
                new SubscriptionStore(properties.subscriptionsDir()),
                new DeliverySettings(
                        clients,
                        properties.kafka().changesTopic(),
                        new DeliveryAccess(
                                access, directory.getIfAvailable(() -> agency -> Optional.empty()), connectors),
                        new WebhookSender(http, config.timeout()),
                        config));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminApiKey(properties.admin().apiKey()))
                .addPathPatterns(SubscriptionsController.PATH, SubscriptionsController.PATH + "/**");
    }
}
