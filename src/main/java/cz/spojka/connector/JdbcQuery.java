package cz.spojka.connector;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query step of the {@code jdbc-poll} route template: one instance per connector, a template bean whose
 * properties are the template's parameters. {@link #check()} runs when the route is created; {@link #fetch(Exchange)}
 * runs the query of each poll against the connector's pool ({@link JdbcDataSources}) with {@code :#watermark} bound
 * to the {@code watermark} header, and leaves the rows as the body, as camel-sql's {@code SelectList} would (a list of
 * column-label maps).
 *
 * <p>A query that fails transiently — no connection within the timeout, a connection lost or terminated during the
 * query, the query timed out, a deadlock or serialisation failure — is run again after a wait, up to
 * {@code resilience.retries} times with the same exponential backoff as an {@code http-poll} request
 * ({@link Resilience#backoff}); the pool replaces a broken connection by itself. A query the database refuses (bad
 * SQL, missing rights) fails at once: running it again would fail the same way.
 */
public class JdbcQuery {

    /**
     * SQLSTATE classes of failures that may pass: 08 connection exception, 40 transaction rollback (serialisation
     * failure, deadlock), 53 insufficient resources, 57 operator intervention (a terminated session, a cancelled
     * query, a database shutting down).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08", "40", "53", "57");

    private static final Logger log = LoggerFactory.getLogger(JdbcQuery.class);

    private String connectorId;
    private Connectors connectors;
    private DataSource dataSource;
    private String query;
    private int maxRows;
    private int timeoutSeconds;

    private WatermarkQuery watermarkQuery;
    private JdbcTemplate jdbc;

    /** Prepares the query; called by Camel when the route is created. */
    public void check() {
        try {
            watermarkQuery = WatermarkQuery.of(query);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connector '" + connectorId + "', parameter 'query': " + e.getMessage());
        }
        jdbc = new JdbcTemplate(dataSource);
        jdbc.setMaxRows(maxRows);
        jdbc.setQueryTimeout(timeoutSeconds);
    }

    /** Runs the query of one poll, with retries; the rows become the body. */
    public void fetch(Exchange exchange) {
        String watermark = exchange.getMessage().getHeader("watermark", String.class);
        Resilience resilience = connectors.active(connectorId).definition().resilience();
        for (int attempt = 1; ; attempt++) {
            try {
                exchange.getMessage().setBody(rows(watermark));
                return;
            } catch (DataAccessException e) {
                boolean last = attempt > resilience.retries();
                if (!isTransient(e) || last) {
                    throw attempt == 1 ? e : new JdbcPollException(e.getMessage() + Resilience.gaveUpAfter(attempt), e);
                }
                log.warn(
                        "Connector {}: attempt {} of the query failed, retrying in {} ms: {}",
                        connectorId,
                        attempt,
                        resilience.backoff(attempt).toMillis(),
                        e.getMessage());
                resilience.pauseBefore(
                        attempt,
                        interrupted -> new JdbcPollException(
                                "The poll was interrupted while it waited to retry the query", interrupted));
            }
        }
    }

    private List<Map<String, Object>> rows(String watermark) {
        return jdbc.query(
                watermarkQuery.sql(), statement -> watermarkQuery.bind(statement, watermark), new ColumnMapRowMapper());
    }

    /** Whether running the query again may succeed: by Spring's classification, or by the SQLSTATE of any cause. */
    static boolean isTransient(DataAccessException failure) {
        if (failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof DataAccessResourceFailureException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** A query that failed after its retries, or a poll interrupted between them. */
    static final class JdbcPollException extends RuntimeException {
        JdbcPollException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public void setConnectorId(String connectorId) {
        this.connectorId = connectorId;
    }

    public void setConnectors(Connectors connectors) {
        this.connectors = connectors;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public void setMaxRows(int maxRows) {
        this.maxRows = maxRows;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }
}
