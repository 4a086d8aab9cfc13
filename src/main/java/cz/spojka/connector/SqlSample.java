package cz.spojka.connector;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ColumnMapRowMapper;

/**
 * A sample that is an agenda database rather than a response: {@code samples/*.sql} of a connector whose template
 * runs a query ({@code jdbc-poll}). The dry run loads the script into a fresh in-memory H2 database in PostgreSQL
 * mode — as the demo connectors' {@code jdbcUrl} does with {@code INIT=RUNSCRIPT} — and runs the connector's query
 * as the route's first run does: {@code :#watermark} bound to {@code initialWatermark}, at most {@code maxRows}
 * rows, each row read as {@link JdbcQuery} reads it and turned into the body by {@link JdbcRows}.
 */
final class SqlSample {

    /** H2 settings that make it accept and answer like PostgreSQL (lower-case column labels, NULLs last). */
    static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private SqlSample() {}

    static boolean isScript(Path file) {
        return file.getFileName().toString().endsWith(".sql");
    }

    /**
     * The body the connector's first run would hand to the mapping.
     *
     * @throws IllegalArgumentException when the connector has no query, or its query has parameters other than
     *     {@code :#watermark}
     * @throws SQLException when the script or the query fails
     */
    static byte[] body(Path script, Map<String, String> parameters) throws SQLException {
        String query = parameters.get("query");
        if (query == null) {
            throw new IllegalArgumentException("a .sql sample is an agenda database; it needs a connector whose"
                    + " template runs a query (jdbc-poll)");
        }
        WatermarkQuery watermarkQuery = WatermarkQuery.of(query);
        int maxRows = Integer.parseInt(parameters.get("maxRows"));
        String url = "jdbc:h2:mem:spojka-dry-run-" + UUID.randomUUID() + H2_POSTGRESQL_MODE;
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            try (PreparedStatement statement = connection.prepareStatement(watermarkQuery.sql())) {
                watermarkQuery.bind(statement, parameters.get("initialWatermark"));
                statement.setMaxRows(maxRows);
                List<Map<String, Object>> rows = new ArrayList<>();
                ColumnMapRowMapper mapper = new ColumnMapRowMapper();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(mapper.mapRow(result, rows.size()));
                    }
                }
                return JdbcRows.convert(rows, parameters.get("watermarkColumn"), maxRows)
                        .body();
            }
        }
    }
}
