package cz.spojka.events;

import jakarta.servlet.AsyncContext;
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

    private final int max;
    private final Set<EventStreamClient> connected = ConcurrentHashMap.newKeySet();
    private final AtomicLong slowDisconnects = new AtomicLong();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "spojka-events-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    StreamClients(int max) {
        this.max = max;
    }

    int max() {
        return max;
    }

    /** Takes the client in, unless {@code max} clients are connected already. */
    synchronized boolean admit(EventStreamClient client) {
        if (connected.size() >= max) {
            return false;
        }
        connected.add(client);
        return true;
    }

    /** Starts writing to an admitted client on a thread of its own; the client calls {@link #release} at the end. */
    void serve(EventStreamClient client, AsyncContext async) {
        writers.execute(() -> client.serve(async));
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
