package dev.compatmatrix;

import dev.compatmatrix.matrix.store.MatrixVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content of every table of the database in one short text, so a test can tell that refused input changed
 * nothing, anywhere: per table its row count, and for the tables named as updatable also an order-independent hash
 * of all their rows (the others only ever gain rows, so their count tells). One query.
 */
public final class TableFingerprint {

    /**
     * Columns that change on every authenticated request, not because of what was sent: a token's last use is
     * recorded (at most once a minute) whatever the request then does. And what the webhook outbox's background
     * fan-out marks on the change events it has taken.
     */
    private static final Map<String, String> IGNORED_COLUMNS =
            Map.of("api_tokens", "last_used_at", "matrix_events", "fanned_out");

    /**
     * The matrix data version's tables, taken together as the version they state: a background fold moves marks from
     * one into the other without changing the version, so their row counts alone would change with no write.
     */
    private static final java.util.Set<String> VERSION_TABLES = java.util.Set.of("matrix_changes", "matrix_version");

    /** Written by background jobs, not by requests: the webhook outbox's deliveries and their attempts. */
    private static final java.util.Set<String> BACKGROUND_TABLES =
            java.util.Set.of("webhook_deliveries", "webhook_attempts");

    private final JdbcClient jdbc;
    private final String sql;

    private TableFingerprint(JdbcClient jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** A fingerprint over the tables that exist now, hashing the rows of those named (all of them: "*"). */
    public static TableFingerprint of(JdbcClient jdbc, java.util.Set<String> updatable) {
        boolean postgres =
                jdbc.sql("SELECT version()").query(String.class).single().startsWith("PostgreSQL");
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""").query(String.class).list();
        String sql = tables.stream()
                        .filter(table -> !VERSION_TABLES.contains(table) && !BACKGROUND_TABLES.contains(table))
                        .map(table -> {
                            String rows = IGNORED_COLUMNS.containsKey(table)
                                    ? "(SELECT "
                                            + String.join(", ", columnsBut(jdbc, table, IGNORED_COLUMNS.get(table)))
                                            + " FROM " + table + ")"
                                    : table;
                            String hash = updatable.contains(table) || updatable.contains("*")
                                    ? " || ':' || " + rowsHash(postgres)
                                    : "";
                            return "(SELECT '" + table + "=' || count(*)" + hash + " FROM " + rows + " AS t)";
                        })
                        .collect(Collectors.joining(" || ' ' || ", "SELECT ", ""))
                + (tables.containsAll(VERSION_TABLES)
                        ? " || ' matrix_version=' || (" + MatrixVersion.DATA_SQL + ")"
                        : "");
        return new TableFingerprint(jdbc, sql);
    }

    /**
     * An order-independent hash of the rows {@code t}: DuckDB hashes a row itself; PostgreSQL hashes each row's text,
     * in order (the tables hashed are small).
     */
    private static String rowsHash(boolean postgres) {
        return postgres
                ? "coalesce(md5(string_agg(md5(CAST(t AS TEXT)), ',' ORDER BY md5(CAST(t AS TEXT)))), '')"
                : "coalesce(bit_xor(hash(t)), 0)";
    }

    private static List<String> columnsBut(JdbcClient jdbc, String table, String ignored) {
        return jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table AND column_name <> :ignored
                        ORDER BY ordinal_position""")
                .param("table", table)
                .param("ignored", ignored)
                .query(String.class)
                .list();
    }

    /** The current content, e.g. {@code models=43:1234… validators=5:…}. */
    public String take() {
        return jdbc.sql(sql).query(String.class).single();
    }

    /** The content as it was when the snapshot was pinned. */
    public String takeAt(HeldSnapshot snapshot) {
        return snapshot.single(sql);
    }
}
