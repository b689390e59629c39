package dev.compatmatrix.base.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows into one PostgreSQL table through {@code COPY … FROM STDIN} in CSV, on the caller's connection and
 * transaction: PostgreSQL's fastest way in, with no statement per row. Rows are buffered and sent in blocks; call
 * {@link #flush()} before committing. NULL is an unquoted empty field, every text is quoted, so an empty text stays
 * empty.
 */
final class CopyRows {

    private static final int BLOCK_CHARS = 1 << 20;

    private final CopyManager copy;
    private final String sql;
    private final List<String> types;
    private final StringBuilder buffer = new StringBuilder();

    CopyRows(Connection connection, String table, List<String> columns, List<String> types) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        this.types = types;
    }

    void add(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            field(types.get(i), row[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= BLOCK_CHARS) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(buffer.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    private void field(String type, Object value) {
        if (value == null) {
            return;
        }
        switch (value) {
            case Number n
            when type.equals("integer") || type.equals("bigint") || type.equals("smallint") ->
                buffer.append(n.longValue());
            case Number n -> buffer.append(n);
            case Boolean b -> buffer.append(b ? "t" : "f");
            case LocalDateTime t -> buffer.append(t);
            default -> {
                String text = value.toString();
                buffer.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    buffer.append(c);
                    if (c == '"') {
                        buffer.append('"');
                    }
                }
                buffer.append('"');
            }
        }
    }
}
