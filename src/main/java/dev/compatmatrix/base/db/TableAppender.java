package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends many rows through DuckDB's appender on the current transaction's connection — no SQL to plan and no
 * parameters to bind, which is what a multi-row INSERT of 1,000 rows spends most of its time on. Rows roll
 * back with the transaction. Values come in the table's column order (the migrations' order, added columns
 * last); CHECK constraints still apply.
 */
@Component
public class TableAppender {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final java.util.concurrent.ConcurrentHashMap<String, List<String>> columnTypes =
            new java.util.concurrent.ConcurrentHashMap<>();

    public TableAppender(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Appends rows whose first column, the id, is drawn from {@code sequence}; each row holds the other columns. */
    public void appendWithIds(String table, String sequence, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = nextIds(sequence, rows.size());
        append(table, java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> {
            Object[] row = new Object[rows.get(i).length + 1];
            row[0] = ids.get(i);
            System.arraycopy(rows.get(i), 0, row, 1, rows.get(i).length);
            return row;
        }).toList());
    }

    /**
     * {@code count} new ids from {@code sequence} in one statement, ascending: rows that get them in list order
     * get the ids one statement per row would have given them.
     */
    public List<Long> nextIds(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval('" + sequence + "') AS id FROM range(:count) ORDER BY id")
                .param("count", count).query(Long.class).list();
    }

    /** Appends rows holding every column. */
    public void append(String table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            // duckdb_jdbc 2.0.0.1 leaves stale bytes in short inlined strings after a flush (see BulkLoader).
            appender.setWriteInlinedStrings(false);
            List<String> types = columnTypes(table);
            for (Object[] row : rows) {
                if (row.length != types.size()) {
                    throw new IllegalArgumentException(table + " has " + types.size() + " columns, the row " + row.length);
                }
                appender.beginRow();
                for (int i = 0; i < row.length; i++) {
                    appendValue(appender, types.get(i), row[i]);
                }
                appender.endRow();
            }
            // An explicit flush reports a constraint violation; close() alone was seen to drop the rows silently.
            appender.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("Appending to " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The appender wants each value in its column's exact type, so numbers are converted by the column. */
    private static void appendValue(DuckDBAppender appender, String columnType, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (columnType) {
            case "INTEGER" -> appender.append(((Number) value).intValue());
            case "BIGINT" -> appender.append(((Number) value).longValue());
            case "DOUBLE" -> appender.append(((Number) value).doubleValue());
            case "FLOAT" -> appender.append(((Number) value).floatValue());
            case "BOOLEAN" -> appender.append((boolean) (Boolean) value);
            case "VARCHAR" -> appender.append(value.toString());
            case "TIMESTAMP" -> appender.append((LocalDateTime) value);
            default -> throw new IllegalArgumentException("No appending to a " + columnType + " column");
        }
    }

    /** The table's column types in column order; read once per table (the schema changes only by migration). */
    private List<String> columnTypes(String table) {
        return columnTypes.computeIfAbsent(table, name -> jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_schema = 'main' AND table_name = :table ORDER BY ordinal_position""")
                .param("table", name).query(String.class).list());
    }
}
