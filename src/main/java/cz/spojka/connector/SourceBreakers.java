package cz.spojka.connector;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;

/**
 * One resilience4j circuit breaker per source, that is per connector and municipality, bound in Camel's registry as
 * {@code spojkaBreaker-<connector id>} for the {@code circuitBreaker} step of the polled route templates. A run
 * counts as failed when its route throws (the fetch failed after its retries) or when it reports a failure (a body
 * that cannot be read); after {@link Resilience#breakerFailures()} failed runs in a row the breaker opens and the
 * polls are skipped for {@link Resilience#breakerWait()}, after which one poll (half-open) tries the source again:
 * its success closes the breaker, its failure opens it for another wait.
 */
public final class SourceBreakers {

    /** The state of one source's breaker, for the API and the metrics. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN;

        /** As the API writes it: {@code closed}, {@code open}, {@code half-open}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param state closed (polls run), open (polls are skipped) or half-open (the next poll is a trial)
     * @param failedRuns failed runs among the last {@code opensAfter} runs the breaker saw
     * @param opensAfter failed runs in a row that open it
     * @param openedAt when it last opened, or {@code null} while it is closed
     * @param retryAt when an open breaker lets one poll try the source again, or {@code null}
     */
    public record Status(State state, int failedRuns, int opensAfter, Instant openedAt, Instant retryAt) {}

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final Map<String, Resilience> settings = new ConcurrentHashMap<>();

    /** The name of the connector's breaker in Camel's registry, as the route templates refer to it. */
    public static String beanName(String connectorId) {
        return "spojkaBreaker-" + connectorId;
    }

    /** Creates the breaker of one connector instance and binds it for its route. */
    void bind(ConnectorDefinition connector, Registry camelRegistry) {
        Resilience resilience = connector.resilience();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.breakerFailures())
                .minimumNumberOfCalls(resilience.breakerFailures())
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(resilience.breakerWait())
                .recordResult(SourceBreakers::failedRun)
                .writableStackTraceEnabled(false)
                .build();
        registry.remove(connector.id());
        CircuitBreaker breaker = registry.circuitBreaker(connector.id(), config);
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(connector.id(), event.getCreationTime().toInstant());
            } else if (event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
                openedAt.remove(connector.id());
            }
        });
        settings.put(connector.id(), resilience);
        camelRegistry.bind(beanName(connector.id()), CircuitBreaker.class, breaker);
    }

    /** A run that went through the route but reports a failure (its body could not be read) counts as failed. */
    private static boolean failedRun(Object result) {
        return result instanceof Exchange exchange
                && exchange.getMessage().getBody() instanceof RunReport report
                && !report.succeeded();
    }

    /** The breaker's state, or {@code null} for a connector without one (a source that pushes). */
    public Status status(String connectorId) {
        Resilience resilience = settings.get(connectorId);
        CircuitBreaker breaker =
                resilience == null ? null : registry.find(connectorId).orElse(null);
        if (breaker == null) {
            return null;
        }
        State state = switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
        Instant opened = state == State.CLOSED ? null : openedAt.get(connectorId);
        Instant retryAt = state == State.OPEN && opened != null ? opened.plus(resilience.breakerWait()) : null;
        return new Status(
                state, breaker.getMetrics().getNumberOfFailedCalls(), resilience.breakerFailures(), opened, retryAt);
    }
}
