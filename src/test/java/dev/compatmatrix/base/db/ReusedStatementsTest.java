package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class ReusedStatementsTest {

    private static final String SQL = """
            SELECT n FROM range(10) t(n)
            WHERE n >= :from AND (CAST(:label AS VARCHAR) IS NULL OR n IN (:picked)) ORDER BY n""";

    private static List<Long> read(ReusedStatements statements, Map<String, ?> params) {
        List<Long> rows = new ArrayList<>();
        statements.query(SQL, params, rs -> {
            rows.add(rs.getLong(1));
        });
        return rows;
    }

    private static SingleConnectionDataSource open(Path file) {
        return new SingleConnectionDataSource(DatabaseConfig.jdbcUrl(file.toString()), true);
    }

    @Test
    void answers_what_jdbc_client_answers_for_the_same_parameters_call_after_call(@TempDir Path folder) {
        try (SingleConnectionDataSource dataSource = open(folder.resolve("r.duckdb"))) {
            var statements = new ReusedStatements(dataSource);
            var jdbc = JdbcClient.create(dataSource);
            Map<String, Object> picked = Map.of("from", 2, "label", "some", "picked", List.of(1, 3, 5, 7));
            Map<String, Object> none = new HashMap<>(Map.of("from", 6, "picked", List.of(0, 0, 0, 0)));
            none.put("label", null);
            for (var params : List.of(picked, none, picked)) {
                assertThat(read(statements, params))
                        .isEqualTo(
                                jdbc.sql(SQL).params(params).query(Long.class).list())
                        .isNotEmpty();
            }
            assertThat(read(statements, picked)).containsExactly(3L, 5L, 7L);
            assertThat(read(statements, none)).containsExactly(6L, 7L, 8L, 9L);
        }
    }

    @Test
    void a_closed_connection_gets_its_statement_prepared_again_on_the_next_one(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("r.duckdb");
        Map<String, Object> params = new HashMap<>(Map.of("from", 8, "picked", List.of(1)));
        params.put("label", null);
        try (SingleConnectionDataSource first = open(file)) {
            assertThat(read(new ReusedStatements(first), params)).containsExactly(8L, 9L);
        }
        // One instance over two connections in turn, as a pool retires one and opens another.
        var delegating = new DelegatingFirstThenSecond(open(file));
        var statements = new ReusedStatements(delegating);
        assertThat(read(statements, params)).containsExactly(8L, 9L);
        delegating.switchToNewConnection(open(file));
        assertThat(read(statements, params)).containsExactly(8L, 9L);
        delegating.close();
    }

    @Test
    void a_bad_statement_is_a_data_access_exception(@TempDir Path folder) {
        try (SingleConnectionDataSource dataSource = open(folder.resolve("r.duckdb"))) {
            assertThatThrownBy(() ->
                            new ReusedStatements(dataSource).query("SELECT * FROM no_such_table", Map.of(), rs -> {}))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("no_such_table");
        }
    }

    /** A data source whose one connection can be closed and replaced by a new one. */
    private static final class DelegatingFirstThenSecond
            extends org.springframework.jdbc.datasource.DelegatingDataSource {

        DelegatingFirstThenSecond(SingleConnectionDataSource first) {
            super(first);
        }

        void switchToNewConnection(SingleConnectionDataSource next) throws Exception {
            ((SingleConnectionDataSource) getTargetDataSource()).destroy();
            setTargetDataSource(next);
        }

        void close() {
            ((SingleConnectionDataSource) getTargetDataSource()).destroy();
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return getTargetDataSource().getConnection();
        }
    }
}
