package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Appends many rows on the current transaction's connection with no SQL to plan and no parameters to bind, which is
 * what a multi-row INSERT of 1,000 rows spends most of its time on: DuckDB's appender, or PostgreSQL's
 * {@code COPY … FROM STDIN} ({@link CopyRows}). Rows roll back with the transaction. Values come in the table's
 * column order (the migrations' order, added columns last); CHECK constraints still apply.
 */
@Component
public class TableAppender {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final java.util.concurrent.ConcurrentHashMap<String, List<TableColumn>> columns =
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
        append(
                table,
                java.util.stream.IntStream.range(0, rows.size())
                        .mapToObj(i -> {
                            Object[] row = new Object[rows.get(i).length + 1];
                            row[0] = ids.get(i);
                            System.arraycopy(rows.get(i), 0, row, 1, rows.get(i).length);
                            return row;
                        })
                        .toList());
    }

    /**
     * {@code count} new ids from {@code sequence} in one statement, ascending: rows that get them in list order
     * get the ids one statement per row would have given them.
     */
    public List<Long> nextIds(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval('" + sequence + "') AS id FROM generate_series(1, :count) ORDER BY id")
                .param("count", count)
                .query(Long.class)
                .list();
    }

    /** Appends rows holding every column. */
    public void append(String table, List<Object[]> rows) {
        append(table, null, rows);
    }

    /**
     * Appends rows of the named columns, which must be the table's columns in the table's order (checked, so a
     * column list that no longer matches the schema fails loudly instead of writing values into the wrong column).
     */
    public void append(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Rows out = new Rows(connection, table, columns(connection, table), columns)) {
            for (Object[] row : rows) {
                out.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Appending to " + table + " failed: " + DatabaseErrors.describe(e), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A table's columns in order, as name and type. */
    public record TableColumn(String name, String type) {}

    /**
     * An appender open on one table of a connection the caller holds (for loaders that fill many tables at once);
     * values are converted to their column's type. Close it before committing: closing flushes.
     */
    public static final class Rows implements AutoCloseable {
        private final String table;
        private final DuckDBAppender appender;
        private final CopyRows copy;
        private final List<String> types;

        /** Checks {@code expectedColumns} (null: any) against the table's columns. */
        public static Rows open(Connection connection, String table, List<String> expectedColumns) throws SQLException {
            return new Rows(connection, table, readColumns(connection, table), expectedColumns);
        }

        private Rows(Connection connection, String table, List<TableColumn> columns, List<String> expectedColumns)
                throws SQLException {
            List<String> names = columns.stream().map(TableColumn::name).toList();
            if (expectedColumns != null && !expectedColumns.equals(names)) {
                throw new IllegalStateException(
                        "The columns of " + table + " are " + names + ", not " + expectedColumns);
            }
            this.table = table;
            this.types = columns.stream().map(TableColumn::type).toList();
            if (connection.isWrapperFor(DuckDBConnection.class)) {
                this.copy = null;
                this.appender = connection
                        .unwrap(DuckDBConnection.class)
                        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
                // duckdb_jdbc 2.0.0.1: after the first flush (2,048 rows) an appender reuses its chunk and writes
                // short inlined strings without clearing stale bytes, so CHECK constraints fail from row 4,096 on.
                appender.setWriteInlinedStrings(false);
            } else {
                this.appender = null;
                this.copy = new CopyRows(connection, table, names, types);
            }
        }

        public void add(Object[] row) throws SQLException {
            if (row.length != types.size()) {
                throw new IllegalArgumentException(table + " has " + types.size() + " columns, the row " + row.length);
            }
            if (copy != null) {
                copy.add(row);
                return;
            }
            appender.beginRow();
            for (int i = 0; i < row.length; i++) {
                appendValue(appender, types.get(i), row[i]);
            }
            appender.endRow();
        }

        /**
         * Hands the rows added so far to the connection's current transaction; the appender stays open for more (a
         * loader commits in chunks this way, so no transaction has to hold tens of millions of rows).
         */
        public void flush() throws SQLException {
            if (copy != null) {
                copy.flush();
            } else {
                appender.flush();
            }
        }

        @Override
        public void close() throws SQLException {
            if (copy != null) {
                copy.flush();
                return;
            }
            try {
                // An explicit flush reports a constraint violation; close() alone was seen to drop the rows silently.
                appender.flush();
            } finally {
                appender.close();
            }
        }
    }

    /** The appender wants each value in its column's exact type, so numbers are converted by the column. */
    private static void appendValue(DuckDBAppender appender, String columnType, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (columnType) {
            case "TINYINT" -> appender.append(((Number) value).byteValue());
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

    /** The table's columns in column order; read once per table (the schema changes only by migration). */
    private List<TableColumn> columns(Connection connection, String table) {
        return columns.computeIfAbsent(table, name -> {
            try {
                return readColumns(connection, name);
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the columns of " + name + " failed", e);
            }
        });
    }

    static List<TableColumn> readColumns(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            List<TableColumn> columns = new java.util.ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TableColumn(rs.getString(1), rs.getString(2)));
                }
            }
            return columns;
        }
    }
}
