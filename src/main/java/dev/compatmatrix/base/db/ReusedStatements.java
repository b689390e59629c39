package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Prepared statements kept per driver connection (DuckDB's or PostgreSQL's, unwrapped from the pool's) and reused, for the statements every matrix page runs. DuckDB plans
 * a statement when it is prepared, and Spring prepares afresh on every call: reusing the page rows' statement saves
 * about a quarter of its time at 100,000 models (BENCHMARKS.md). A pooled connection serves one thread at a time, so
 * its statements do too. Statements are prepared on the driver's own connection, out of the pool's sight, and die
 * with it; a closed connection's statements are dropped at the next call.
 */
public final class ReusedStatements {

    /** Per connection; the matrix has a few dozen distinct statements (filters × sorts), most recent kept. */
    private static final int PER_CONNECTION = 32;

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();
    private final Map<Connection, Map<String, PreparedStatement>> kept = new IdentityHashMap<>();

    public ReusedStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs a query with named parameters (bound as JdbcClient binds them) on the current transaction's connection,
     * or a connection of its own outside one, handing each row to {@code rows}.
     */
    public void query(String namedSql, Map<String, ?> params, RowCallbackHandler rows) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
        var source = new MapSqlParameterSource(params);
        String sql = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PreparedStatement statement = statement(connection.unwrap(Connection.class), sql);
            int index = 1;
            for (Object value : values) {
                // A collection stands for the "?, ?, …" that substituteNamedParameters wrote for it.
                for (Object element : value instanceof Collection<?> many ? many : Collections.singletonList(value)) {
                    StatementCreatorUtils.setParameterValue(statement, index++, SqlTypeValue.TYPE_UNKNOWN, element);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.processRow(rs);
                }
            }
        } catch (SQLException e) {
            DataAccessException translated = translator.translate("ReusedStatements", sql, e);
            throw translated != null ? translated : new UncategorizedSQLException("ReusedStatements", sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private PreparedStatement statement(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        synchronized (kept) {
            kept.keySet().removeIf(ReusedStatements::isClosed);
            statements = kept.computeIfAbsent(connection, c -> new LinkedHashMap<>(16, 0.75f, true));
        }
        // Only this thread uses this connection now, and so its statements.
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
            if (statements.size() > PER_CONNECTION) {
                var eldest = statements.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
        }
        return statement;
    }
}
