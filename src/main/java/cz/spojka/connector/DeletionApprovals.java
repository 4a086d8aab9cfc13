package cz.spojka.connector;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's override of the deletion guard ({@code resilience.maxDeletionShare}): a connector allowed here may
 * delete any share of its entities in its next complete snapshot that succeeds; the permission is used up by that run.
 * Kept in memory only: after a restart the operator allows again, which is the safe side.
 */
public final class DeletionApprovals {

    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    /** Lets the connector's next successful complete snapshot delete what it would. */
    void allowOnce(String connectorId) {
        allowed.add(connectorId);
    }

    /** Whether the operator has allowed the connector's next complete snapshot to delete beyond the guard. */
    boolean allowed(String connectorId) {
        return allowed.contains(connectorId);
    }

    /** The permission was used by a successful complete snapshot. */
    void used(String connectorId) {
        allowed.remove(connectorId);
    }
}
