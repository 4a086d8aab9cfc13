package cz.spojka.connector;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterSink;
import cz.spojka.changelog.DeletionsRefusedException;
import cz.spojka.changelog.RunContext;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import cz.spojka.mapping.MappedRecord;
import cz.spojka.mapping.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector run on its way from mapped records to the change log, fed chunk by chunk as the body is mapped.
 *
 * <p>Every entity passes the personal-data guard ({@link RunPrivacy}) before anything else sees it: the gate, the
 * change detection and the change log get it redacted or pseudonymised, or not at all when it is held for review. A
 * held entity is spared from deletion like a rejected one, so its last published state, if any, stays.
 *
 * <p>An entity the hub has never published, seen for the first time in the run, is gated and published as a
 * creation at once, so that the materializer works while the rest of the body is still being mapped. Every other
 * entity is held back to the end of the run: one already published (its change is decided against its whole
 * description in this run), one that several chunks describe (the descriptions are united, as within one chunk) and
 * a new one that failed the gate (another record may complete it). At the end the held-back entities are merged,
 * gated and compared with their published state. So a new entity that records in different chunks describe
 * differently is created from its first description and updated with the union at the end of the same run.
 */
final class IngestRun {

    private static final Logger log = LoggerFactory.getLogger(IngestRun.class);
    /** Held-back entities gated and published together at the end of the run. */
    private static final int SLICE = 5000;

    private final RunContext context;
    private final ShaclGate gate;
    private final ChangeDetector detector;
    private final ChangePublisher publisher;
    private final DeadLetterSink deadLetters;
    private final RunPrivacy privacy;

    /** The run's source records by id, for the dead-letter log. */
    private final Map<String, SourceRecord> sources = new HashMap<>();
    /** New entities already published as creations, in case a later chunk describes them again. */
    private final Map<String, Entity> createdEarly = new HashMap<>();
    /** Descriptions of the entities decided at the end of the run. */
    private final Map<String, List<Entity>> heldBack = new LinkedHashMap<>();
    /** IRIs of the entities that passed the gate. */
    private final Set<String> passed = new HashSet<>();
    /** Ids of the records and IRIs of the entities the run rejected. */
    private final Set<String> rejected = new HashSet<>();
    /** IRIs of the entities published as created or updated. */
    private final Set<String> changed = new HashSet<>();
    /** Why records and entities were rejected, for the run's report. */
    private final List<RunReport.Rejection> rejections = new ArrayList<>();

    private boolean everyRecordIdentified = true;
    private int records;
    private int rejectedCount;
    private int created;
    private int updated;
    private int deleted;

    IngestRun(
            RunContext context,
            ShaclGate gate,
            ChangeDetector detector,
            ChangePublisher publisher,
            DeadLetterSink deadLetters,
            RunPrivacy privacy) {
        this.context = context;
        this.gate = gate;
        this.detector = detector;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.privacy = privacy;
    }

    String runId() {
        return context.runId();
    }

    /** Takes the next chunk of mapped records, in source order. */
    void accept(List<MappedRecord> chunk) {
        records += chunk.size();
        for (MappedRecord record : chunk) {
            sources.put(record.record().id(), record.record());
            if (record.rejected()) {
                rejectRecord(record);
            }
        }
        List<Entity> fresh = new ArrayList<>();
        for (Entity entity : Entities.merge(chunk)) {
            List<Entity> held = heldBack.get(entity.iri());
            Entity early = createdEarly.get(entity.iri());
            Entity forReview = privacy.delivered(entity.iri());
            if (held != null) {
                held.add(entity);
            } else if (early != null) {
                hold(early).add(entity);
            } else if (forReview != null) {
                hold(forReview).add(entity);
            } else if (detector.published(entity.iri())) {
                hold(entity);
            } else {
                fresh.add(entity);
            }
        }
        List<Entity> publishable = privacy.publishable(fresh, this::spare);
        Map<String, ShaclGate.Verdict> failed = gate.check(publishable);
        List<Entity> valid = new ArrayList<>(publishable.size());
        for (Entity entity : publishable) {
            if (failed.containsKey(entity.iri())) {
                hold(entity);
            } else {
                valid.add(entity);
                passed.add(entity.iri());
                createdEarly.put(entity.iri(), entity);
            }
        }
        publish(detector.changes(context, valid));
    }

    /**
     * Decides the held-back entities and, after a complete snapshot in which every record had an id, the deletions:
     * none at all, and a failed report, when they would make up more than {@code maxDeletionShare} percent of the
     * connector's entities (the creations and updates of the run stay published).
     */
    RunReport finish(boolean completeSnapshot, int maxDeletionShare, long millis) {
        List<Entity> merged = new ArrayList<>(heldBack.size());
        heldBack.values().forEach(versions -> merged.add(Entities.combine(versions)));
        heldBack.clear();
        List<Entity> publishable = privacy.publishable(merged, this::spare);
        for (int from = 0; from < publishable.size(); from += SLICE) {
            gateAndPublish(publishable.subList(from, Math.min(publishable.size(), from + SLICE)));
        }
        boolean deletes = completeSnapshot && everyRecordIdentified;
        String refused = null;
        if (deletes) {
            try {
                publish(detector.deletions(context, passed, rejected, maxDeletionShare));
            } catch (DeletionsRefusedException e) {
                refused = e.getMessage();
                deletes = false;
            }
        }
        privacy.finish(deletes);
        return new RunReport(
                context.connectorId(),
                context.runId(),
                context.fetchedAt(),
                records,
                rejectedCount,
                passed.size(),
                created,
                updated,
                passed.size() - changed.size(),
                deleted,
                millis,
                refused,
                privacy.counts(),
                List.copyOf(rejections),
                null);
    }

    /** An entity held for review or discarded: not passed, and its last published state is not deleted. */
    private void spare(String iri) {
        passed.remove(iri);
        rejected.add(iri);
    }

    private List<Entity> hold(Entity entity) {
        List<Entity> versions = new ArrayList<>(2);
        versions.add(entity);
        heldBack.put(entity.iri(), versions);
        return versions;
    }

    private void gateAndPublish(List<Entity> entities) {
        Map<String, ShaclGate.Verdict> failed = gate.check(entities);
        List<Entity> valid = new ArrayList<>(entities.size());
        for (Entity entity : entities) {
            ShaclGate.Verdict verdict = failed.get(entity.iri());
            if (verdict == null) {
                valid.add(entity);
                passed.add(entity.iri());
            } else {
                // An entity published earlier in the run keeps that state: it is neither passed nor deleted.
                passed.remove(entity.iri());
                rejected.add(entity.iri());
                reject(new RunReport.Rejection(entity.recordId(), entity.iri(), "shacl", verdict.reason()));
                SourceRecord source = sources.get(entity.recordId());
                deadLetters.publish(DeadLetter.now(
                        context.connectorId(),
                        entity.recordId(),
                        entity.iri(),
                        "shacl",
                        verdict.reason(),
                        verdict.report(),
                        source == null ? null : source.json()));
            }
        }
        publish(detector.changes(context, valid));
    }

    /** Sends a record that could not be mapped to the dead-letter log. */
    private void rejectRecord(MappedRecord record) {
        SourceRecord source = record.record();
        rejected.add(source.id());
        reject(new RunReport.Rejection(source.id(), null, "mapping", record.error()));
        if (!source.identified()) {
            // It could have been any entity, so the run derives no deletions.
            everyRecordIdentified = false;
            log.warn(
                    "Connector {}: record {} has no id, so this run derives no deletions",
                    context.connectorId(),
                    source.id());
        }
        deadLetters.publish(DeadLetter.now(
                context.connectorId(), source.id(), null, "mapping", record.error(), null, source.json()));
    }

    private void reject(RunReport.Rejection rejection) {
        rejectedCount++;
        if (rejections.size() < RunReport.MAX_REJECTIONS) {
            rejections.add(rejection);
        }
    }

    private void publish(List<Change> changes) {
        publisher.publish(changes);
        for (Change change : changes) {
            switch (change.type()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case DELETED -> deleted++;
            }
            if (change.type() != ChangeType.DELETED) {
                changed.add(change.entityIri());
            }
        }
    }
}
