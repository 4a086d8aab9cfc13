package cz.spojka.system;

import cz.spojka.changelog.ChangeLogIndex;
import cz.spojka.connector.ConfigProblem;
import cz.spojka.connector.Connectors;
import cz.spojka.store.EntityStore;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The short summary printed once the hub is up: where everything is and which connectors run. */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final SpojkaProperties properties;
    private final ObjectProvider<EmbeddedKafkaBroker> broker;
    private final ChangeLogIndex index;
    private final EntityStore store;
    private final Connectors connectors;

    StartupSummary(
            SpojkaProperties properties,
            ObjectProvider<EmbeddedKafkaBroker> broker,
            ChangeLogIndex index,
            EntityStore store,
            Connectors connectors) {
        this.properties = properties;
        this.broker = broker;
        this.index = index;
        this.store = store;
        this.connectors = connectors;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void print(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext())
                .getWebServer()
                .getPort();
        String http = "http://localhost:" + port;
        List<String> credentialWarnings = CredentialWarnings.of(properties);
        credentialWarnings.forEach(warning -> log.warn("INSECURE CREDENTIALS: {}", warning));
        StringBuilder text = new StringBuilder("\n\nSpojka is running\n");
        credentialWarnings.forEach(warning -> line(text, "INSECURE", warning));
        line(text, "Home page", http + "/");
        line(
                text,
                "SPARQL endpoint",
                properties.store().type() == SpojkaProperties.StoreType.tdb2
                        ? http + "/sparql (the query UI in a browser)"
                        : properties.store().sparql().queryEndpoint() + " (external store)");
        line(text, "Health", http + "/actuator/health");
        line(text, "Connectors API", http + "/api/connectors");
        line(text, "Vocabulary", http + "/vocab");
        line(text, "Live events", http + "/events (Server-Sent Events)");
        line(text, "Live dashboard", http + "/dashboard");
        line(text, "Events contract", http + "/asyncapi.yaml");
        line(text, "Subscriptions API", http + "/api/subscriptions (an agency's API key in X-Api-Key)");
        line(text, "Dead letters API", http + "/api/deadletters (an operator's API key in X-Api-Key)");
        line(text, "Downloads", http + "/data");
        line(
                text,
                "Catalogue (LKOD)",
                http + "/catalog (publisher " + properties.catalog().publisherName() + ", IČO "
                        + properties.catalog().publisherIco() + "; its IRIs start with " + properties.baseIri()
                        + ")");
        EmbeddedKafkaBroker embedded = broker.getIfAvailable();
        line(
                text,
                "Kafka",
                embedded != null
                        ? embedded.bootstrapServers() + " (in-process KRaft broker, log in " + embedded.logDir() + ")"
                        : properties.kafka().bootstrapServers() + " (external cluster)");
        line(
                text,
                "Change log",
                properties.kafka().changesTopic() + " (" + index.size() + " entities), dead letters "
                        + properties.kafka().deadletterTopic());
        line(
                text,
                "Data directory",
                properties.dataDir().toAbsolutePath().normalize().toString());
        line(text, "Store", store.describe());
        if (properties.demo().enabled()) {
            line(text, "Demo samples", http + "/demo/<connector>/<file>");
        }
        connectors
                .active()
                .forEach(c -> line(
                        text,
                        "Connector loaded",
                        c.definition().id() + " (" + c.definition().template() + ", "
                                + (c.definition().schedule() == null
                                        ? "pushed by the source"
                                        : c.definition().schedule())
                                + ") → " + c.graphIri()));
        for (Map.Entry<String, List<ConfigProblem>> skipped :
                connectors.skipped().entrySet()) {
            line(
                    text,
                    "Connector SKIPPED",
                    skipped.getKey() + ": " + skipped.getValue().size() + " problem(s), first: "
                            + skipped.getValue().get(0));
        }
        log.info("{}", text);
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-18s %s%n", label, value));
    }
}
