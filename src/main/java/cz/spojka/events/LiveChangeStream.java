package cz.spojka.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * One consumer of the change log for all clients: it reads from the end of the log as it stood at start-up and
 * hands every event to each subscribed client's bounded queue, which never blocks. A client that replays first
 * reads the older part with a short-lived cursor of its own and subscribes when it has caught up
 * ({@link #subscribe} tells it exactly where the live stream stands).
 *
 * <p>It stops before the web server's graceful shutdown, ending every stream with a {@code disconnect} event: an
 * open stream would otherwise hold the shutdown for its whole timeout.
 */
public class LiveChangeStream implements SmartLifecycle {

    public static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    private static final Logger log = LoggerFactory.getLogger(LiveChangeStream.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Function<String, ChangeLogCursor> cursors;
    private final StreamClients clients;
    private final Set<EventStreamClient> subscribers = new CopyOnWriteArraySet<>();
    private final AtomicLong replays = new AtomicLong();
    private StreamPosition position;
    private ChangeLogCursor cursor;
    private Thread consumer;

    /** @param cursors opens a cursor on the change log for a Kafka client id */
    LiveChangeStream(Function<String, ChangeLogCursor> cursors, StreamClients clients) {
        this.cursors = cursors;
        this.clients = clients;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void start() {
        cursor = cursors.apply("spojka-events-live");
        synchronized (this) {
            position = cursor.end();
        }
        cursor.seek(position);
        consumer = new Thread(this::run, "spojka-events-live");
        consumer.setDaemon(true);
        consumer.start();
    }

    /** Runs until {@link #stop} wakes the cursor up. */
    private void run() {
        try {
            while (true) {
                dispatch(cursor.pollRecords(POLL));
            }
        } catch (WakeupException e) {
            log.debug("The live change stream stopped");
        } catch (RuntimeException e) {
            log.error("The live change stream stopped: {}", e.toString(), e);
            clients.disconnectAll("error", "the hub's change stream failed: " + e.getMessage());
        } finally {
            cursor.close();
        }
    }

    /**
     * Hands the records to the subscribers, read as events only when there is one: a client that subscribes later
     * starts after them (under the same lock) and replays them with its own cursor.
     */
    private synchronized void dispatch(List<ChangeLogCursor.Polled> records) {
        if (!subscribers.isEmpty()) {
            for (ChangeLogCursor.Polled record : records) {
                record.decode().ifPresent(event -> {
                    position = event.position();
                    subscribers.forEach(client -> client.offer(event));
                });
            }
        }
        position = cursor.position();
    }

    /** Adds the client to the live stream; it gets every event after the returned position, and no earlier one. */
    synchronized StreamPosition subscribe(EventStreamClient client) {
        subscribers.add(client);
        return position;
    }

    void unsubscribe(EventStreamClient client) {
        subscribers.remove(client);
    }

    /** The position after the last event handed to the subscribers. */
    synchronized StreamPosition position() {
        return position;
    }

    /** A cursor of its own for a client that replays; the client closes it when it has caught up. */
    ChangeLogCursor replayCursor() {
        return cursors.apply("spojka-events-replay-" + replays.incrementAndGet());
    }

    /** Whether the live consumer runs: it stops only with the hub, or on a failure the log names. */
    @Override
    public boolean isRunning() {
        return consumer != null && consumer.isAlive();
    }

    @Override
    public void stop() {
        clients.disconnectAll("shutdown", "the hub is shutting down; reconnect with Last-Event-ID to resume");
        cursor.wakeup();
        try {
            consumer.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
