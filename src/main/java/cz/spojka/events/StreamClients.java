package cz.spojka.events;

import cz.spojka.system.SpojkaProperties;
import jakarta.servlet.AsyncContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients connected to {@code /events}: at most {@code spojka.events.max-clients} at once, each served by a
 * thread of its own, so a client whose connection blocks holds up nobody else. Their number is the gauge
 * {@code spojka.events.clients}; the clients let go for reading too slowly are counted in
 * {@code spojka.events.slow.disconnects}.
 */
final class StreamClients implements AutoCloseable {

    private final SpojkaProperties.Events settings;
    private final Set<EventStreamClient> connected = ConcurrentHashMap.newKeySet();
    private final AtomicLong slowDisconnects = new AtomicLong();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "spojka-events-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    StreamClients(SpojkaProperties.Events settings) {
        this.settings = settings;
    }

    SpojkaProperties.Events settings() {
        return settings;
    }

    /** A client for the request, unless {@code spojka.events.max-clients} are connected already. */
    synchronized Optional<EventStreamClient> admit(
            StreamRequest request, StreamAccess access, String address, LiveChangeStream live) {
        if (connected.size() >= settings.maxClients()) {
            return Optional.empty();
        }
        EventStreamClient client = new EventStreamClient(request, access, address, live, this);
        connected.add(client);
        return Optional.of(client);
    }

    /** Starts writing to an admitted client on a thread of its own; the client calls {@link #release} at the end. */
    void serve(EventStreamClient client, AsyncContext async) {
        EventStreamOutput output =
                new EventStreamOutput(async, () -> client.disconnect("error", "the connection failed"));
        writers.execute(() -> client.serve(output));
    }

    void release(EventStreamClient client) {
        connected.remove(client);
    }

    void countSlowDisconnect() {
        slowDisconnects.incrementAndGet();
    }

    /** Ends every stream with a final {@code disconnect} event that gives the reason. */
    void disconnectAll(String reason, String message) {
        connected.forEach(client -> client.disconnect(reason, message));
    }

    int count() {
        return connected.size();
    }

    long slowDisconnects() {
        return slowDisconnects.get();
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
