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
    /**
     * An optional exchange property naming what the body came from, e.g. the dropped file's name: a run that fails on
     * the body names it in its error and its dead letter, so the operator finds the file that was set aside.
     */
    public static final String SOURCE_PROPERTY = "spojkaSource";

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
        String source = exchange.getProperty(SOURCE_PROPERTY, String.class);
        RunReport report = runAndRecord(connectorId, body == null ? new byte[0] : body, Instant.now(), source);
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
        return runAndRecord(connectorId, body, fetchedAt, null);
    }

    /** @param source what the body came from (a file name), or {@code null} */
    private RunReport runAndRecord(String connectorId, byte[] body, Instant fetchedAt, String source) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            RunReport report = run(connector, body, fetchedAt, source);
            connectors.recordRun(report);
            log.info("{}", report);
            return report;
        }
    }

    private RunReport run(Connectors.Active connector, byte[] body, Instant fetchedAt, String source) {
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
            String reason = source == null ? e.getMessage() : source + ": " + e.getMessage();
            deadLetters.publish(DeadLetter.now(id, "body", null, "fetch", reason, null, new String(body, UTF_8)));
            return RunReport.failed(id, fetchedAt, millisSince(started), reason);
        }
        return run.finish(connector.definition().completeSnapshots(), millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
