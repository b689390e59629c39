package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.ConditionalOnDatabase;
import dev.compatmatrix.base.db.DatabaseKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link MatrixDatabase} on PostgreSQL: rows through batched statements (the driver rewrites a batch of inserts into
 * multi-row inserts), conflicts recognised by their SQL states.
 */
@Component
@ConditionalOnDatabase(DatabaseKind.POSTGRESQL)
class PostgresMatrixDatabase implements MatrixDatabase {

    /** Serialization failure (a repeatable-read transaction lost a race), deadlock, unique key taken. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "23505");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PostgresMatrixDatabase(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public List<Long> nextIds(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval('" + sequence + "') AS id FROM generate_series(1, :count) ORDER BY id")
                .param("count", count)
                .query(Long.class)
                .list();
    }

    @Override
    public <R> List<Long> append(MatrixTables.Table<R> table, List<R> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = table.drawsIds() ? nextIds(table.sequence(), rows.size()) : List.of();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values.add(table.values(ids.isEmpty() ? null : ids.get(i), rows.get(i)));
        }
        List<String> names = table.columnNames();
        String placeholders = names.stream().map(n -> "?").collect(Collectors.joining(", "));
        template.batchUpdate(
                "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") VALUES (" + placeholders + ")",
                values);
        return ids;
    }

    @Override
    public int update(
            String table,
            List<? extends MatrixTables.Column<?>> keys,
            List<? extends MatrixTables.Column<?>> columns,
            String extraSet,
            List<Object[]> rows) {
        String set = columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "));
        if (extraSet != null && !extraSet.isBlank()) {
            set = set.isEmpty() ? extraSet : set + ", " + extraSet;
        }
        String sql = "UPDATE " + table + " SET " + set + " WHERE " + where(keys);
        // Values arrive keys first; the statement binds the SET values first.
        List<Object[]> ordered = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] values = new Object[row.length];
            System.arraycopy(row, keys.size(), values, 0, columns.size());
            System.arraycopy(row, 0, values, columns.size(), keys.size());
            ordered.add(values);
        }
        return sum(template.batchUpdate(sql, ordered));
    }

    @Override
    public int delete(String table, List<? extends MatrixTables.Column<?>> keys, List<Object[]> rows) {
        return sum(template.batchUpdate("DELETE FROM " + table + " WHERE " + where(keys), rows));
    }

    @Override
    public boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String where(List<? extends MatrixTables.Column<?>> keys) {
        return keys.stream().map(k -> k.name() + " = ?").collect(Collectors.joining(" AND "));
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }
}
