package cz.spojka.sparql;

import cz.spojka.access.Role;
import cz.spojka.system.SpojkaProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.jena.fuseki.servlets.ActionErrorException;

/**
 * What each role may ask of the endpoint ({@code spojka.limits.<role>.*}): how many of its queries run at once, how
 * long one may run and how many rows it may return. A query over its role's concurrency is refused at once rather
 * than queued: a queue would hold the client's connection and a server thread while the ones ahead run, up to their
 * timeout.
 */
final class QueryBudgets {

    static final int SC_TOO_MANY_REQUESTS = 429;

    /** Queries are short (the public timeout is 30 s); the client tries again soon. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final Map<Role, Budget> budgets = new EnumMap<>(Role.class);

    QueryBudgets(SpojkaProperties.Limits limits) {
        for (Role role : Role.values()) {
            budgets.put(role, new Budget(role, limits.of(role)));
        }
    }

    Budget of(Role role) {
        return budgets.get(role);
    }

    /** A query's hold on its role's concurrency, given back when it is closed. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    static final class Budget {

        private final SpojkaProperties.QueryBudget limits;
        private final Semaphore running;
        private final String busy;
        private final String timedOut;
        private final String graphTooLarge;

        private Budget(Role role, SpojkaProperties.QueryBudget limits) {
            this.limits = limits;
            this.running = new Semaphore(limits.concurrentQueries());
            String name = role.name().toLowerCase(Locale.ROOT);
            this.busy = "Too many queries at once: the endpoint runs at most " + limits.concurrentQueries()
                    + " queries of the role " + name + " at a time (spojka.limits." + name
                    + ".concurrent-queries), and that many are running. Try again in a moment.";
            this.timedOut = "Query timed out: this endpoint cancels a query after "
                    + limits.timeout().toSeconds()
                    + " s, or sooner when the request asks for it with timeout=<seconds>. Narrow the query or page"
                    + " through its results with LIMIT and OFFSET.";
            this.graphTooLarge = "The graph has more than %,d %s, the most this endpoint returns to the role " + name
                    + " at once (spojka.limits." + name + ".result-rows). Query it with SPARQL instead and page through"
                    + " it with ORDER BY, LIMIT and OFFSET.";
        }

        /** A permit to run one query; without one left the request is refused with 429 and {@code Retry-After}. */
        Permit admit(HttpServletResponse response) {
            if (!running.tryAcquire()) {
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                throw new ActionErrorException(SC_TOO_MANY_REQUESTS, busy, null);
            }
            return running::release;
        }

        Duration timeout() {
            return limits.timeout();
        }

        int resultRows() {
            return limits.resultRows();
        }

        String timedOut() {
            return timedOut;
        }

        /** Why a Graph Store read of more than the result rows' {@code items} (triples, quads) is refused. */
        String graphTooLarge(String items) {
            return String.format(graphTooLarge, limits.resultRows(), items);
        }
    }
}
