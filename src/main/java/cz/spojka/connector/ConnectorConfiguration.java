package cz.spojka.connector;

import cz.spojka.access.GraphAccess;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.OfflineContextLoader;
import cz.spojka.privacy.HeldEntities;
import cz.spojka.privacy.PersonalDataGuard;
import cz.spojka.store.PublishedGraphs;
import cz.spojka.system.SpojkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Connectors: their loading and validation, the data flow they feed, and their schedule. */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

    /** Runs before the start-up summary, which lists the connectors. */
    static final int START_ORDER = 0;

    @Bean
    OfflineContextLoader offlineContextLoader(SpojkaProperties properties) {
        return new OfflineContextLoader(properties.vocabDir().resolve("contexts"));
    }

    @Bean
    ShaclGate shaclGate(SpojkaProperties properties) {
        return new ShaclGate(properties.vocabDir().resolve("shapes"));
    }

    @Bean
    RouteTemplates routeTemplates(SpojkaProperties properties) {
        return RouteTemplates.read(properties.routesDir());
    }

    @Bean
    ConnectorLoader connectorLoader(RouteTemplates templates, Environment environment, SpojkaProperties properties) {
        return new ConnectorLoader(
                templates,
                environment::resolveRequiredPlaceholders,
                !properties.privacy().pseudonymKey().isBlank());
    }

    @Bean
    Connectors connectors(SpojkaProperties properties) {
        return new Connectors(new RunHistory(properties.dataDir().resolve("connector-runs")));
    }

    /** Which graphs a caller may read, by the classification the connectors declare for their datasets. */
    @Bean
    GraphAccess graphAccess(Connectors connectors, SpojkaProperties properties) {
        return new GraphAccess(
                properties.baseIri(), new PublishedGraphs(properties.baseIri()), connectors::classification);
    }

    @Bean("spojkaConnectorRunner")
    ConnectorRunner connectorRunner(
            Connectors connectors,
            ShaclGate gate,
            ChangeDetector detector,
            ChangePublisher publisher,
            DeadLetterPublisher deadLetters,
            ConnectorState connectorState,
            PersonalDataGuard guard,
            HeldEntities heldEntities,
            DeletionApprovals deletionApprovals,
            SpojkaProperties properties) {
        return new ConnectorRunner(
                connectors,
                gate,
                detector,
                publisher,
                deadLetters,
                connectorState,
                guard,
                heldEntities,
                deletionApprovals,
                properties.ingest().chunkRecords());
    }

    @Bean
    DeletionApprovals deletionApprovals() {
        return new DeletionApprovals();
    }

    @Bean("spojkaFileDrops")
    FileDrops fileDrops(ConnectorRunner connectorRunner, Connectors connectors) {
        return new FileDrops(connectorRunner, connectors);
    }

    @Bean
    HeldEntityReview heldEntityReview(HeldEntities heldEntities, ConnectorRunner connectorRunner) {
        return new HeldEntityReview(heldEntities, connectorRunner);
    }

    @Bean("spojkaConnectorState")
    ConnectorState connectorState(SpojkaProperties properties) {
        return new ConnectorState(properties.dataDir().resolve("connector-state"));
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler connectorTaskScheduler(SpojkaProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(properties.ingest().pollThreads());
        scheduler.setThreadNamePrefix("spojka-connector-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean
    SourceBreakers sourceBreakers() {
        return new SourceBreakers();
    }

    @Bean
    StaleSources staleSources(Connectors connectors) {
        return new StaleSources(connectors, Clock.systemUTC());
    }

    /** Also the {@code connectors} component of {@code /actuator/health}. */
    @Bean("connectorsHealthIndicator")
    ConnectorAlerts connectorAlerts(Connectors connectors, SourceBreakers breakers, StaleSources staleSources) {
        return new ConnectorAlerts(connectors, breakers, staleSources);
    }

    @Bean
    ConnectorScheduler connectorScheduler(
            CamelContext camel,
            ThreadPoolTaskScheduler connectorTaskScheduler,
            Connectors connectors,
            SourceBreakers breakers) {
        return new ConnectorScheduler(camel, connectorTaskScheduler, connectors, breakers);
    }

    @Bean(destroyMethod = "close")
    JdbcDataSources jdbcDataSources() {
        return new JdbcDataSources();
    }

    @Bean("spojkaJdbcRows")
    JdbcRows jdbcRows() {
        return new JdbcRows();
    }

    @Bean
    ConnectorStarter connectorStarter(
            SpojkaProperties properties,
            RouteTemplates templates,
            ConnectorLoader loader,
            OfflineContextLoader contexts,
            CamelContext camel,
            Connectors connectors,
            ConnectorScheduler scheduler,
            JdbcDataSources dataSources,
            SourceBreakers breakers) {
        return new ConnectorStarter(
                properties, templates, loader, contexts, camel, connectors, scheduler, dataSources, breakers);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(START_ORDER)
    void startConnectors(ApplicationReadyEvent event) {
        ApplicationContext context = event.getApplicationContext();
        context.getBean(ConnectorStarter.class).start();
        context.getBean(ConnectorAlerts.class).registerGauges(context.getBean(MeterRegistry.class));
    }

    /** First thing on shutdown: the closed event comes before Camel and the other lifecycles stop. */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void stopPolling(ContextClosedEvent event) {
        event.getApplicationContext().getBean(ConnectorScheduler.class).stop();
    }
}
