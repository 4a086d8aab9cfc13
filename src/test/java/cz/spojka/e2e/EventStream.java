package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of the hub's {@code /events}, reading on a thread of its own into an unbounded queue, so that it never
 * falls behind. Closing it closes the connection.
 */
final class EventStream implements AutoCloseable {

    static final String FROM_THE_BEGINNING = "since=1970-01-01T00:00:00Z";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseFrame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(int port, String query) {
        return open(port, query, null);
    }

    static EventStream open(int port, String query, String lastEventId) {
        return open(port, query, lastEventId, null);
    }

    /** A stream of the caller whose API key is {@code apiKey}, or of the anonymous public when it is null. */
    static EventStream open(int port, String query, String lastEventId, String apiKey) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events?" + query));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The change events the stream sends until the comment {@code live}: the replay, or none for a live stream. */
    List<SseFrame> untilLive() {
        assertThat(response.statusCode()).as("status of /events").isEqualTo(200);
        List<SseFrame> events = new ArrayList<>();
        for (SseFrame frame = next(Duration.ofSeconds(30));
                !frame.isComment("live");
                frame = next(Duration.ofSeconds(30))) {
            assertThat(frame.isChange())
                    .as("a change event before the stream is live: " + frame)
                    .isTrue();
            events.add(frame);
        }
        return events;
    }

    /** The next {@code count} change events, skipping heartbeats. */
    List<SseFrame> changes(int count, Duration timeout) {
        List<SseFrame> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            SseFrame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!frame.isComment("heartbeat")) {
                assertThat(frame.isChange()).as("a change event: " + frame).isTrue();
                events.add(frame);
            }
        }
        return events;
    }

    /** The next frame other than a heartbeat; fails the test if none comes in time. */
    SseFrame nextSkippingHeartbeats(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SseFrame frame;
        do {
            frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } while (frame.isComment("heartbeat"));
        return frame;
    }

    /** The next frame; fails the test if none comes in time. */
    SseFrame next(Duration timeout) {
        try {
            SseFrame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame of /events within " + timeout).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (InputStream body = response.body()) {
            SseReader.read(body, frames::add);
        } catch (IOException e) {
            // closed by close(), or by the hub
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
