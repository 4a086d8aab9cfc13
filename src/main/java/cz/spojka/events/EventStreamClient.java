package cz.spojka.events;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client of {@code /events}, written to by a thread of its own. A client that asked to start earlier
 * first replays the change log with a cursor of its own, at its own pace, and then joins the live stream; a client
 * that did not joins at once. A comment {@code : live} marks the moment it has caught up. From then on it writes
 * what the live stream queued for it, and a heartbeat comment whenever nothing came for the heartbeat interval.
 *
 * <p>The queue is bounded. A client that falls so far behind that it fills up is sent a final {@code disconnect}
 * event with the reason, and the stream ends: the live stream never waits for anyone.
 */
final class EventStreamClient {

    private static final Logger log = LoggerFactory.getLogger(EventStreamClient.class);

    private final StreamRequest request;
    private final StreamAccess access;
    private final String address;
    private final LiveChangeStream live;
    private final StreamClients clients;
    private final BlockingQueue<byte[]> queue;
    private byte[] farewell;

    EventStreamClient(
            StreamRequest request, StreamAccess access, String address, LiveChangeStream live, StreamClients clients) {
        this.request = request;
        this.access = access;
        this.address = address;
        this.live = live;
        this.clients = clients;
        this.queue = new ArrayBlockingQueue<>(clients.settings().clientQueue());
    }

    /** Queues an event the client asked for and may read; called by the live stream, and never blocks. */
    synchronized void offer(StreamedEvent event) {
        if (farewell != null || !wanted(event)) {
            return;
        }
        if (!queue.offer(event.frame())) {
            clients.countSlowDisconnect();
            log.info("Event stream client {} read too slowly and is disconnected", address);
            disconnect(
                    "slow",
                    "the client read too slowly: " + queue.size() + " events were waiting for it;"
                            + " reconnect with Last-Event-ID to resume after the last event received");
        }
    }

    /**
     * Whether the client asked for the event and its caller may read it now. When the caller's credential turns out
     * to be revoked, the stream ends with the reason.
     */
    private synchronized boolean wanted(StreamedEvent event) {
        if (!request.filter().matches(event)) {
            return false;
        }
        if (access.mayRead(event)) {
            return true;
        }
        endIfRevoked();
        return false;
    }

    /** Ends the stream when its credential no longer holds or its agency is disabled; whether it did. */
    private synchronized boolean endIfRevoked() {
        if (!access.revoked()) {
            return false;
        }
        disconnect(
                "revoked",
                "the credential of this stream has been revoked or has expired, or its agency has been disabled;"
                        + " the stream ends");
        return true;
    }

    /** Ends the stream: what is still queued is dropped, and the last frame says why. */
    synchronized void disconnect(String reason, String message) {
        if (farewell != null) {
            return;
        }
        farewell = SseFrames.disconnect(reason, message);
        queue.clear();
        queue.add(farewell);
    }

    private synchronized boolean ending() {
        return farewell != null;
    }

    private synchronized boolean isFarewell(byte[] frame) {
        return frame == farewell;
    }

    /** Writes the stream until the client goes away or the stream is ended; releases the client's place then. */
    void serve(EventStreamOutput out) {
        try {
            out.flush();
            if (request.replays()) {
                replay(out);
            } else {
                live.subscribe(this);
            }
            if (!ending()) {
                write(out, SseFrames.LIVE);
            }
            writeQueued(out);
        } catch (IOException | UncheckedIOException e) {
            log.debug("Event stream client {} went away: {}", address, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The event stream of client {} failed: {}", address, e.toString(), e);
        } finally {
            live.unsubscribe(this);
            clients.release(this);
            out.end();
        }
    }

    /**
     * Replays up to where the live stream stands, then subscribes and replays what was published in the meantime:
     * the events published from then on wait in the queue, so none is missed and none comes twice.
     */
    private void replay(EventStreamOutput out) {
        try (ChangeLogCursor cursor = live.replayCursor()) {
            StreamPosition now = live.position();
            StreamPosition start =
                    request.resumeAfter() != null ? request.resumeAfter() : cursor.firstAt(request.since());
            cursor.seek(start.notPast(now));
            replayUntil(cursor, now, out);
            replayUntil(cursor, live.subscribe(this), out);
        }
    }

    private void replayUntil(ChangeLogCursor cursor, StreamPosition target, EventStreamOutput out) {
        cursor.readUntil(
                target,
                event -> {
                    if (wanted(event)) {
                        write(out, event.frame());
                    }
                },
                this::ending);
    }

    private void writeQueued(EventStreamOutput out) throws InterruptedException, IOException {
        while (true) {
            byte[] frame = queue.poll(clients.settings().heartbeat().toMillis(), MILLISECONDS);
            if (frame == null) {
                // A quiet stream learns of a revoked credential at its heartbeat, not only at the next event.
                frame = endIfRevoked() ? queue.poll() : SseFrames.HEARTBEAT;
            }
            for (; frame != null; frame = queue.poll()) {
                out.write(frame);
                if (isFarewell(frame)) {
                    out.flush();
                    return;
                }
            }
            out.flush();
        }
    }

    private static void write(EventStreamOutput out, byte[] frame) {
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
