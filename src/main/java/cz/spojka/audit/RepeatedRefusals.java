package cz.spojka.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collapses a flood of anonymous refusals (401, 403, 429 of a request without a credential, or a 429 of one whose
 * credential was not checked because its address was throttled) into one entry per client address, status and window: the
 * first refusal of a window is recorded in full, the others are only counted, and when the window ends one entry
 * {@code refusals.repeated} says how many more there were and when. Without it every refused request of a flood would
 * cost an entry forced to disk (the rate limit's 429s included), so anyone could make the hub fsync at the rate they
 * send and fill the audit folder. Refusals of a credential the hub checked are never collapsed, even of one that
 * names nobody (an unknown key): the auth-failure limit already bounds them.
 *
 * <p>At most {@code maxClients} windows are open at once; the oldest is closed early beyond that. A thread records
 * the windows that have ended every few seconds; {@link #close} records the open ones.
 */
final class RepeatedRefusals implements AutoCloseable {

    static final String ACTION = "refusals.repeated";
    private static final Logger logger = LoggerFactory.getLogger(RepeatedRefusals.class);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

    private record Key(String client, int status) {}

    private static final class Window {
        final Instant start;
        Instant last;
        long repeated;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final AuditLog log;
    private final Duration window;
    private final int maxClients;
    private final Clock clock;
    /** In the order the windows opened (a window opened again is put last), so the ended ones come first. */
    private final LinkedHashMap<Key, Window> windows = new LinkedHashMap<>();

    private final ScheduledExecutorService flusher;

    /** @param window 0 records every refusal in full */
    RepeatedRefusals(AuditLog log, Duration window, int maxClients, Clock clock) {
        this.log = log;
        this.window = window;
        this.maxClients = maxClients;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "spojka-audit-refusals");
            thread.setDaemon(true);
            return thread;
        });
        if (!window.isZero()) {
            flusher.scheduleWithFixedDelay(
                    this::recordEnded, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether this anonymous refusal is to be recorded in full; if not, it has been counted. */
    boolean recordInFull(String client, int status) {
        if (window.isZero()) {
            return true;
        }
        Instant now = clock.instant();
        Key key = new Key(client, status);
        List<Map.Entry<Key, Window>> closed = new ArrayList<>();
        synchronized (this) {
            Window open = windows.get(key);
            if (open != null && now.isBefore(open.start.plus(window))) {
                open.repeated++;
                open.last = now;
                return false;
            }
            if (open != null) {
                closed.add(Map.entry(key, windows.remove(key)));
            }
            windows.put(key, new Window(now));
            Iterator<Map.Entry<Key, Window>> oldest = windows.entrySet().iterator();
            while (windows.size() > maxClients) {
                closed.add(oldest.next());
                oldest.remove();
            }
        }
        record(closed);
        return true;
    }

    /** Records the windows that have ended. */
    void recordEnded() {
        record(take(clock.instant()));
    }

    private synchronized List<Map.Entry<Key, Window>> take(Instant until) {
        List<Map.Entry<Key, Window>> ended = new ArrayList<>();
        Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Window> next = it.next();
            if (until != null && until.isBefore(next.getValue().start.plus(window))) {
                break;
            }
            ended.add(next);
            it.remove();
        }
        return ended;
    }

    private void record(List<Map.Entry<Key, Window>> closed) {
        for (Map.Entry<Key, Window> entry : closed) {
            Window counted = entry.getValue();
            if (counted.repeated == 0) {
                continue;
            }
            try {
                log.record(new AuditEvent(
                        "anonymous",
                        null,
                        "public",
                        entry.getKey().client(),
                        null,
                        null,
                        ACTION,
                        null,
                        entry.getKey().status(),
                        AuditEvent.REFUSED,
                        null,
                        counted.repeated + (counted.repeated == 1 ? " more refusal" : " more refusals") + " (HTTP "
                                + entry.getKey().status()
                                + ") of this client after the one recorded at " + counted.start + ", the last at "
                                + counted.last + "; counted, not recorded one by one"));
            } catch (AuditUnavailable e) {
                // Nothing was served to these requests: a count the log cannot hold is not worth more than a warning.
                logger.warn(
                        "{} repeated refusals of {} were not recorded: {}",
                        counted.repeated,
                        entry.getKey().client(),
                        e.getMessage());
            }
        }
    }

    /** Records the windows still open, with what they have counted so far. */
    @Override
    public void close() {
        flusher.shutdownNow();
        record(take(null));
    }
}
