package cz.spojka.connector;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.changelog.RunContext;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import cz.spojka.mapping.MappedRecord;
import cz.spojka.mapping.MappingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries what a connector's route fetched through the data flow: mapping → SHACL gate → change detection → change
 * log. Called by every route template as {@code bean:spojkaConnectorRunner}. Rejected records and entities go to the
 * dead-letter log while the rest of the batch flows; a body that cannot be parsed fails the run, which then
 * publishes nothing and, above all, deletes nothing.
 */
public class ConnectorRunner {

    /** The exchange property every route template sets to the connector's id. */
    public static final String CONNECTOR_PROPERTY = "spojkaConnectorId";

    private static final Logger log = LoggerFactory.getLogger(ConnectorRunner.class);
    private static final int MAX_DEAD_RECORD_CHARS = 64 * 1024;

    private final Connectors connectors;
    private final ShaclGate gate;
    private final ChangeDetector detector;
    private final ChangePublisher publisher;
    private final DeadLetterPublisher deadLetters;

    public ConnectorRunner(
            Connectors connectors,
            ShaclGate gate,
            ChangeDetector detector,
            ChangePublisher publisher,
            DeadLetterPublisher deadLetters) {
        this.connectors = connectors;
        this.gate = gate;
        this.detector = detector;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    /** Entry point for the routes: the body is what the connector fetched. */
    public RunReport ingest(Exchange exchange) {
        String connectorId = exchange.getProperty(CONNECTOR_PROPERTY, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        return ingest(connectorId, body == null ? new byte[0] : body, Instant.now());
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
        List<MappedRecord> records;
        try {
            records = connector.mapper().map(body, connector.bindings());
        } catch (MappingException e) {
            deadLetters.publish(new DeadLetter(
                    id,
                    "body",
                    null,
                    "fetch",
                    e.getMessage(),
                    null,
                    truncate(new String(body, StandardCharsets.UTF_8)),
                    Instant.now()));
            return RunReport.failed(id, fetchedAt, millisSince(started), e.getMessage());
        }
        Set<String> rejected = new HashSet<>();
        boolean complete = connector.definition().completeSnapshots();
        List<Entity> passed = new ArrayList<>();
        List<Entity> entities = Entities.merge(records);
        Map<String, ShaclGate.Verdict> failed = gate.check(entities);
        for (Entity entity : entities) {
            ShaclGate.Verdict verdict = failed.get(entity.iri());
            if (verdict == null) {
                passed.add(entity);
            } else {
                rejected.add(entity.recordId());
                rejected.add(entity.iri());
                deadLetters.publish(new DeadLetter(
                        id,
                        entity.recordId(),
                        entity.iri(),
                        "shacl",
                        verdict.reason(),
                        verdict.report(),
                        truncate(recordJson(records, entity.recordId())),
                        Instant.now()));
            }
        }
        for (MappedRecord record : records) {
            if (record.rejected()) {
                rejected.add(record.record().id());
                if (complete && !record.record().identified()) {
                    complete = false;
                    log.warn(
                            "Connector {}: record {} has no id, so this run derives no deletions",
                            id,
                            record.record().id());
                }
                deadLetters.publish(new DeadLetter(
                        id,
                        record.record().id(),
                        null,
                        "mapping",
                        record.error(),
                        null,
                        truncate(record.record().json()),
                        Instant.now()));
            }
        }
        RunContext run = new RunContext(
                id,
                connector.definition().dataset().id(),
                connector.graphIri(),
                fetchedAt,
                connector.mapper().version());
        List<Change> changes = detector.detect(run, passed, complete, rejected);
        publisher.publish(changes);
        return new RunReport(
                id,
                fetchedAt,
                records.size(),
                rejectedCount(records, failed),
                passed.size(),
                count(changes, ChangeType.CREATED),
                count(changes, ChangeType.UPDATED),
                count(changes, ChangeType.DELETED),
                millisSince(started),
                null);
    }

    /** Records rejected whole, plus entities rejected by the gate. */
    private static int rejectedCount(List<MappedRecord> records, Map<String, ShaclGate.Verdict> failed) {
        return (int) records.stream().filter(MappedRecord::rejected).count() + failed.size();
    }

    private static String recordJson(List<MappedRecord> records, String recordId) {
        return records.stream()
                .filter(r -> r.record().id().equals(recordId))
                .findFirst()
                .map(r -> r.record().json())
                .orElse(null);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_DEAD_RECORD_CHARS
                ? text
                : text.substring(0, MAX_DEAD_RECORD_CHARS) + "…[truncated]";
    }

    private static int count(List<Change> changes, ChangeType type) {
        return (int) changes.stream().filter(c -> c.type() == type).count();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
