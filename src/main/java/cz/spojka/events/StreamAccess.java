package cz.spojka.events;

import cz.spojka.access.Caller;
import cz.spojka.access.CallerDirectory;
import cz.spojka.access.GraphAccess;
import java.time.Duration;
import java.time.Instant;

/**
 * Which events one client of {@code /events} may receive: those of the graphs its caller may read at the moment of
 * delivery ({@link GraphAccess#visible}), replayed and live alike. The anonymous public sees the public datasets; an
 * agency sees them and the datasets it is granted; operators see all. An agency's caller (its role and grants, and
 * whether its credential still holds) is looked up again in the {@link CallerDirectory} when asked after
 * {@code spojka.events.caller-refresh}: a grant that expired or was revoked stops the dataset's events from then on,
 * and a key revoked or expired since, a token expired or an agency disabled ends the stream ({@link #revoked}).
 */
final class StreamAccess {

    private final GraphAccess access;
    private final CallerDirectory directory;
    private final Duration refresh;
    private Caller caller;
    private long resolvedAt = System.nanoTime();

    StreamAccess(Caller caller, GraphAccess access, CallerDirectory directory, Duration refresh) {
        this.caller = caller;
        this.access = access;
        this.directory = directory;
        this.refresh = refresh;
    }

    /** Whether the client may receive the event now; never once {@link #revoked}. */
    synchronized boolean mayRead(StreamedEvent event) {
        Caller current = current();
        return current != null && event.graph() != null && access.visible(current, event.graph(), Instant.now());
    }

    /**
     * Whether the stream's credential no longer authenticates its caller, or its agency has been disabled or removed:
     * the stream must end. Asked at every event and heartbeat.
     */
    synchronized boolean revoked() {
        return current() == null;
    }

    private Caller current() {
        if (caller != null && caller.credentialExpired(Instant.now())) {
            caller = null;
        }
        if (caller != null && !caller.anonymous() && System.nanoTime() - resolvedAt >= refresh.toNanos()) {
            caller = directory.current(caller).orElse(null);
            resolvedAt = System.nanoTime();
        }
        return caller;
    }
}
