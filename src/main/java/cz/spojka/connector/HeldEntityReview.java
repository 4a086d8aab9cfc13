package cz.spojka.connector;

import cz.spojka.privacy.HeldEntities;
import cz.spojka.privacy.HeldEntity;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An operator's review of the entities held for personal data: list them, release one (publish it as it is, after the
 * review found no personal data to keep back) or discard one. A decision is taken under the connector's lock, between
 * its runs, and is remembered for the entity's content, so that the next run neither holds it again nor publishes a
 * discarded one.
 */
public final class HeldEntityReview {

    /** The gate refused the released entity; it stays held. */
    public static final class RejectedByGate extends RuntimeException {
        RejectedByGate(String iri, String reason) {
            super("The entity " + iri + " fails the SHACL gate and stays held: " + reason);
        }
    }

    private final HeldEntities held;
    private final ConnectorRunner runner;

    public HeldEntityReview(HeldEntities held, ConnectorRunner runner) {
        this.held = held;
        this.runner = runner;
    }

    /** Every connector's held entities. */
    public List<HeldEntity> all() {
        return held.all();
    }

    /** The connector's held entities. */
    public List<HeldEntity> held(String connectorId) {
        return held.held(connectorId);
    }

    /**
     * Publishes the held entity as it was mapped.
     *
     * @return the change published: {@code created}, {@code updated} or {@code unchanged}
     * @throws NoSuchElementException when the connector is not loaded or holds no entity with that key
     * @throws RejectedByGate when the entity fails the SHACL gate
     */
    public String release(HeldEntity entity) {
        return runner.publishHeld(entity);
    }

    /** Never publishes the held entity, now or when a run delivers it again unchanged. */
    public void discard(HeldEntity entity) {
        runner.discardHeld(entity);
    }

    /** @throws NoSuchElementException when the connector holds no entity with that key */
    public HeldEntity entry(String connectorId, String key) {
        return held.held(connectorId, key)
                .orElseThrow(() -> new NoSuchElementException(
                        "Connector '" + connectorId + "' holds no entity with key '" + key + "'"));
    }
}
