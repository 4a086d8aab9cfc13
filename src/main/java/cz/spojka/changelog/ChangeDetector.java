package cz.spojka.changelog;

import cz.spojka.mapping.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a connector run's entities with their latest published state. An entity whose canonical hash is unchanged
 * yields nothing. After a complete snapshot, entities of the connector that the snapshot no longer contains become
 * deletions — except entities the run rejected and those of records it rejected, whose last good state stays until
 * the source is fixed. A run that delivered no entity at all derives no deletions: an empty answer is far more
 * often a broken source than a dataset emptied on purpose; nor does one that would delete more than the connector's
 * maximum share of its entities (a truncated export that still parses, such as a CSV file cut at a line end).
 */
public final class ChangeDetector {

    private final ChangeLogIndex index;

    public ChangeDetector(ChangeLogIndex index) {
        this.index = index;
    }

    /** Whether the entity has been published (and not deleted) before. */
    public boolean published(String entityIri) {
        index.ensureCurrent();
        return index.get(entityIri) != null;
    }

    /**
     * Creations and updates: the entities whose canonical hash differs from their latest published state. A state
     * fetched before the published one never replaces it: a dead letter replayed after the source delivered a newer
     * version of its entity leaves that version in place (runs of one connector fetch in order, so only replays,
     * which keep the time of the original fetch, can be older).
     */
    public List<Change> changes(RunContext run, Collection<Entity> entities) {
        index.ensureCurrent();
        List<Change> changes = new ArrayList<>();
        for (Entity entity : entities) {
            ChangeLogIndex.Entry previous = index.get(entity.iri());
            if (previous != null
                    && (previous.hash().equals(entity.hash())
                            || previous.fetchedAt() != null && run.fetchedAt().isBefore(previous.fetchedAt()))) {
                continue;
            }
            ChangeType type = previous == null ? ChangeType.CREATED : ChangeType.UPDATED;
            changes.add(new Change(
                    type,
                    entity.iri(),
                    entity.kind(),
                    run.dataset(),
                    run.graphIri(),
                    entity.hash(),
                    entity.graph(),
                    run.provenance(entity.recordId()),
                    null));
        }
        return changes;
    }

    /**
     * Deletions after a complete snapshot: the connector's published entities the snapshot no longer contains.
     *
     * @param seen IRIs of the entities the snapshot delivered and the gate passed
     * @param rejected ids of the source records and IRIs of the entities the run rejected
     * @param maxSharePercent the largest share of the connector's published entities (the run's creations included)
     *     the deletions may make up, in percent; {@code 100} allows any
     * @throws DeletionsRefusedException when the deletions would make up more than that share
     */
    public List<Change> deletions(RunContext run, Set<String> seen, Set<String> rejected, int maxSharePercent) {
        index.ensureCurrent();
        List<Change> deletions = new ArrayList<>();
        if (seen.isEmpty()) {
            return deletions;
        }
        Map<String, ChangeLogIndex.Entry> ofConnector = index.ofConnector(run.connectorId());
        for (Map.Entry<String, ChangeLogIndex.Entry> published : ofConnector.entrySet()) {
            ChangeLogIndex.Entry entry = published.getValue();
            if (!seen.contains(published.getKey())
                    && !rejected.contains(published.getKey())
                    && !rejected.contains(entry.recordId())) {
                deletions.add(new Change(
                        ChangeType.DELETED,
                        published.getKey(),
                        entry.kind(),
                        entry.dataset(),
                        entry.graph(),
                        null,
                        null,
                        run.provenance(entry.recordId()),
                        null));
            }
        }
        if ((long) deletions.size() * 100 > (long) maxSharePercent * ofConnector.size()) {
            throw new DeletionsRefusedException(
                    run.connectorId(), deletions.size(), ofConnector.size(), maxSharePercent);
        }
        return deletions;
    }
}
