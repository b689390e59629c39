package dev.compatmatrix.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * The benchmarks' raw path: the application's SQL text on a PreparedStatement, the named parameters turned into
 * {@code ?} by Spring's NamedParameterUtils (as JdbcClient does), and every column of every row read with
 * getObject.
 */
final class RawJdbc {

    private RawJdbc() {}

    /** The rows a statement returned, with its column labels. */
    record Rows(List<String> labels, List<Object[]> values) {

        int column(String label) {
            return labels.indexOf(label);
        }

        int size() {
            return values.size();
        }
    }

    static Rows query(Connection c, String namedSql, Map<String, ?> params) throws SQLException {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
        var source = new MapSqlParameterSource(params);
        String sql = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            for (Object value : values) {
                // A collection stands for the "?, ?, …" that substituteNamedParameters wrote for it.
                if (value instanceof Collection<?> collection) {
                    for (Object element : collection) {
                        ps.setObject(index++, element);
                    }
                } else {
                    ps.setObject(index++, value);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<String> labels = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    labels.add(rs.getMetaData().getColumnLabel(i));
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return new Rows(labels, rows);
            }
        }
    }

    /** The first column of the single row, as a number (a count). */
    static long single(Connection c, String namedSql, Map<String, ?> params) throws SQLException {
        return ((Number) query(c, namedSql, params).values().getFirst()[0]).longValue();
    }
}
