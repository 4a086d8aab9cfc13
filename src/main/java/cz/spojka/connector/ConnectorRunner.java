package cz.spojka.connector;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
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
    /** Entities gated and published together; the materializer starts on a slice while the next is gated. */
    private static final int SLICE = 5000;

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
            deadLetters.publish(deadLetter(
                    id, "body", null, "fetch", e.getMessage(), null, new String(body, StandardCharsets.UTF_8)));
            return RunReport.failed(id, fetchedAt, millisSince(started), e.getMessage());
        }
        RunContext run = new RunContext(
                id,
                connector.definition().dataset().id(),
                connector.graphIri(),
                fetchedAt,
                connector.mapper().version());
        Tally tally = new Tally();
        boolean complete =
                rejectRecords(id, records, tally) && connector.definition().completeSnapshots();
        List<Entity> entities = Entities.merge(records);
        for (int from = 0; from < entities.size(); from += SLICE) {
            gateAndPublish(run, records, entities.subList(from, Math.min(entities.size(), from + SLICE)), tally);
        }
        if (complete) {
            tally.publish(publisher, detector.deletions(run, tally.passed, tally.rejected));
        }
        return new RunReport(
                id,
                fetchedAt,
                records.size(),
                tally.rejectedCount,
                tally.passed.size(),
                tally.created,
                tally.updated,
                tally.deleted,
                millisSince(started),
                null);
    }

    /**
     * Sends the records that could not be mapped to the dead-letter log.
     *
     * @return false when one of them has no id: it could have been any entity, so the run derives no deletions
     */
    private boolean rejectRecords(String connectorId, List<MappedRecord> records, Tally tally) {
        boolean identified = true;
        for (MappedRecord record : records) {
            if (record.rejected()) {
                tally.reject(record.record().id());
                if (!record.record().identified()) {
                    identified = false;
                    log.warn(
                            "Connector {}: record {} has no id, so this run derives no deletions",
                            connectorId,
                            record.record().id());
                }
                deadLetters.publish(deadLetter(
                        connectorId,
                        record.record().id(),
                        null,
                        "mapping",
                        record.error(),
                        null,
                        record.record().json()));
            }
        }
        return identified;
    }

    /**
     * Gates one slice of the run's entities and publishes its creations and updates at once, so the materializer
     * starts on the first slice while the hub gates the next.
     */
    private void gateAndPublish(RunContext run, List<MappedRecord> records, List<Entity> slice, Tally tally) {
        Map<String, ShaclGate.Verdict> failed = gate.check(slice);
        List<Entity> passed = new ArrayList<>(slice.size());
        for (Entity entity : slice) {
            ShaclGate.Verdict verdict = failed.get(entity.iri());
            if (verdict == null) {
                passed.add(entity);
                tally.passed.add(entity.iri());
            } else {
                tally.reject(entity.recordId());
                tally.rejected.add(entity.iri());
                deadLetters.publish(deadLetter(
                        run.connectorId(),
                        entity.recordId(),
                        entity.iri(),
                        "shacl",
                        verdict.reason(),
                        verdict.report(),
                        recordJson(records, entity.recordId())));
            }
        }
        tally.publish(publisher, detector.changes(run, passed));
    }

    private static DeadLetter deadLetter(
            String connectorId,
            String recordId,
            String entityIri,
            String stage,
            String reason,
            String report,
            String record) {
        return new DeadLetter(connectorId, recordId, entityIri, stage, reason, report, truncate(record), Instant.now());
    }

    /** What a run has done so far. */
    private static final class Tally {
        final Set<String> passed = new HashSet<>();
        final Set<String> rejected = new HashSet<>();
        int rejectedCount;
        int created;
        int updated;
        int deleted;

        void reject(String recordOrEntity) {
            rejected.add(recordOrEntity);
            rejectedCount++;
        }

        void publish(ChangePublisher publisher, List<Change> changes) {
            publisher.publish(changes);
            for (Change change : changes) {
                switch (change.type()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case DELETED -> deleted++;
                }
            }
        }
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

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
