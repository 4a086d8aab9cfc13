package cz.spojka.events;

import cz.spojka.access.CallerDirectory;
import cz.spojka.access.GraphAccess;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The change log as Server-Sent Events at {@code /events}: one live consumer, the clients, their metrics. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean(destroyMethod = "close")
    StreamClients streamClients(SpojkaProperties properties, MeterRegistry metrics) {
        StreamClients clients = new StreamClients(properties.events());
        Gauge.builder("spojka.events.clients", clients, StreamClients::count)
                .description("Clients connected to the event stream /events")
                .register(metrics);
        FunctionCounter.builder("spojka.events.slow.disconnects", clients, StreamClients::slowDisconnects)
                .description("Clients of /events disconnected because they read too slowly")
                .register(metrics);
        return clients;
    }

    @Bean
    LiveChangeStream liveChangeStream(KafkaClients kafka, SpojkaProperties properties, StreamClients clients) {
        String topic = properties.kafka().changesTopic();
        return new LiveChangeStream(clientId -> new ChangeLogCursor(kafka, clientId, topic), clients);
    }

    @Bean
    ServletRegistrationBean<EventStreamServlet> eventStreamServlet(
            LiveChangeStream live,
            StreamClients clients,
            GraphAccess access,
            CallerDirectory directory,
            Connectors connectors,
            SpojkaProperties properties) {
        Duration refresh = properties.events().callerRefresh();
        EventStreamServlet servlet = new EventStreamServlet(
                live, clients, caller -> new StreamAccess(caller, access, directory, refresh), connectors::loaded);
        ServletRegistrationBean<EventStreamServlet> registration =
                new ServletRegistrationBean<>(servlet, EventStreamServlet.PATH);
        registration.setAsyncSupported(true);
        return registration;
    }
}
