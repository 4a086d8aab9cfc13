package cz.spojka.connector;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A {@code jdbc-poll} query with its named parameter {@code :#watermark} (camel-sql's syntax, kept for the
 * connectors written with it) turned into JDBC markers, each bound to the watermark. Used by the route's query and by
 * the dry run, so both send the same statement.
 *
 * @param sql the statement with a {@code ?} for each {@code :#watermark}
 * @param markers how many markers it has
 */
record WatermarkQuery(String sql, int markers) {

    static final String WATERMARK = ":#watermark";

    /** @throws IllegalArgumentException when the query has a {@code #} that is not part of {@code :#watermark} */
    static WatermarkQuery of(String query) {
        String sql = query.replace(WATERMARK, "?");
        if (sql.contains("#")) {
            throw new IllegalArgumentException("the query may have only the named parameter " + WATERMARK
                    + " and no other '#', but has another '#'");
        }
        return new WatermarkQuery(sql, (query.length() - sql.length()) / (WATERMARK.length() - 1));
    }

    void bind(PreparedStatement statement, String watermark) throws SQLException {
        for (int i = 1; i <= markers; i++) {
            statement.setString(i, watermark);
        }
    }
}
