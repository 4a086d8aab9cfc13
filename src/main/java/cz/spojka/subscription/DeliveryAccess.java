package cz.spojka.subscription;

import cz.spojka.access.Caller;
import cz.spojka.access.CallerDirectory;
import cz.spojka.access.GraphAccess;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.connector.Connectors;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Which events a subscription may be delivered, decided at the time of each delivery: those of the graphs its owner
 * may read then ({@link GraphAccess#visible}), with the owner's current role and grants from the
 * {@link CallerDirectory}; a subscription without an owner gets what the anonymous public may read.
 */
final class DeliveryAccess {

    private final GraphAccess access;
    private final CallerDirectory directory;
    private final Connectors connectors;

    DeliveryAccess(GraphAccess access, CallerDirectory directory, Connectors connectors) {
        this.access = access;
        this.directory = directory;
        this.connectors = connectors;
    }

    /** Whether {@code agency} is an agency that exists and is enabled. */
    boolean agencyExists(String agency) {
        return directory.caller(agency).isPresent();
    }

    /**
     * Who the subscription's deliveries are made for now: its owner's current caller, the anonymous public for a
     * subscription without an owner; empty when the owner is disabled or no longer exists.
     */
    Optional<Caller> callerOf(Subscription subscription) {
        return subscription.owner() == null ? Optional.of(Caller.ANONYMOUS) : directory.caller(subscription.owner());
    }

    /** Whether {@code caller} may receive the event now; an event without a graph goes to nobody. */
    boolean mayReceive(Caller caller, CloudEvent event) {
        Object graph = event.getExtension(ChangeEvents.EXT_GRAPH);
        return graph != null && access.visible(caller, graph.toString(), Instant.now());
    }

    /**
     * Waits until the connectors, which classify the datasets, are loaded: before that every dataset counts as
     * internal, and a worker would pass over public events for good. False when {@code stopping} came first.
     */
    boolean awaitClassified(CountDownLatch stopping) throws InterruptedException {
        while (!connectors.awaitLoaded(Duration.ofSeconds(1))) {
            if (stopping.getCount() == 0) {
                return false;
            }
        }
        return true;
    }
}
