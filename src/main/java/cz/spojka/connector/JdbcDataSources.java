package cz.spojka.connector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/**
 * One small HikariCP pool per connector whose template declares a {@value #URL} parameter (e.g. {@code jdbc-poll}),
 * created from the connector's parameters ({@value #URL}, {@value #USERNAME}, {@value #PASSWORD},
 * {@value #TIMEOUT}) and bound in Camel's registry as {@code spojkaJdbc-<connector id>} before the connector's route
 * is created, so the template names it as {@code dataSource: "#spojkaJdbc-{{connectorId}}"}. The pools are closed
 * when the hub stops.
 *
 * <p>A pool opens no connection until the first run needs one: an agenda database that is down at start-up makes
 * runs fail (and retried on the schedule), not the connector skipped. Connections are read-only: a connector only
 * reads its source.
 */
public final class JdbcDataSources implements AutoCloseable {

    static final String URL = "jdbcUrl";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TIMEOUT = "timeoutSeconds";

    /** A run needs one connection; the second serves a manual poll while a scheduled one runs. */
    private static final int POOL_SIZE = 2;

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    /** The registry name of a connector's pool. */
    public static String beanName(String connectorId) {
        return "spojkaJdbc-" + connectorId;
    }

    /** Creates and binds the connector's pool, if its template takes a JDBC URL; otherwise does nothing. */
    void bind(ConnectorDefinition connector, Registry registry) {
        Map<String, String> parameters = connector.parameters();
        String url = parameters.get(URL);
        if (url == null) {
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(beanName(connector.id()));
        config.setJdbcUrl(url);
        setIfGiven(parameters.get(USERNAME), config::setUsername);
        setIfGiven(parameters.get(PASSWORD), config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        if (parameters.get(TIMEOUT) != null) {
            config.setConnectionTimeout(Long.parseLong(parameters.get(TIMEOUT)) * 1000);
        }
        HikariDataSource pool = new HikariDataSource(config);
        HikariDataSource previous = pools.put(connector.id(), pool);
        if (previous != null) {
            previous.close();
        }
        registry.bind(beanName(connector.id()), DataSource.class, pool);
    }

    private static void setIfGiven(String value, Consumer<String> setter) {
        if (value != null && !value.isEmpty()) {
            setter.accept(value);
        }
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
