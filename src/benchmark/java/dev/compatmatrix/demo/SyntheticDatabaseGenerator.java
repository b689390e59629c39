package dev.compatmatrix.demo;

import ch.qos.logback.classic.Level;
import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.demo.store.BulkLoader;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Command line: creates a new DuckDB file (or, from the benchmarks, fills an empty PostgreSQL database) with the schema, five validators and N synthetic models with their
 * validation trail ({@link SyntheticDataSet}), for benchmarks and load tests. No users are created, so the console cannot
 * log in to it without {@code compat.admin.*}.
 *
 * <pre>./mvnw -q -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=generator \
 *     -Dbenchmark.file=target/synthetic.duckdb -Dbenchmark.models=100000</pre>
 *
 * Everything goes in through DuckDB appenders (PostgreSQL: COPY), committed every {@value #COMMIT_EVERY} models: 100,000
 * models make 7.8 M rows (4.4 M history, 1.3 M performance results, 0.57 M reviews, 0.15 M automated results) and a
 * 254 MB file (written in one transaction; chunks leave free space in it), in about a minute on a busy 2-core machine;
 * 1,000,000 models ten times the rows and the CPU time (BENCHMARKS.md, "Issue 24: a million models"). Memory stays bounded at any size: model <i>i</i> is generated from the seed and <i>i</i>, written
 * and dropped, and no transaction holds more than one chunk. A DuckDB file is written under a temporary name and
 * renamed when complete, so a failed run leaves no file that looks finished.
 */
public final class SyntheticDatabaseGenerator {

    public static final int DEFAULT_MODELS = 100_000;
    /** Fixed, so every generated database with the same N is the same. */
    public static final long SEED = 20_261_101L;

    /**
     * Models per transaction, so that no transaction holds a million models' rows and index entries (history alone:
     * 44 M) as transaction-local state until its commit.
     */
    static final int COMMIT_EVERY = 50_000;

    private SyntheticDatabaseGenerator() {}

    /** What a run wrote. */
    public record Result(int models, long rows, long millis, long fileBytes) {

        public double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }
    }

    public static void main(String[] args) {
        quietLogging();
        String path = args.length > 0 ? args[0] : "target/synthetic.duckdb";
        int models = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : DEFAULT_MODELS;
        Result result = generate(path, models);
        System.out.printf(
                Locale.ROOT,
                "%s: %,d models, %,d rows in %.1f s (%,.0f rows/s), %,d MB%n",
                path,
                result.models(),
                result.rows(),
                result.millis() / 1000.0,
                result.rowsPerSecond(),
                result.fileBytes() / (1024 * 1024));
    }

    /**
     * Creates the database file at {@code path} with {@code n} synthetic models.
     *
     * @throws IllegalStateException when the file already exists (it is never overwritten)
     */
    public static Result generate(String path, int n) {
        return generate(path, n, COMMIT_EVERY);
    }

    /** {@link #generate(String, int)}, committing every {@code commitEvery} models. */
    static Result generate(String path, int n, int commitEvery) {
        Path file = Path.of(path).toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " already exists; delete it first");
        }
        Path partial = Path.of(path + ".partial");
        String url = DatabaseConfig.jdbcUrl(partial.toString());
        // Loading wants more memory than the console's default 1 GB; threads stay at 2 for a 2-core machine.
        var options = DatabaseConfig.connectionOptions(new DatabaseProperties(partial.toString(), 2, "4GB", 1));
        Result result;
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(Path.of(partial + ".wal"));
            try (Connection connection = DriverManager.getConnection(url, options)) {
                result = generate(connection, DatabaseKind.DUCKDB, n, commitEvery);
            }
            Files.move(partial, file);
            return new Result(n, result.rows(), result.millis(), Files.size(file));
        } catch (SQLException e) {
            throw new IllegalStateException("Generating " + file + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Migrates the empty database behind {@code connection} and loads {@code n} synthetic models into it, one
     * transaction per {@value #COMMIT_EVERY} models; then DuckDB folds its write-ahead log into the file, PostgreSQL gathers its planner statistics (as
     * after any bulk load: without them it plans the first hours' queries blind). {@code fileBytes} is the database's
     * size on disk.
     */
    public static Result generate(Connection connection, DatabaseKind kind, int n) throws SQLException {
        return generate(connection, kind, n, COMMIT_EVERY);
    }

    /** {@link #generate(Connection, DatabaseKind, int)}, committing every {@code commitEvery} models. */
    static Result generate(Connection connection, DatabaseKind kind, int n, int commitEvery) throws SQLException {
        long start = System.nanoTime();
        migrate(connection, kind);
        connection.setAutoCommit(false);
        long rows = load(connection, n, commitEvery, start);
        connection.commit();
        connection.setAutoCommit(true);
        long bytes = 0; // a DuckDB file's size is the caller's to read, once the connection is closed
        try (var statement = connection.createStatement()) {
            if (kind == DatabaseKind.DUCKDB) {
                statement.execute("CHECKPOINT");
            } else {
                statement.execute("VACUUM ANALYZE");
                try (var size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
                    size.next();
                    bytes = size.getLong(1);
                }
            }
        }
        return new Result(n, rows, (System.nanoTime() - start) / 1_000_000, bytes);
    }

    /**
     * Flyway over the one connection, so it runs with the same DuckDB options as the load; benchmarks also bring a
     * reused database up to date with it, as the console does at start.
     */
    public static void migrate(Connection connection) {
        migrate(connection, DatabaseKind.DUCKDB);
    }

    /** Flyway over the one connection, with that database's migrations. */
    public static void migrate(Connection connection, DatabaseKind kind) {
        var dataSource = new SingleConnectionDataSource(connection, true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(kind.migrationLocations())
                .load()
                .migrate();
    }

    private static long load(Connection connection, int n, int commitEvery, long start) throws SQLException {
        LocalDateTime now = DemoDataLoader.DEMO_NOW;
        var validators = DemoValidators.insert(
                new ValidatorRepository(JdbcClient.create(new SingleConnectionDataSource(connection, true))),
                now.minusDays(400));
        var dataSet = new SyntheticDataSet(validators, now, SEED);
        long rows = validators.size();
        int progressEvery = Math.max(10_000, n / 20);
        try (BulkLoader loader = new BulkLoader(connection)) {
            for (int i = 1; i <= n; i++) {
                GeneratedModel model = dataSet.model(i);
                loader.write(model, now);
                // models + cross_platform_compatibility + details + reviews + history + recommendations
                // + performance + automated results
                rows += 2
                        + model.claims().size()
                        + model.history().size()
                        + model.recommendations().size()
                        + model.performance().size()
                        + model.automatedResults().size();
                for (GeneratedModel.Claim claim : model.claims().values()) {
                    rows += claim.reviews().size();
                }
                if (i % commitEvery == 0) {
                    loader.flush();
                    connection.commit();
                }
                if (i % progressEvery == 0 || i == n) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "  %,9d models, %,11d rows, %6.1f s, %,9.0f rows/s%n",
                            i,
                            rows,
                            seconds,
                            rows / seconds);
                }
            }
        }
        return rows;
    }

    /**
     * Outside Spring Boot, Logback logs everything at DEBUG (Flyway, Hikari and Spring JDBC), which would
     * bury the progress lines.
     */
    public static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
