package cz.spojka.connector;

import cz.spojka.mapping.MappingBindings;
import cz.spojka.mapping.OfflineContextLoader;
import cz.spojka.mapping.RecordMapper;
import cz.spojka.system.SpojkaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.NodeIdFactory;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the connectors up once the hub is ready (the demo samples are then being served): loads and validates every
 * connector folder, reports each skipped one with all its problems, instantiates one route per loaded connector from
 * its template (after binding its database pool, if the template reads a database, and the circuit breaker of a
 * polled source) and schedules the polling ones.
 */
public class ConnectorStarter {

    private static final Logger log = LoggerFactory.getLogger(ConnectorStarter.class);

    private final SpojkaProperties properties;
    private final ConnectorLoader loader;
    private final OfflineContextLoader contexts;
    private final CamelContext camel;
    private final Connectors connectors;
    private final ConnectorScheduler scheduler;
    private final RouteTemplates templates;
    private final JdbcDataSources dataSources;
    private final SourceBreakers breakers;

    public ConnectorStarter(
            SpojkaProperties properties,
            RouteTemplates templates,
            ConnectorLoader loader,
            OfflineContextLoader contexts,
            CamelContext camel,
            Connectors connectors,
            ConnectorScheduler scheduler,
            JdbcDataSources dataSources,
            SourceBreakers breakers) {
        this.properties = properties;
        this.templates = templates;
        this.loader = loader;
        this.contexts = contexts;
        this.camel = camel;
        this.connectors = connectors;
        this.scheduler = scheduler;
        this.dataSources = dataSources;
        this.breakers = breakers;
    }

    public void start() {
        loadTemplatesIntoCamel();
        closeMqttClientsOfStoppedRoutes();
        ConnectorLoader.Result result;
        try {
            result = loader.loadAll(properties.connectorsDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the connectors in "
                            + properties.connectorsDir().toAbsolutePath() + " (spojka.connectors-dir): "
                            + e.getMessage(),
                    e);
        }
        result.skipped().forEach(this::skip);
        for (ConnectorDefinition definition : result.loaded()) {
            try {
                activate(definition);
            } catch (Exception e) {
                skip(
                        definition.id(),
                        List.of(new ConfigProblem(
                                definition.folder().resolve("connector.yaml"),
                                1,
                                definition.id(),
                                "template",
                                "route could not be created: " + rootCause(e))));
            }
        }
        connectors.markLoaded();
    }

    /**
     * What went wrong first: Camel wraps it (e.g. a template bean refusing its parameters) in several layers of its
     * own, whose messages name the route step, not the reason.
     */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Camel gets the templates from the hub, which has removed the parameter keys only the hub reads. */
    private void loadTemplatesIntoCamel() {
        ExtendedCamelContext extension = camel.getCamelContextExtension();
        extension.addContextPlugin(
                NodeIdFactory.class, new ConnectorRouteIds(extension.getContextPlugin(NodeIdFactory.class)));
        RoutesLoader routes = camel.getCamelContextExtension().getContextPlugin(RoutesLoader.class);
        templates.camelYaml().forEach((file, yaml) -> {
            try {
                routes.loadRoutes(ResourceHelper.fromString("file:" + file, yaml));
            } catch (Exception e) {
                log.error("Route templates in {} cannot be loaded: {}", file, e.getMessage());
            }
        });
        templates.all().values().stream()
                .filter(t -> !t.problems().isEmpty())
                .forEach(t -> log.error(
                        "Route template '{}' ({}) is declared wrongly and offered to no connector: {}",
                        t.id(),
                        t.file(),
                        String.join("; ", t.problems())));
    }

    private void closeMqttClientsOfStoppedRoutes() {
        MqttClientCloser closer = new MqttClientCloser();
        try {
            // Added as a service, so Camel starts it now (only started notifiers get events) and stops it last.
            camel.addService(closer);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the MQTT client closer: " + e.getMessage(), e);
        }
        camel.getManagementStrategy().addEventNotifier(closer);
    }

    private void skip(String connectorId, List<ConfigProblem> problems) {
        connectors.skip(connectorId, problems);
        log.error(
                "Connector '{}' is skipped; fix these problems and restart:\n  {}",
                connectorId,
                String.join(
                        "\n  ", problems.stream().map(ConfigProblem::toString).toList()));
    }

    private void activate(ConnectorDefinition definition) throws Exception {
        // One compiled mapping serves every municipality of a connector.
        RecordMapper mapper = new RecordMapper(definition.mapping(), contexts);
        log.info(
                "Connector '{}' reads its records with {}",
                definition.id(),
                mapper.readsWithFlatContext()
                        ? "the fast reader for its flat JSON-LD context"
                        : "the JSON-LD 1.1 processor");
        List<ConnectorDefinition> instances = definition.instances();
        long started = System.nanoTime();
        for (int i = 0; i < instances.size(); i++) {
            ConnectorDefinition instance = instances.get(i);
            ConnectorDefinition.Dataset dataset = instance.dataset();
            MappingBindings bindings =
                    new MappingBindings(properties.baseIri(), dataset.id(), dataset.ico(), dataset.ruian());
            connectors.activate(
                    new Connectors.Active(instance, mapper, bindings, dataset.graphIri(properties.baseIri())));
            dataSources.bind(instance, camel.getRegistry());
            if (templates.get(instance.template()).polled()) {
                breakers.bind(instance, camel.getRegistry());
            }
            // No route id here: ConnectorRouteIds names the route, see there why.
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, instance.template())
                    .parameter(RouteTemplates.CONNECTOR_ID, instance.id());
            instance.parameters().forEach((name, value) -> {
                // An optional parameter left empty is not set (see RouteTemplates): its {{?name}} options are dropped.
                if (!value.isEmpty()) {
                    route.parameter(name, value);
                }
            });
            route.add();
            Duration sinceStarted = Duration.ofNanos(System.nanoTime() - started);
            scheduler.schedule(instance, firstPollDelay(instance, i, instances.size(), sinceStarted));
        }
    }

    /**
     * The many municipalities of one connector poll their sources spread over the first interval from the moment the
     * connector started, not all at once (6,000 boards at once would keep the last waiting for many minutes and
     * hammer the source). The time it took to create the routes before this one is already part of its wait.
     */
    private static Duration firstPollDelay(ConnectorDefinition instance, int index, int count, Duration sinceStarted) {
        if (count == 1 || instance.schedule() == null || instance.schedule().interval() == null) {
            return Duration.ZERO;
        }
        Duration due = instance.schedule().interval().multipliedBy(index).dividedBy(count);
        return due.compareTo(sinceStarted) > 0 ? due.minus(sinceStarted) : Duration.ZERO;
    }
}
