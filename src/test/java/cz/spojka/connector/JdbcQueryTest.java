package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class JdbcQueryTest {

    @Test
    void bindsEveryWatermarkParameterAndRefusesAnyOtherHash() {
        WatermarkQuery query =
                WatermarkQuery.of("SELECT * FROM t WHERE a > CAST(:#watermark AS INT) OR b > CAST(:#watermark AS INT)");
        assertThat(query.sql()).isEqualTo("SELECT * FROM t WHERE a > CAST(? AS INT) OR b > CAST(? AS INT)");
        assertThat(query.markers()).isEqualTo(2);
        assertThatThrownBy(() -> WatermarkQuery.of("SELECT * FROM t WHERE a > :#watermark AND b = :#other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the query may have only the named parameter :#watermark and no other '#', but has another"
                        + " '#'");
    }

    @Test
    void retriesLostConnectionsAndTimeoutsButNotQueriesTheDatabaseRefuses() {
        assertThat(JdbcQuery.isTransient(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(JdbcQuery.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(JdbcQuery.isTransient(uncategorized("57P01")))
                .as("a terminated session")
                .isTrue();
        assertThat(JdbcQuery.isTransient(uncategorized("08006")))
                .as("a connection failure")
                .isTrue();
        assertThat(JdbcQuery.isTransient(uncategorized("40P01")))
                .as("a deadlock")
                .isTrue();
        assertThat(JdbcQuery.isTransient(uncategorized("42501")))
                .as("no rights")
                .isFalse();
        assertThat(JdbcQuery.isTransient(new BadSqlGrammarException("query", "SELECT", new SQLException("", "42P01"))))
                .isFalse();
    }

    private static UncategorizedSQLException uncategorized(String sqlState) {
        return new UncategorizedSQLException("query", "SELECT", new SQLException("failed", sqlState));
    }
}
