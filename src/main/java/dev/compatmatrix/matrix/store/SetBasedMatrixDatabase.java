package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.DatabaseErrors;
import dev.compatmatrix.base.db.MultiRowSql;
import dev.compatmatrix.base.db.TableAppender;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link MatrixDatabase} on either database, each in its fastest form behind the base.db helpers: appends by
 * {@link TableAppender} (DuckDB's appender, PostgreSQL's {@code COPY}), updates and deletes of many rows as one
 * statement over list parameters unnested side by side ({@link MultiRowSql}: DuckDB's lists, PostgreSQL's arrays),
 * conflicts by {@link DatabaseErrors} (DuckDB's messages, PostgreSQL's SQL states). One row takes a plain statement,
 * which plans faster.
 */
@Component
class SetBasedMatrixDatabase implements MatrixDatabase {

    private final JdbcClient jdbc;
    private final TableAppender appender;

    SetBasedMatrixDatabase(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
    }

    @Override
    public List<Long> nextIds(String sequence, int count) {
        return appender.nextIds(sequence, count);
    }

    @Override
    public <R> List<Long> append(MatrixTables.Table<R> table, List<R> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (rows.size() == 1) {
            return insertOne(table, rows.getFirst());
        }
        List<Long> ids = table.drawsIds() ? nextIds(table.sequence(), rows.size()) : List.of();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values.add(table.values(ids.isEmpty() ? null : ids.get(i), rows.get(i)));
        }
        appender.append(table.name(), table.columnNames(), values);
        return ids;
    }

    /** One row by a plain INSERT: opening an appender or a COPY costs more than the row (its id drawn in the statement). */
    private <R> List<Long> insertOne(MatrixTables.Table<R> table, R row) {
        List<String> names = table.columnNames();
        Object[] values = table.values(null, row);
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            placeholders
                    .append(i == 0 ? "" : ", ")
                    .append(table.drawsIds() && i == 0 ? "nextval('" + table.sequence() + "')" : ":p" + i);
        }
        var statement = jdbc.sql("INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") VALUES ("
                + placeholders + ")" + (table.drawsIds() ? " RETURNING id" : ""));
        for (int i = table.drawsIds() ? 1 : 0; i < names.size(); i++) {
            statement = statement.param("p" + i, values[i]);
        }
        if (table.drawsIds()) {
            return List.of(statement.query(Long.class).single());
        }
        statement.update();
        return List.of();
    }

    @Override
    public int update(
            String table,
            List<? extends MatrixTables.Column<?>> keys,
            List<? extends MatrixTables.Column<?>> columns,
            String extraSet,
            List<Object[]> rows) {
        return MultiRowSql.update(jdbc, table, sql(keys), sql(columns), extraSet, rows);
    }

    @Override
    public int delete(String table, List<? extends MatrixTables.Column<?>> keys, List<Object[]> rows) {
        return MultiRowSql.delete(jdbc, table, sql(keys), rows);
    }

    @Override
    public boolean isConflict(Throwable e) {
        return DatabaseErrors.isConflict(e);
    }

    private static List<MultiRowSql.Column> sql(List<? extends MatrixTables.Column<?>> columns) {
        return columns.stream()
                .map(c -> new MultiRowSql.Column(c.name(), c.sqlType()))
                .toList();
    }
}
