package cz.spojka.connector;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs the polling connectors: once at start-up, then on their {@link Schedule}. A poll sends an exchange to the
 * connector's route ({@code direct:spojka-poll-<id>}, the entry of every polling template) and waits for its run
 * report; a route that fails (the source answered an error, timed out, sent garbage) is a failed run, logged with its
 * reason, and a poll that the source's open circuit breaker ({@link SourceBreakers}) refuses is a skipped run.
 */
public class ConnectorScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConnectorScheduler.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final TaskScheduler scheduler;
    private final Connectors connectors;
    private final SourceBreakers breakers;
    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    public ConnectorScheduler(
            CamelContext camel, TaskScheduler scheduler, Connectors connectors, SourceBreakers breakers) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.scheduler = scheduler;
        this.connectors = connectors;
        this.breakers = breakers;
    }

    public static String pollEndpoint(String connectorId) {
        return "direct:spojka-poll-" + connectorId;
    }

    public boolean isPolled(String connectorId) {
        return camel.hasEndpoint(pollEndpoint(connectorId)) != null;
    }

    /** Polls the connector after {@code firstPollDelay}, then on its schedule. */
    void schedule(ConnectorDefinition connector, Duration firstPollDelay) {
        if (connector.schedule() != null && isPolled(connector.id())) {
            scheduled.add(scheduler.schedule(
                    () -> pollOnSchedule(connector.id()), Instant.now().plus(firstPollDelay)));
            scheduled.add(scheduler.schedule(
                    () -> pollOnSchedule(connector.id()), connector.schedule().trigger(firstPollDelay)));
        }
    }

    /** A poll that comes due while the hub shuts down is not run: its route may already be gone. */
    private void pollOnSchedule(String connectorId) {
        if (!stopped) {
            poll(connectorId);
        }
    }

    /** Polls a connector now and returns the report of the run. */
    public RunReport poll(String connectorId) {
        Instant started = Instant.now();
        try {
            return producer.requestBody(pollEndpoint(connectorId), null, RunReport.class);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CallNotPermittedException) {
                RunReport skipped = RunReport.skipped(connectorId, started, whyOpen(connectorId));
                connectors.recordRun(skipped);
                log.warn("{}", skipped);
                return skipped;
            }
            RunReport failed = RunReport.failed(
                    connectorId,
                    RunReport.newRunId(),
                    started,
                    Duration.between(started, Instant.now()).toMillis(),
                    describe(cause));
            connectors.recordRun(failed);
            log.warn("{}", failed);
            return failed;
        }
    }

    /** Why the breaker refused the poll, with the last failure and when the source is tried again. */
    private String whyOpen(String connectorId) {
        SourceBreakers.Status status = breakers.status(connectorId);
        RunReport lastFailure = connectors.runs(connectorId).stream()
                .filter(run -> run.error() != null)
                .findFirst()
                .orElse(null);
        StringBuilder reason = new StringBuilder("the source's circuit breaker is open");
        if (status != null) {
            reason.append(" after ").append(status.opensAfter()).append(" failed runs in a row");
        }
        if (lastFailure != null) {
            reason.append(" (the last: ").append(lastFailure.error()).append(')');
        }
        if (status != null && status.retryAt() != null) {
            reason.append("; the first poll after ").append(status.retryAt()).append(" tries the source again");
        }
        return reason.toString();
    }

    /**
     * The failure and, when it wraps others, the innermost one: a wrapper's message may not say why (Spring's "bad
     * SQL grammar []"), the database driver's or the socket's does.
     */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? name(cause) : name(cause) + " (caused by " + name(root) + ")";
    }

    private static String name(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Stops polling, before Camel stops the routes (see ConnectorConfiguration): a poll fired after that waited 30 s
     * for its route and was recorded as a failed run. Polls already running finish.
     */
    void stop() {
        stopped = true;
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
    }
}
