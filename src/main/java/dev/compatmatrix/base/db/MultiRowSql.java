package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.duckdb.user.DuckDBUserArray;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many row updates in one statement: DuckDB pays a fixed cost per executed statement (JDBC batches included),
 * so one {@code UPDATE … FROM (…)} beats an execution per row. The values travel as one list parameter per
 * column (DuckDB's {@link DuckDBUserArray}, PostgreSQL's SQL array), unnested side by side in the select list, which
 * both databases zip row by row: planning a statement costs by the number of parameters, so a {@code VALUES} list
 * with a parameter per value spent 600–1,700 ms on 1,000 claims of 14 columns on DuckDB (BENCHMARKS.md, "Import
 * (admin)") where the lists take ~20 ms. (Appends go through {@link TableAppender}.) A single row is written by a plain statement, which plans faster. Table and column names come from the calling repository's constants, never from input;
 * every value is bound.
 */
public final class MultiRowSql {

    private MultiRowSql() {}

    /** A column of an UPDATE's value list, with the SQL type of its values. */
    public record Column(String name, String sqlType) {}

    /**
     * {@code UPDATE table SET c = v.c, … FROM (…) v(key, c, …) WHERE table.key = v.key}; each row has the key
     * first, then one value per column. {@code extraSet} is appended to the SET list as it is (e.g.
     * {@code row_version = row_version + 1}). Returns the number of rows updated.
     */
    public static int update(
            JdbcClient jdbc, String table, Column key, List<Column> columns, String extraSet, List<Object[]> rows) {
        return update(jdbc, table, List.of(key), columns, extraSet, rows);
    }

    /**
     * As above with a row matched by several columns (e.g. the id and the expected {@code row_version}, so a
     * row someone else changed is not updated; qualify the table's own column in {@code extraSet} then, as in
     * {@code row_version = claims.row_version + 1}). Each row has the keys first, then the columns.
     */
    public static int update(
            JdbcClient jdbc,
            String table,
            List<Column> keys,
            List<Column> columns,
            String extraSet,
            List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Column> all = new ArrayList<>(keys);
        all.addAll(columns);
        if (rows.size() == 1) {
            String set = columns.stream().map(c -> c.name() + " = :" + c.name()).collect(Collectors.joining(", "))
                    + (extraSet == null ? "" : ", " + extraSet);
            return bindOne(
                            jdbc.sql("UPDATE " + table + " SET " + set + " WHERE " + whereOne(table, keys)),
                            all,
                            rows.getFirst())
                    .update();
        }
        String set = columns.stream().map(c -> c.name() + " = v." + c.name()).collect(Collectors.joining(", "))
                + (extraSet == null ? "" : ", " + extraSet);
        return bind(
                        jdbc.sql("UPDATE " + table + " SET " + set + " FROM (SELECT " + values(all) + ") AS v WHERE "
                                + where(table, keys)),
                        all,
                        rows)
                .update();
    }

    /** {@code DELETE FROM table USING (…) v WHERE table.key = v.key …}; returns the number of rows deleted. */
    public static int delete(JdbcClient jdbc, String table, List<Column> keys, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (rows.size() == 1) {
            return bindOne(jdbc.sql("DELETE FROM " + table + " WHERE " + whereOne(table, keys)), keys, rows.getFirst())
                    .update();
        }
        return bind(
                        jdbc.sql("DELETE FROM " + table + " USING (SELECT " + values(keys) + ") AS v WHERE "
                                + where(table, keys)),
                        keys,
                        rows)
                .update();
    }

    private static String values(List<Column> columns) {
        return columns.stream()
                .map(c -> "unnest(CAST(:" + c.name() + " AS " + portableType(c.sqlType()) + "[])) AS " + c.name())
                .collect(Collectors.joining(", "));
    }

    private static String where(String table, List<Column> keys) {
        return keys.stream()
                .map(k -> table + "." + k.name() + " = v." + k.name())
                .collect(Collectors.joining(" AND "));
    }

    private static String whereOne(String table, List<Column> keys) {
        return keys.stream()
                .map(k -> table + "." + k.name() + " = :" + k.name())
                .collect(Collectors.joining(" AND "));
    }

    /** One row's values as plain parameters: a single row plans faster without the lists. */
    private static JdbcClient.StatementSpec bindOne(
            JdbcClient.StatementSpec statement, List<Column> columns, Object[] row) {
        for (int i = 0; i < columns.size(); i++) {
            statement = statement.param(columns.get(i).name(), row[i]);
        }
        return statement;
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, List<Column> columns, List<Object[]> rows) {
        for (int i = 0; i < columns.size(); i++) {
            Object[] column = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[i];
            }
            statement = statement.param(
                    columns.get(i).name(), new ListParameter(columns.get(i).sqlType(), column));
        }
        return statement;
    }

    /**
     * The type as both databases name it: PostgreSQL has no TINYINT (the value fits the column anyway), and its FLOAT
     * is 8 bytes where DuckDB's is 4 (REAL on both).
     */
    private static String portableType(String sqlType) {
        return switch (sqlType) {
            case "TINYINT" -> "SMALLINT";
            case "FLOAT" -> "REAL";
            default -> sqlType;
        };
    }

    /** One column's values as one parameter in the driver's own form, chosen by the connection it is bound on. */
    private record ListParameter(String sqlType, Object[] values) implements SqlTypeValue {

        @Override
        public void setTypeValue(PreparedStatement statement, int index, int ignoredType, String ignoredName)
                throws SQLException {
            Connection connection = statement.getConnection();
            if (connection.isWrapperFor(DuckDBConnection.class)) {
                statement.setObject(index, new DuckDBUserArray(sqlType, values));
            } else {
                statement.setArray(index, connection.createArrayOf(postgresType(sqlType), values));
            }
        }

        private static String postgresType(String sqlType) {
            return switch (sqlType) {
                case "TINYINT", "SMALLINT" -> "int2";
                case "INTEGER" -> "int4";
                case "BIGINT" -> "int8";
                case "FLOAT" -> "float4";
                case "DOUBLE" -> "float8";
                case "BOOLEAN" -> "bool";
                case "VARCHAR" -> "varchar";
                case "TIMESTAMP" -> "timestamp";
                default -> throw new IllegalArgumentException("No list parameter of " + sqlType);
            };
        }
    }
}
