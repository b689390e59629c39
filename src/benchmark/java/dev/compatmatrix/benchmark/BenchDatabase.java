package dev.compatmatrix.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database a benchmark runs on, chosen with {@code -Dbenchmark.database=duckdb|postgresql|both}: the generated
 * DuckDB file ({@link MatrixBenchmark#ensureDatabase}), or a database on a throwaway PostgreSQL server
 * ({@link PostgresTestServer}, one per JVM, gone when it ends) loaded with the same generated catalogue — the same
 * seed and model count, so every case reads the same models on both. The PostgreSQL catalogue is loaded once per JVM
 * and model count; writing benchmarks take scratch copies of either.
 *
 * @param kind       which database
 * @param properties the console's settings for it ({@code compat.db.*}), as {@link DatabaseConfig} takes them
 */
record BenchDatabase(DatabaseKind kind, DatabaseProperties properties) {

    /** The property that names the databases, and its default. */
    static final String PROPERTY = "benchmark.database";

    private static final Map<Integer, BenchDatabase> POSTGRES_CATALOGUES = new HashMap<>();

    /** The databases {@code -Dbenchmark.database} asks for, in the order they are measured. */
    static List<DatabaseKind> requested() {
        String value = System.getProperty(PROPERTY, "duckdb").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "duckdb" -> List.of(DatabaseKind.DUCKDB);
            case "postgresql", "postgres" -> List.of(DatabaseKind.POSTGRESQL);
            case "both" -> List.of(DatabaseKind.DUCKDB, DatabaseKind.POSTGRESQL);
            default ->
                throw new IllegalArgumentException(
                        "-D" + PROPERTY + " must be duckdb, postgresql or both; was " + value);
        };
    }

    /** Every database {@code -Dbenchmark.database} asks for, each holding the {@code models}-model catalogue. */
    static List<BenchDatabase> catalogues(int models) throws SQLException {
        List<BenchDatabase> databases = new java.util.ArrayList<>();
        for (DatabaseKind kind : requested()) {
            databases.add(catalogue(kind, models));
        }
        return databases;
    }

    /** The {@code models}-model benchmark catalogue on this database, generated when missing. */
    static synchronized BenchDatabase catalogue(DatabaseKind kind, int models) throws SQLException {
        if (kind == DatabaseKind.DUCKDB) {
            String path = MatrixBenchmark.databasePath(models);
            MatrixBenchmark.ensureDatabase(path, models);
            return duckdb(path);
        }
        BenchDatabase loaded = POSTGRES_CATALOGUES.get(models);
        if (loaded == null) {
            loaded = postgres(PostgresTestServer.shared().newDatabase("matrix_" + models));
            System.out.printf(
                    Locale.ROOT,
                    "Loading %,d models into PostgreSQL (%s) …%n",
                    models,
                    loaded.properties().url());
            try (Connection c = loaded.connect()) {
                var result = SyntheticDatabaseGenerator.generate(c, DatabaseKind.POSTGRESQL, models);
                System.out.printf(
                        Locale.ROOT,
                        "Loaded %,d rows in %.1f s (%,.0f rows/s, VACUUM ANALYZE included), database %,d MB%n",
                        result.rows(),
                        result.millis() / 1000.0,
                        result.rowsPerSecond(),
                        result.fileBytes() / (1024 * 1024));
            }
            POSTGRES_CATALOGUES.put(models, loaded);
        }
        return loaded;
    }

    static BenchDatabase duckdb(String path) {
        return new BenchDatabase(DatabaseKind.DUCKDB, new DatabaseProperties(path, 2, duckdbMemoryLimit(), 4));
    }

    /** DuckDB's memory limit for the console under benchmark: {@code -Dbenchmark.duckdb.memory}, else its default. */
    static String duckdbMemoryLimit() {
        return System.getProperty("benchmark.duckdb.memory", "1GB");
    }

    private static BenchDatabase postgres(String url) {
        // The console's default pool on PostgreSQL (DatabaseProperties): 10 connections.
        return new BenchDatabase(
                DatabaseKind.POSTGRESQL,
                new DatabaseProperties("", 0, "", 0, url, PostgresTestServer.USER, PostgresTestServer.PASSWORD));
    }

    /** "DuckDB" or "PostgreSQL", for tables. */
    String label() {
        return kind == DatabaseKind.DUCKDB ? "DuckDB" : "PostgreSQL";
    }

    /** Where the data lives: the file, or the JDBC URL. */
    String location() {
        return kind == DatabaseKind.DUCKDB ? properties.path() : properties.url();
    }

    /** A pool with the console's own settings (application.properties): DuckDB 2 threads, 1 GB (unless
     * {@code -Dbenchmark.duckdb.memory}), 4 connections. */
    HikariDataSource pool() {
        return DatabaseConfig.pooledDataSource(properties);
    }

    /** One plain connection, outside any pool. */
    Connection connect() throws SQLException {
        return kind == DatabaseKind.DUCKDB
                ? DriverManager.getConnection(
                        DatabaseConfig.jdbcUrl(properties.path()), DatabaseConfig.connectionOptions(properties))
                : DriverManager.getConnection(properties.url(), properties.username(), properties.password());
    }

    /**
     * A copy the writing benchmarks may change: the DuckDB file copied to {@code target/benchmark/<name>.duckdb}, or
     * a new PostgreSQL database made from this one as its template (every connection to this one must be closed).
     */
    BenchDatabase scratchCopy(String name) throws Exception {
        if (kind == DatabaseKind.DUCKDB) {
            Path copy = Path.of("target/benchmark/" + name + ".duckdb");
            Files.deleteIfExists(Path.of(copy + ".wal"));
            Files.copy(Path.of(properties.path()), copy, StandardCopyOption.REPLACE_EXISTING);
            return duckdb(copy.toString());
        }
        String source = properties.url().substring(properties.url().lastIndexOf('/') + 1);
        String url = PostgresTestServer.shared().newDatabase(name);
        String target = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(
                        PostgresTestServer.shared().url("postgres"), properties.username(), properties.password());
                var st = c.createStatement()) {
            st.execute("DROP DATABASE " + target);
            st.execute("CREATE DATABASE " + target + " TEMPLATE " + source);
        }
        return postgres(url);
    }

    /** The console's settings for this database as Spring Boot arguments ({@code --compat.db.…}). */
    List<String> springArguments() {
        return environment().entrySet().stream()
                .map(e -> "--" + e.getKey().toLowerCase(Locale.ROOT).replace('_', '.') + "=" + e.getValue())
                .sorted()
                .toList();
    }

    /** The console's settings for this database as the environment of a jar ({@code COMPAT_DB_…}). */
    Map<String, String> environment() {
        return kind == DatabaseKind.DUCKDB
                ? Map.of(
                        "COMPAT_DB_PATH",
                        Path.of(properties.path()).toAbsolutePath().toString(),
                        "COMPAT_DB_MEMORYLIMIT",
                        properties.memoryLimit())
                : Map.of(
                        "COMPAT_DB_URL", properties.url(),
                        "COMPAT_DB_USERNAME", properties.username(),
                        "COMPAT_DB_PASSWORD", properties.password());
    }
}
