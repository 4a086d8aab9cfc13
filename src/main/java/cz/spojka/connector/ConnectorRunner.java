package cz.spojka.connector;

import static java.nio.charset.StandardCharsets.UTF_8;

import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.changelog.RunContext;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.MappingException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries what a connector's route fetched through the data flow: mapping → SHACL gate → change detection → change
 * log, in chunks of records (see {@link IngestRun}). Called by every route template as
 * {@code bean:spojkaConnectorRunner}. Rejected records and entities go to the dead-letter log while the rest of the
 * batch flows; a body that cannot be parsed fails the run, which then publishes nothing and, above all, deletes
 * nothing.
 */
public class ConnectorRunner {

    /** The exchange property every route template sets to the connector's id. */
    public static final String CONNECTOR_PROPERTY = "spojkaConnectorId";

    private static final Logger log = LoggerFactory.getLogger(ConnectorRunner.class);

    private final Connectors connectors;
    private final ShaclGate gate;
    private final ChangeDetector detector;
    private final ChangePublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final ConnectorState state;
    private final int chunkRecords;

    /** @param chunkRecords records mapped together and passed on before the next chunk is mapped */
    public ConnectorRunner(
            Connectors connectors,
            ShaclGate gate,
            ChangeDetector detector,
            ChangePublisher publisher,
            DeadLetterPublisher deadLetters,
            ConnectorState state,
            int chunkRecords) {
        this.connectors = connectors;
        this.gate = gate;
        this.detector = detector;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.state = state;
        this.chunkRecords = chunkRecords;
    }

    /** Entry point for the routes: the body is what the connector fetched. */
    public RunReport ingest(Exchange exchange) {
        String connectorId = exchange.getProperty(CONNECTOR_PROPERTY, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        RunReport report = ingest(connectorId, body == null ? new byte[0] : body, Instant.now());
        if (report.succeeded()) {
            Map<String, String> next = new TreeMap<>();
            exchange.getProperties().forEach((name, value) -> {
                if (name.startsWith(ConnectorState.PROPERTY_PREFIX) && value != null) {
                    next.put(name.substring(ConnectorState.PROPERTY_PREFIX.length()), value.toString());
                }
            });
            state.putAll(connectorId, next);
        }
        return report;
    }

    public RunReport ingest(String connectorId, byte[] body, Instant fetchedAt) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            RunReport report = run(connector, body, fetchedAt);
            connectors.recordRun(report);
            log.info("{}", report);
            return report;
        }
    }

    private RunReport run(Connectors.Active connector, byte[] body, Instant fetchedAt) {
        long started = System.nanoTime();
        String id = connector.definition().id();
        RunContext context = new RunContext(
                id,
                connector.definition().dataset().id(),
                connector.graphIri(),
                fetchedAt,
                connector.mapper().version());
        IngestRun run = new IngestRun(context, gate, detector, publisher, deadLetters);
        try {
            connector.mapper().map(body, connector.bindings(), chunkRecords, run::accept);
        } catch (MappingException e) {
            deadLetters.publish(
                    DeadLetter.now(id, "body", null, "fetch", e.getMessage(), null, new String(body, UTF_8)));
            return RunReport.failed(id, fetchedAt, millisSince(started), e.getMessage());
        }
        return run.finish(connector.definition().completeSnapshots(), millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
