package cz.spojka.connector;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.changelog.DeadLetterSink;
import cz.spojka.changelog.RunContext;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.Entity;
import cz.spojka.mapping.UnreadableBodyException;
import cz.spojka.privacy.HeldEntities;
import cz.spojka.privacy.HeldEntity;
import cz.spojka.privacy.PersonalDataGuard;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries what a connector's route fetched through the data flow: mapping → personal-data guard → SHACL gate → change
 * detection → change log, in chunks of records (see {@link IngestRun}). Called by every route template as
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
    /**
     * The exchange property a route sets to {@code true} when it asked the source for only part of its data, so that
     * the run derives no deletions.
     */
    public static final String PARTIAL_PROPERTY = "spojkaPartialSnapshot";

    /**
     * Exchange property: the largest file, in bytes, the file templates hand over; a larger one is refused by its
     * size (the {@code CamelFileLength} header) before it is read, with a dead letter.
     */
    public static final String MAX_BYTES_PROPERTY = "spojkaMaxBytes";

    /** Bytes of an unreadable body decoded for its dead letter: enough for the 64 KiB of text a letter keeps. */
    private static final int LETTER_BODY_BYTES = 4 * 64 * 1024 + 4;

    private static final Logger log = LoggerFactory.getLogger(ConnectorRunner.class);

    private final Connectors connectors;
    private final ShaclGate gate;
    private final ChangeDetector detector;
    private final ChangePublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final ConnectorState state;
    private final PersonalDataGuard guard;
    private final HeldEntities heldEntities;
    private final DeletionApprovals deletionApprovals;
    private final int chunkRecords;

    /** @param chunkRecords records mapped together and passed on before the next chunk is mapped */
    public ConnectorRunner(
            Connectors connectors,
            ShaclGate gate,
            ChangeDetector detector,
            ChangePublisher publisher,
            DeadLetterPublisher deadLetters,
            ConnectorState state,
            PersonalDataGuard guard,
            HeldEntities heldEntities,
            DeletionApprovals deletionApprovals,
            int chunkRecords) {
        this.connectors = connectors;
        this.gate = gate;
        this.detector = detector;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.state = state;
        this.guard = guard;
        this.heldEntities = heldEntities;
        this.deletionApprovals = deletionApprovals;
        this.chunkRecords = chunkRecords;
    }

    /**
     * Entry point for the routes. The body is what the connector fetched: one body, or a list of bodies fetched
     * together (the pages of one poll), which form one snapshot; an empty list means the source reported that nothing
     * changed since the last run.
     */
    public RunReport ingest(Exchange exchange) {
        String connectorId = exchange.getProperty(CONNECTOR_PROPERTY, String.class);
        String source = exchange.getProperty(SOURCE_PROPERTY, String.class);
        boolean partial = exchange.getProperty(PARTIAL_PROPERTY, false, Boolean.class);
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        Long maxBytes = exchange.getProperty(MAX_BYTES_PROPERTY, Long.class);
        if (length != null && maxBytes != null && length > maxBytes) {
            return refuseTooLarge(connectorId, source, length, maxBytes);
        }
        RunReport report = runAndRecord(connectorId, bodies(exchange), Instant.now(), partial, source);
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
        return runAndRecord(connectorId, List.of(body), fetchedAt, false, null);
    }

    /**
     * Runs the bodies fetched together through the data flow as one snapshot.
     *
     * @param partial whether the source was asked for only part of its data (e.g. what changed since the last run),
     *     so that the run derives no deletions whatever the connector's {@code snapshot} says
     */
    public RunReport ingest(String connectorId, List<byte[]> bodies, Instant fetchedAt, boolean partial) {
        return runAndRecord(connectorId, bodies, fetchedAt, partial, null);
    }

    /** @param source what the bodies came from (a file name), or {@code null} */
    private RunReport runAndRecord(
            String connectorId, List<byte[]> bodies, Instant fetchedAt, boolean partial, String source) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            RunReport report = run(connector, bodies, fetchedAt, partial, source, deadLetters);
            connectors.recordRun(report);
            log.info("{}", report);
            return report;
        }
    }

    /** A file over the size limit: never read, a failed run and a dead letter without the body. */
    private RunReport refuseTooLarge(String connectorId, String source, long length, long maxBytes) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            Instant now = Instant.now();
            String reason = (source == null ? "" : source + ": ") + "The body of " + length
                    + " bytes exceeds the connector's size limit (maxBytes " + maxBytes
                    + "); it was not read. Raise maxBytes if the source really sends files this large.";
            deadLetters.publish(DeadLetter.now(connectorId, "body", null, "fetch", reason, null, null));
            RunReport report = RunReport.failed(
                    connectorId, newRun(connector, now, deadLetters).runId(), now, 0, reason);
            connectors.recordRun(report);
            log.info("{}", report);
            return report;
        }
    }

    private static List<byte[]> bodies(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof List<?> list) {
            return list.stream().map(page -> (byte[]) page).toList();
        }
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        return List.of(bytes == null ? new byte[0] : bytes);
    }

    /**
     * Replays a dead letter's kept source records through the connector's current mapping, guard, gate and change
     * detection, the flow a fetched body takes, under the connector's lock (between its runs). A replay derives no
     * deletions and is not recorded as a run of the connector.
     *
     * @param records the records as the letter keeps them (each its tree, split from its body)
     * @param fetchedAt when the source delivered the records (the letter's time): change detection keeps a version of
     *     an entity the source delivered later
     * @param rejectedAgain where the replay's own rejections go
     */
    public RunReport replayRecords(
            String connectorId, List<JsonNode> records, Instant fetchedAt, DeadLetterSink rejectedAgain) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            long started = System.nanoTime();
            IngestRun run = newRun(connector, fetchedAt, rejectedAgain);
            connector.mapper().mapKept(records, connector.bindings(), run::accept);
            RunReport report = run.finish(false, 0, millisSince(started));
            log.info("Replay: {}", report);
            return report;
        }
    }

    /**
     * Replays a dead letter's kept body (one that could not be read) like {@link #replayRecords}: split into records
     * by the current mapping.
     */
    public RunReport replayBody(String connectorId, byte[] body, Instant fetchedAt, DeadLetterSink rejectedAgain) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            RunReport report = run(connector, List.of(body), fetchedAt, true, "replay", rejectedAgain);
            log.info("Replay: {}", report);
            return report;
        }
    }

    private IngestRun newRun(Connectors.Active connector, Instant fetchedAt, DeadLetterSink sink) {
        RunContext context = connector.runContext(fetchedAt, connector.mapper().version());
        RunPrivacy privacy =
                new RunPrivacy(context, connector.definition().dataset().privacy(), guard, heldEntities);
        return new IngestRun(context, gate, detector, publisher, sink, privacy);
    }

    private RunReport run(
            Connectors.Active connector,
            List<byte[]> bodies,
            Instant fetchedAt,
            boolean partial,
            String source,
            DeadLetterSink sink) {
        long started = System.nanoTime();
        String id = connector.definition().id();
        IngestRun run = newRun(connector, fetchedAt, sink);
        if (bodies.isEmpty()) {
            log.info("Connector {}: the source reports no change since the last run", id);
            return run.finish(false, 0, millisSince(started));
        }
        try {
            connector.mapper().map(bodies, connector.bindings(), chunkRecords, run::accept);
        } catch (UnreadableBodyException e) {
            String reason = source == null ? e.getMessage() : source + ": " + e.getMessage();
            byte[] body = bodies.get(e.index());
            // Only what the letter keeps is decoded: a body near the size limit would be a string as large again.
            String kept = new String(body, 0, Math.min(body.length, LETTER_BODY_BYTES), UTF_8);
            sink.publish(DeadLetter.now(id, "body", null, "fetch", reason, null, kept));
            return RunReport.failed(id, run.runId(), fetchedAt, millisSince(started), reason);
        }
        boolean complete = connector.definition().completeSnapshots() && !partial;
        boolean allowed = deletionApprovals.allowed(id);
        RunReport report = run.finish(
                complete, allowed ? 100 : connector.definition().resilience().maxDeletionShare(), millisSince(started));
        if (complete && allowed && report.succeeded()) {
            deletionApprovals.used(id);
            log.info("Connector {}: the operator's permission to delete beyond maxDeletionShare is used up", id);
        }
        return report;
    }

    /**
     * Publishes an entity held for review as it was mapped, through the gate and the change detection, under the
     * connector's lock (between its runs), and remembers the release for the entity's content.
     *
     * @return the change published: {@code created}, {@code updated} or {@code unchanged}
     * @throws HeldEntityReview.RejectedByGate when the entity fails the SHACL gate; it stays held
     */
    String publishHeld(HeldEntity held) {
        Connectors.Active connector = connectors.active(held.connectorId());
        synchronized (connector) {
            Entity entity = held.entity();
            ShaclGate.Verdict verdict = gate.check(List.of(entity)).get(entity.iri());
            if (verdict != null) {
                throw new HeldEntityReview.RejectedByGate(entity.iri(), verdict.reason());
            }
            List<Change> changes =
                    detector.changes(connector.runContext(held.fetchedAt(), held.mappingVersion()), List.of(entity));
            publisher.publish(changes);
            heldEntities.decide(held, HeldEntities.Decision.RELEASED);
            return changes.isEmpty()
                    ? "unchanged"
                    : changes.get(0).type().name().toLowerCase(Locale.ROOT);
        }
    }

    /** Takes an entity held for review off the list for good, under the connector's lock. */
    void discardHeld(HeldEntity held) {
        synchronized (connectors.active(held.connectorId())) {
            heldEntities.decide(held, HeldEntities.Decision.DISCARDED);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
