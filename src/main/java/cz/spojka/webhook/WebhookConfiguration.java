package cz.spojka.webhook;

import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.connector.Connectors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The webhook: the bean its route template calls, the threads its requests run on, and the guard of its bodies. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean("spojkaWebhook")
    Webhook webhook(DeadLetterPublisher deadLetters) {
        return new Webhook(deadLetters);
    }

    /**
     * Camel's platform-http engine runs every request on a {@code ThreadPoolTaskExecutor} bean and refuses to start
     * without one. Spring Boot creates none here (the connector scheduler is an executor already), so the webhook
     * brings its own, small: pushes to one connector run one at a time anyway.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor webhookExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("spojka-webhook-");
        executor.initialize();
        return executor;
    }

    @Bean
    FilterRegistrationBean<PushBodyGuard> pushBodyGuard(Connectors connectors) {
        FilterRegistrationBean<PushBodyGuard> registration =
                new FilterRegistrationBean<>(new PushBodyGuard(connectors));
        registration.addUrlPatterns(PushBodyGuard.PATH + "*");
        registration.setName("pushBodyGuard");
        return registration;
    }
}
