package cz.spojka.connector;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ColumnMapRowMapper;

/**
 * The rows of a query as the mapping reads them, and the watermark a run proposes. The rows come from an in-memory H2
 * database in PostgreSQL mode, read with the row mapper camel-sql uses.
 */
class JdbcRowsTest {

    private Connection db;

    @BeforeEach
    void createTable() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:jdbc-rows-test" + SqlSample.H2_POSTGRESQL_MODE);
        execute("CREATE TABLE votes (id VARCHAR(10) PRIMARY KEY, held DATE, yes_count INTEGER, share NUMERIC(5, 2),"
                + " seats NUMERIC(5, 0), secret BOOLEAN, note VARCHAR(100), changed_at TIMESTAMP NOT NULL)");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("DROP ALL OBJECTS");
        db.close();
    }

    @Test
    void turnsEveryRowIntoAJsonObjectAndProposesTheLargestWatermark() throws SQLException {
        execute("INSERT INTO votes VALUES ('1-13-1', DATE '2018-10-30', 153, 92.17, 15, FALSE, 'první',"
                + " TIMESTAMP '2018-10-30 20:00:00'), ('1-14-1', NULL, NULL, NULL, NULL, NULL, NULL,"
                + " TIMESTAMP '2018-10-31 08:30:00.123456')");

        JdbcRows.Result result = JdbcRows.convert(rows(), "changed_at", 10);

        assertThat(new String(result.body(), UTF_8))
                .isEqualTo("[{\"id\":\"1-13-1\",\"held\":\"2018-10-30\",\"yes_count\":153,\"share\":\"92.17\","
                        + "\"seats\":15,\"secret\":false,\"note\":\"první\",\"changed_at\":\"2018-10-30T20:00:00\"},"
                        + "{\"id\":\"1-14-1\",\"changed_at\":\"2018-10-31T08:30:00.123456\"}]");
        assertThat(result.watermark()).isEqualTo("2018-10-31T08:30:00.123456");
    }

    @Test
    void noRowsKeepTheWatermark() throws SQLException {
        JdbcRows.Result result = JdbcRows.convert(rows(), "changed_at", 10);

        assertThat(new String(result.body(), UTF_8)).isEqualTo("[]");
        assertThat(result.watermark()).isNull();
    }

    /** Rows that share the last value may have been cut off by maxRows: the next run fetches that value again. */
    @Test
    void aFullPageProposesTheValueBelowItsLast() throws SQLException {
        execute("INSERT INTO votes (id, changed_at) VALUES ('a', TIMESTAMP '2018-10-30 20:00:00'),"
                + " ('b', TIMESTAMP '2018-10-31 20:00:00'), ('c', TIMESTAMP '2018-10-31 20:00:00')");

        assertThat(JdbcRows.convert(rows(), "changed_at", 3).watermark()).isEqualTo("2018-10-30T20:00:00");
        assertThat(JdbcRows.convert(rows(), "changed_at", 4).watermark()).isEqualTo("2018-10-31T20:00:00");
        assertThat(JdbcRows.convert(rows(), "changed_at", 0).watermark()).isEqualTo("2018-10-31T20:00:00");
    }

    @Test
    void aFullPageOfOneWatermarkValueFailsTheRun() throws SQLException {
        execute("INSERT INTO votes (id, changed_at) VALUES ('a', TIMESTAMP '2018-10-31 20:00:00'),"
                + " ('b', TIMESTAMP '2018-10-31 20:00:00')");

        assertThatThrownBy(() -> JdbcRows.convert(rows(), "changed_at", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("all 2 rows (maxRows) have the same changed_at 2018-10-31T20:00:00, so the next run could"
                        + " not continue after them; raise maxRows above the number of rows that share one"
                        + " changed_at");
    }

    @Test
    void rowsOutOfWatermarkOrderFailTheRun() throws SQLException {
        execute("INSERT INTO votes (id, changed_at) VALUES ('a', TIMESTAMP '2018-10-31 20:00:00'),"
                + " ('b', TIMESTAMP '2018-10-30 20:00:00')");

        assertThatThrownBy(() -> JdbcRows.convert(rows("SELECT * FROM votes ORDER BY id"), "changed_at", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rows are not in ascending order of the watermark column 'changed_at' (row 2:"
                        + " 2018-10-30T20:00:00 after 2018-10-31T20:00:00); end the query with ORDER BY changed_at");
    }

    @Test
    void aMissingWatermarkColumnFailsTheRunNamingTheColumns() throws SQLException {
        execute("INSERT INTO votes (id, changed_at) VALUES ('a', TIMESTAMP '2018-10-31 20:00:00')");

        assertThatThrownBy(() -> JdbcRows.convert(rows("SELECT id, note FROM votes"), "changed_at", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has no column 'changed_at' (watermarkColumn); its columns: id, note");
    }

    @Test
    void numericWatermarksCompareAsNumbers() throws SQLException {
        execute("INSERT INTO votes (id, yes_count, changed_at) VALUES ('a', 9, TIMESTAMP '2018-10-31 20:00:00'),"
                + " ('b', 10, TIMESTAMP '2018-10-31 20:00:00')");

        assertThat(JdbcRows.convert(rows("SELECT * FROM votes ORDER BY yes_count"), "yes_count", 10)
                        .watermark())
                .isEqualTo("10");
    }

    /** The route's step: the body becomes the JSON array, the watermark the property the runner stores. */
    @Test
    void theRouteStepSetsTheBodyAndTheStateProperty() throws Exception {
        execute("INSERT INTO votes (id, changed_at) VALUES ('a', TIMESTAMP '2018-10-31 20:00:00')");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody(rows());

            new JdbcRows().toJson(exchange, "changed_at", 10);

            assertThat(exchange.getMessage().getBody(String.class))
                    .isEqualTo("[{\"id\":\"a\",\"changed_at\":\"2018-10-31T20:00:00\"}]");
            assertThat(exchange.getProperty("spojkaState.watermark")).isEqualTo("2018-10-31T20:00:00");
        }
    }

    private List<Map<String, Object>> rows() throws SQLException {
        return rows("SELECT * FROM votes ORDER BY changed_at, id");
    }

    private List<Map<String, Object>> rows(String query) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        ColumnMapRowMapper mapper = new ColumnMapRowMapper();
        try (Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(mapper.mapRow(result, rows.size()));
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
