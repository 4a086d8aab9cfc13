package cz.spojka.subscription;

import cz.spojka.changelog.KafkaClients;
import cz.spojka.system.SpojkaProperties;
import java.net.http.HttpClient;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook subscriptions to the change events, and the admin key that guards their API. */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean
    Subscriptions subscriptions(KafkaClients clients, SpojkaProperties properties) {
        SpojkaProperties.Subscriptions config = properties.subscriptions();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Subscriptions(
                new SubscriptionStore(properties.subscriptionsDir()),
                clients,
                properties.kafka().changesTopic(),
                new WebhookSender(http, config.timeout()),
                config);
    }

    @Bean
    FilterRegistrationBean<AdminApiKeyFilter> adminApiKeyFilter(SpojkaProperties properties) {
        FilterRegistrationBean<AdminApiKeyFilter> registration = new FilterRegistrationBean<>(
                new AdminApiKeyFilter(properties.admin().apiKey()));
        registration.addUrlPatterns(SubscriptionsController.PATH, SubscriptionsController.PATH + "/*");
        return registration;
    }
}
