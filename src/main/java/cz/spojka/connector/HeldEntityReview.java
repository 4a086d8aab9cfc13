package cz.spojka.connector;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.Entity;
import cz.spojka.privacy.HeldEntities;
import cz.spojka.privacy.HeldEntity;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An operator's decision on an entity held for review: release it (publish it as it is, after the review found no
 * personal data to keep back) or discard it. Either is taken under the connector's lock, between its runs, and is
 * remembered for the entity's content, so that the next run neither holds it again nor publishes a discarded one.
 */
public final class HeldEntityReview {

    /** What a release published: {@code created}, {@code updated}, or {@code unchanged}. */
    public record Released(String iri, String change) {}

    /** The gate refused the released entity; it stays held. */
    public static final class RejectedByGate extends RuntimeException {
        RejectedByGate(String iri, String reason) {
            super("The entity " + iri + " fails the SHACL gate and stays held: " + reason);
        }
    }

    private final Connectors connectors;
    private final HeldEntities held;
    private final ShaclGate gate;
    private final ChangeDetector detector;
    private final ChangePublisher publisher;

    public HeldEntityReview(
            Connectors connectors,
            HeldEntities held,
            ShaclGate gate,
            ChangeDetector detector,
            ChangePublisher publisher) {
        this.connectors = connectors;
        this.held = held;
        this.gate = gate;
        this.detector = detector;
        this.publisher = publisher;
    }

    /**
     * Publishes the held entity as it was mapped, through the gate and the change detection.
     *
     * @throws NoSuchElementException when the connector is not loaded or holds no entity with that key
     * @throws RejectedByGate when the entity fails the SHACL gate
     */
    public Released release(String connectorId, String key) {
        Connectors.Active connector = connectors.active(connectorId);
        synchronized (connector) {
            HeldEntity entry = entry(connectorId, key);
            Entity entity = entry.entity();
            Map<String, ShaclGate.Verdict> failed = gate.check(List.of(entity));
            if (!failed.isEmpty()) {
                throw new RejectedByGate(entity.iri(), failed.get(entity.iri()).reason());
            }
            List<Change> changes =
                    detector.changes(connector.runContext(entry.fetchedAt(), entry.mappingVersion()), List.of(entity));
            publisher.publish(changes);
            held.decide(entry, HeldEntities.Decision.RELEASED);
            return new Released(
                    entity.iri(),
                    changes.isEmpty()
                            ? "unchanged"
                            : changes.get(0).type().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Takes the held entity off the list for good: it is not published, now or when a run delivers it again unchanged.
     *
     * @throws NoSuchElementException when the connector is not loaded or holds no entity with that key
     */
    public HeldEntity discard(String connectorId, String key) {
        synchronized (connectors.active(connectorId)) {
            HeldEntity entry = entry(connectorId, key);
            held.decide(entry, HeldEntities.Decision.DISCARDED);
            return entry;
        }
    }

    private HeldEntity entry(String connectorId, String key) {
        return held.held(connectorId, key)
                .orElseThrow(() -> new NoSuchElementException(
                        "Connector '" + connectorId + "' holds no entity with key '" + key + "'"));
    }
}
