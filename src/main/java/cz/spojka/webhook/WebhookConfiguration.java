package cz.spojka.webhook;

import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.connector.Connectors;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The webhook: the bean its route template calls, the engine its requests run on, and the guard of its bodies. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean("spojkaWebhook")
    Webhook webhook(DeadLetterPublisher deadLetters) {
        return new Webhook(deadLetters);
    }

    /**
     * Camel's platform-http engine, replacing the auto-configured one, which hands every request over to a
     * {@code ThreadPoolTaskExecutor} while the servlet thread waits for it (and refuses to start without one). Here
     * the route runs on the servlet thread that received the push: the hand-over cost two thread wake-ups per push
     * and, on a busy machine, a wait for a core each time (BENCHMARKS.md, events). Tomcat's thread pool bounds the
     * pushes in progress; pushes to one connector run one at a time anyway.
     */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(Environment environment) {
        return new SpringBootPlatformHttpEngine(
                environment.getProperty("server.port", Integer.class, 8080), Runnable::run);
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
