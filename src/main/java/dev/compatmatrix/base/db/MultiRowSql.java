package dev.compatmatrix.base.db;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many row updates in one statement: DuckDB pays a fixed cost per executed statement (JDBC batches included),
 * so one {@code UPDATE … FROM (VALUES …)} beats an execution per row. (Appends go through {@link TableAppender}.) Table and column names come from the calling repository's constants, never from
 * input; every value is a bound parameter.
 */
public final class MultiRowSql {

    /** Rows per statement: large enough to amortise the cost, small enough to keep statements cheap to plan. */
    static final int CHUNK = 500;

    private MultiRowSql() {
    }

    /** A column of an UPDATE's value list, with the SQL type its parameters are cast to. */
    public record Column(String name, String sqlType) {
    }

    /**
     * {@code UPDATE table SET c = v.c, … FROM (VALUES …) v(key, c, …) WHERE table.key = v.key}; each row has
     * the key first, then one value per column. {@code extraSet} is appended to the SET list as it is (e.g.
     * {@code row_version = row_version + 1}). Returns the number of rows updated.
     */
    public static int update(JdbcClient jdbc, String table, Column key, List<Column> columns, String extraSet,
                             List<Object[]> rows) {
        return update(jdbc, table, List.of(key), columns, extraSet, rows);
    }

    /**
     * As above with a row matched by several columns (e.g. the id and the expected {@code row_version}, so a
     * row someone else changed is not updated; qualify the table's own column in {@code extraSet} then, as in
     * {@code row_version = claims.row_version + 1}). Each row has the keys first, then the columns.
     */
    public static int update(JdbcClient jdbc, String table, List<Column> keys, List<Column> columns, String extraSet,
                             List<Object[]> rows) {
        List<Column> all = new ArrayList<>(keys);
        all.addAll(columns);
        String row = all.stream().map(c -> "CAST(? AS " + c.sqlType() + ")").collect(Collectors.joining(", ", "(", ")"));
        String set = columns.stream().map(c -> c.name() + " = v." + c.name()).collect(Collectors.joining(", "))
                + (extraSet == null ? "" : ", " + extraSet);
        String names = all.stream().map(Column::name).collect(Collectors.joining(", "));
        String where = keys.stream().map(k -> table + "." + k.name() + " = v." + k.name())
                .collect(Collectors.joining(" AND "));
        int updated = 0;
        for (List<Object[]> chunk : chunks(rows)) {
            String sql = "UPDATE " + table + " SET " + set + " FROM (VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)) + ") AS v(" + names + ") WHERE "
                    + where;
            updated += jdbc.sql(sql).params(flatten(chunk)).update();
        }
        return updated;
    }

    private static List<List<Object[]>> chunks(List<Object[]> rows) {
        return IntStream.range(0, (rows.size() + CHUNK - 1) / CHUNK)
                .mapToObj(i -> rows.subList(i * CHUNK, Math.min(rows.size(), (i + 1) * CHUNK))).toList();
    }

    private static List<Object> flatten(List<Object[]> rows) {
        List<Object> values = new ArrayList<>();
        rows.forEach(row -> values.addAll(java.util.Arrays.asList(row)));
        return values;
    }
}
