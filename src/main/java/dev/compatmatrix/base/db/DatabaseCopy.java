package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Copies a console database into an empty one, DuckDB to PostgreSQL or back, so a team that started on the embedded
 * file can move without losing history. The target gets its own migrations first (so its Flyway history is its
 * own), then every table's rows in one transaction: read from one consistent snapshot of the source, streamed, and
 * written through {@link TableAppender.Rows} (DuckDB's appender, PostgreSQL's COPY). PostgreSQL's foreign keys are
 * off while the rows go in and checked once at the end ({@link PostgresForeignKeys}), so the order of the tables does
 * not matter. Sequences end where the source's were, and past every copied id. It knows no feature: it copies whatever tables the migrations made.
 */
public final class DatabaseCopy {

    private static final String HISTORY = "flyway_schema_history";

    /**
     * Tables whose one row the migrations insert themselves (V0012: the data version's totals, the nightly job's lock
     * row): a migrated database that holds nothing else is still empty, and a copy that failed may be run again.
     */
    private static final java.util.Set<String> SEEDED_BY_MIGRATIONS =
            java.util.Set.of("matrix_version", "scheduled_job_locks");

    private static final int FETCH_SIZE = 10_000;
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([a-z0-9_]+)'");

    private DatabaseCopy() {}

    /** A copy that would lose or overwrite data, refused before anything was written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** How many rows one table received. */
    public record TableCopied(String table, long rows) {}

    /** What a copy wrote, table by table, and how long it took. */
    public record Result(List<TableCopied> tables, long millis) {

        public long rows() {
            return tables.stream().mapToLong(TableCopied::rows).sum();
        }
    }

    /**
     * Copies {@code from} into {@code to}, which must be empty (a new file, an empty PostgreSQL database, or one whose
     * only rows are Flyway's). Progress lines go to {@code progress}.
     *
     * @throws Refused when the target is not empty or the two are not the same schema version
     */
    public static Result copy(CopyEndpoint from, CopyEndpoint to, Consumer<String> progress) {
        long start = System.nanoTime();
        if (from.describe().equals(to.describe())) {
            throw new Refused("The source and the target are the same database: " + from.describe());
        }
        if (from.isMissingFile()) {
            throw new Refused("There is no database file at " + from.file());
        }
        List<TableCopied> copied = new ArrayList<>();
        try (Connection source = opened(from, true);
                Connection target = opened(to, false)) {
            refuseUnlessUpToDate(source, from);
            refuseUnlessEmpty(target, to);
            progress.accept("Migrating " + to.describe());
            migrate(target, to.kind());
            source.setAutoCommit(false);
            if (from.kind() == DatabaseKind.POSTGRESQL) {
                // Every table read from one snapshot, while other nodes may keep writing.
                source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                source.setReadOnly(true);
            }
            target.setAutoCommit(false);
            try {
                List<PostgresForeignKeys.ForeignKey> keys =
                        to.kind() == DatabaseKind.POSTGRESQL ? PostgresForeignKeys.drop(target) : List.of();
                for (String table : tablesToCopy(source, target)) {
                    long tableStart = System.nanoTime();
                    // The target was empty before it was migrated: rows in it now are the migrations' own seeds
                    // (such as the data version's totals row), and the source's rows replace them.
                    try (Statement seeds = target.createStatement()) {
                        seeds.executeUpdate("DELETE FROM " + table);
                    }
                    long rows = copyTable(source, target, table);
                    copied.add(new TableCopied(table, rows));
                    progress.accept(
                            String.format(Locale.ROOT, "%-30s %,12d rows  %6.1f s", table, rows, seconds(tableStart)));
                }
                continueSequences(source, from.kind(), target, to.kind());
                if (!keys.isEmpty()) {
                    long checked = System.nanoTime();
                    PostgresForeignKeys.add(target, keys);
                    progress.accept(String.format(
                            Locale.ROOT, "%d foreign keys checked in %.1f s", keys.size(), seconds(checked)));
                }
                long commit = System.nanoTime();
                target.commit();
                progress.accept(String.format(Locale.ROOT, "Committed in %.1f s", seconds(commit)));
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                source.rollback();
            }
            if (to.kind() == DatabaseKind.DUCKDB) {
                checkpoint(target, progress);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Copying " + from.describe() + " to " + to.describe() + " failed, nothing was committed: "
                            + e.getMessage(),
                    e);
        }
        if (to.kind() == DatabaseKind.DUCKDB) {
            DatabaseConfig.restrictFiles(to.file().toString());
        }
        return new Result(List.copyOf(copied), (System.nanoTime() - start) / 1_000_000);
    }

    /** Folds DuckDB's write-ahead log into the new file; without it, the first start replays the log instead. */
    private static void checkpoint(Connection target, Consumer<String> progress) {
        try (Statement statement = target.createStatement()) {
            target.setAutoCommit(true);
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            progress.accept("The copy is committed; the checkpoint after it failed (harmless): " + e.getMessage());
        }
    }

    private static Connection opened(CopyEndpoint endpoint, boolean reading) throws SQLException {
        try {
            return endpoint.open(reading);
        } catch (SQLException e) {
            throw new SQLException(
                    "Cannot open " + endpoint.describe() + " (a DuckDB file must not be in use by a"
                            + " running console): " + e.getMessage(),
                    e);
        }
    }

    /** The source must be a console database at exactly this console's schema version. */
    private static void refuseUnlessUpToDate(Connection source, CopyEndpoint from) throws SQLException {
        if (!tables(source).contains(HISTORY)) {
            throw new Refused(from.describe() + " is not a console database (it has no Flyway history)");
        }
        MigrationInfo[] migrations = flyway(source, from.kind()).info().all();
        List<String> pending = versions(migrations, "PENDING");
        List<String> unknown = versions(migrations, "FUTURE");
        if (!unknown.isEmpty()) {
            throw new Refused(from.describe() + " has migrations this console does not know (" + unknown
                    + "): copy it with the console version that made it");
        }
        if (!pending.isEmpty()) {
            throw new Refused(from.describe() + " lacks migrations " + pending
                    + ": start this console version on it once (it migrates at start), then copy");
        }
    }

    private static List<String> versions(MigrationInfo[] migrations, String statePrefix) {
        return java.util.Arrays.stream(migrations)
                .filter(m -> m.getState().name().startsWith(statePrefix) && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .toList();
    }

    private static void refuseUnlessEmpty(Connection target, CopyEndpoint to) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (String table : tables(target)) {
            if (!table.equals(HISTORY) && !SEEDED_BY_MIGRATIONS.contains(table) && hasRows(target, table)) {
                filled.add(table);
            }
        }
        if (!filled.isEmpty()) {
            throw new Refused("Refusing to copy into " + to.describe() + ": it is not empty (rows in " + filled
                    + "). Copy into a new DuckDB file or an empty PostgreSQL database.");
        }
    }

    private static void migrate(Connection target, DatabaseKind kind) {
        flyway(target, kind).migrate();
    }

    private static Flyway flyway(Connection connection, DatabaseKind kind) {
        return Flyway.configure()
                .dataSource(new SingleConnectionDataSource(connection, true))
                .locations(kind.migrationLocations())
                .load();
    }

    /** The target's tables but Flyway's history; the source must have the same ones, with the same columns. */
    private static List<String> tablesToCopy(Connection source, Connection target) throws SQLException {
        List<String> tables = new ArrayList<>(tables(target));
        tables.remove(HISTORY);
        List<String> sourceTables = new ArrayList<>(tables(source));
        sourceTables.remove(HISTORY);
        if (!sourceTables.equals(tables)) {
            throw new Refused("The source's tables " + sourceTables + " are not the target's " + tables);
        }
        for (String table : tables) {
            List<String> sourceColumns = columnNames(source, table);
            List<String> targetColumns = columnNames(target, table);
            if (!new java.util.HashSet<>(sourceColumns).equals(new java.util.HashSet<>(targetColumns))) {
                throw new Refused("The columns of " + table + " differ: " + sourceColumns + " in the source, "
                        + targetColumns + " in the target");
            }
        }
        return tables;
    }

    /** Streams one table's rows, in the target's column order; times as LocalDateTime (no time zone shift). */
    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        List<TableAppender.TableColumn> columns = TableAppender.readColumns(target, table);
        List<String> names =
                columns.stream().map(TableAppender.TableColumn::name).toList();
        boolean[] times = new boolean[columns.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = columns.get(i).type().toLowerCase(Locale.ROOT).startsWith("timestamp");
        }
        String select = "SELECT "
                + String.join(", ", names.stream().map(n -> '"' + n + '"').toList()) + " FROM " + table;
        long rows = 0;
        try (Statement statement = source.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(select);
                    TableAppender.Rows out = TableAppender.Rows.open(target, table, names)) {
                while (rs.next()) {
                    Object[] row = new Object[times.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = times[i] ? rs.getObject(i + 1, LocalDateTime.class) : rs.getObject(i + 1);
                    }
                    out.add(row);
                    rows++;
                }
            }
        }
        return rows;
    }

    /**
     * Each sequence of the target continues where the source's stopped, and in any case past the largest id of the
     * column it numbers, so the next row the console writes gets a new id.
     */
    private static void continueSequences(
            Connection source, DatabaseKind sourceKind, Connection target, DatabaseKind targetKind)
            throws SQLException {
        Map<String, Long> wanted = new HashMap<>(sequencePositions(source, sourceKind));
        wanted.keySet().retainAll(sequencePositions(target, targetKind).keySet());
        for (Map.Entry<String, Long> numbered : largestNumberedIds(target).entrySet()) {
            wanted.merge(numbered.getKey(), numbered.getValue(), Math::max);
        }
        Map<String, Long> current = sequencePositions(target, targetKind);
        for (Map.Entry<String, Long> sequence : wanted.entrySet()) {
            long draws = sequence.getValue() - current.getOrDefault(sequence.getKey(), 0L);
            if (draws > 0) {
                advance(target, targetKind, sequence.getKey(), sequence.getValue(), draws);
            }
        }
    }

    /** The last value each sequence handed out (0: none yet). */
    private static Map<String, Long> sequencePositions(Connection connection, DatabaseKind kind) throws SQLException {
        String sql = kind == DatabaseKind.POSTGRESQL
                ? "SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = current_schema()"
                : "SELECT sequence_name, coalesce(last_value, 0) FROM duckdb_sequences()"
                        + " WHERE schema_name = current_schema()";
        Map<String, Long> positions = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                positions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return positions;
    }

    /** Per sequence, the largest id in the column whose default draws from it. */
    private static Map<String, Long> largestNumberedIds(Connection connection) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT table_name, column_name, column_default FROM information_schema.columns
                        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'""")) {
            while (rs.next()) {
                Matcher sequence = NEXTVAL.matcher(rs.getString(3));
                if (sequence.find()) {
                    columns.put(
                            sequence.group(1),
                            "SELECT coalesce(max(\"" + rs.getString(2) + "\"), 0) FROM " + rs.getString(1));
                }
            }
        }
        Map<String, Long> largest = new HashMap<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(column.getValue())) {
                rs.next();
                largest.put(column.getKey(), rs.getLong(1));
            }
        }
        return largest;
    }

    /** PostgreSQL sets a sequence; DuckDB has no setval, so the values are drawn, in one statement. */
    private static void advance(Connection target, DatabaseKind kind, String sequence, long to, long draws)
            throws SQLException {
        if (!sequence.matches("[a-z0-9_]+")) {
            throw new IllegalStateException("Unexpected sequence name " + sequence);
        }
        boolean postgres = kind == DatabaseKind.POSTGRESQL;
        try (PreparedStatement statement = target.prepareStatement(
                postgres
                        ? "SELECT setval('" + sequence + "', ?)"
                        : "SELECT count(nextval('" + sequence + "')) FROM range(?)")) {
            statement.setLong(1, postgres ? to : draws);
            // Read to the end: DuckDB streams results, and a result closed unread interrupts its query.
            try (ResultSet drawn = statement.executeQuery()) {
                drawn.next();
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columnNames(Connection connection, String table) throws SQLException {
        return TableAppender.readColumns(connection, table).stream()
                .map(TableAppender.TableColumn::name)
                .toList();
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
