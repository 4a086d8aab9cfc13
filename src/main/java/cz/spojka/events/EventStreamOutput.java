package cz.spojka.events;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.EOFException;
import java.io.IOException;

/**
 * The response of one event stream. The client's thread writes to it, while the container may end the request at
 * any moment (it noticed that the client went away). Once it has, the container reuses the request and response
 * objects for other requests, so a late write or {@code complete()} would land in someone else's response. Every
 * write and the ending therefore hold one lock, and nothing touches the response after the request has ended.
 */
final class EventStreamOutput implements AsyncListener {

    private final AsyncContext async;
    private final Runnable onBroken;
    private boolean ended;

    /** @param onBroken called when the container finds the connection broken: the stream's writer should stop */
    EventStreamOutput(AsyncContext async, Runnable onBroken) {
        this.async = async;
        this.onBroken = onBroken;
        async.addListener(this);
    }

    synchronized void write(byte[] frame) throws IOException {
        if (ended) {
            throw new EOFException("the event stream has ended");
        }
        async.getResponse().getOutputStream().write(frame);
    }

    /** Sends what was written; the first call also sends the response head. */
    synchronized void flush() throws IOException {
        if (ended) {
            throw new EOFException("the event stream has ended");
        }
        async.getResponse().flushBuffer();
    }

    /** Ends the request, unless the container has ended it already. */
    synchronized void end() {
        if (!ended) {
            ended = true;
            async.complete();
        }
    }

    @Override
    public synchronized void onError(AsyncEvent event) {
        onBroken.run();
        end();
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public synchronized void onComplete(AsyncEvent event) {
        ended = true;
    }

    /** Not called: the request is put into async mode once, before this listener is added. */
    @Override
    public void onStartAsync(AsyncEvent event) {}
}
