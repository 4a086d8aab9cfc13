package cz.spojka.changelog;

/**
 * A complete snapshot that would delete a larger share of the connector's published entities than its
 * {@code resilience.maxDeletionShare} allows: far more often a truncated or partial export than a dataset emptied on
 * purpose. Nothing is deleted; the run fails with this message until the source delivers its whole data again or an
 * operator allows the deletions once.
 */
public final class DeletionsRefusedException extends IllegalStateException {

    private final int deletions;
    private final int published;

    DeletionsRefusedException(String connectorId, int deletions, int published, int maxSharePercent) {
        super("The complete snapshot would delete " + deletions + " of the connector's " + published
                + " published entities (" + percent(deletions, published) + " %), more than"
                + " resilience.maxDeletionShare (" + maxSharePercent + " %) allows, so nothing was deleted: a"
                + " truncated or partial export looks like this. If the source really removed them, allow it once with"
                + " POST /api/connectors/" + connectorId + "/deletions/allow and run the connector again.");
        this.deletions = deletions;
        this.published = published;
    }

    /** The deletions the snapshot would have made. */
    public int deletions() {
        return deletions;
    }

    /** The connector's published entities when the deletions were decided. */
    public int published() {
        return published;
    }

    private static String percent(int part, int whole) {
        return String.valueOf(Math.round(100.0 * part / whole));
    }
}
