package dev.compatmatrix.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.catalog.ModelType;
import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.ModelDetailsQuery;
import dev.compatmatrix.compatibility.query.ModelOverview;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.history.query.HistoryQuery;
import dev.compatmatrix.recommendation.query.RecommendationQuery;
import dev.compatmatrix.validation.repository.ReviewRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.duckdb.DuckDBDriver;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Latency of the matrix's read paths at 100,000 synthetic models, each beside the same SQL over plain JDBC.
 * See BENCHMARKS.md for the method and the figures. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@matrix-benchmark} (or {@code ./mvnw -Pbenchmark verify}).
 *
 * <p>Arguments (all optional): models (100000), measured iterations per case (200), warm-up iterations (50).
 * The database is generated once into {@code target/benchmark/} and reused while it has that many models.
 *
 * <p>Single-threaded on purpose: it measures what one user waits for, not throughput. App and raw runs
 * alternate (and alternate which goes first), so machine noise and caches hit both alike.
 */
public final class MatrixBenchmark {

    private static final int PAGE = 50;
    private static final double TARGET_P95_MS = 50;
    private static final double TARGET_RATIO = 1.5;
    /** Model pages rotate through this many models, so no single model's blocks stay hot. */
    private static final int MODEL_SAMPLE = 64;

    /**
     * One measured case: the application's path and the same SQL over plain JDBC, each returning rows read.
     * {@code page} is the main statement of a matrix page (explained when the page misses its target), or
     * null for cases the page target does not apply to.
     */
    private record Case(String name, MatrixQuery.Statement page, Callable<Integer> app, Callable<Integer> raw) {
    }

    /** Percentiles of one case, in milliseconds. */
    private record Result(Case benchCase, int rows, double appP50, double appP95, double rawP50, double rawP95) {

        double ratioP50() {
            return appP50 / rawP50;
        }

        double ratioP95() {
            return appP95 / rawP95;
        }

        boolean metTarget() {
            return appP95 <= TARGET_P95_MS && ratioP95() <= TARGET_RATIO;
        }
    }

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : SyntheticDatabaseGenerator.DEFAULT_MODELS;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;

        String path = "target/benchmark/matrix-" + (models % 1000 == 0 ? models / 1000 + "k" : models) + ".duckdb";
        ensureDatabase(path, models);
        // The console's own settings (application.properties): 2 threads, 1 GB, a pool of 4.
        var props = new DatabaseProperties(path, 2, "1GB", 4);
        try (HikariDataSource dataSource = DatabaseConfig.pooledDataSource(props)) {
            var benchmark = new MatrixBenchmark(dataSource);
            benchmark.describe(path);
            List<Result> results = new ArrayList<>();
            for (Case c : benchmark.cases(models)) {
                results.add(measure(c, iterations, warmup));
            }
            printTable(results, iterations, warmup);
            for (Result r : results) {
                if (r.benchCase().page() != null && !r.metTarget()) {
                    benchmark.explain(r.benchCase());
                }
            }
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MatrixQuery matrix;
    private final CompatibilityService service;
    private final TransactionTemplate readOnly;
    private final Raw raw;

    private MatrixBenchmark(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.matrix = new MatrixQuery(jdbc, java.time.Clock.systemUTC(), 180);
        // Built by hand, so Spring Security's method check does not apply; the transaction is added below.
        this.service = new CompatibilityService(matrix, new ModelDetailsQuery(jdbc), new RecommendationQuery(jdbc),
                new HistoryQuery(jdbc), new ModelRepository(jdbc, new dev.compatmatrix.base.db.TableAppender(dataSource, jdbc)), new ReviewRepository(jdbc),
                new dev.compatmatrix.history.query.HistorySearch(jdbc), java.time.Clock.systemUTC(),
                new dev.compatmatrix.recommendation.query.PerformanceQuery(jdbc));
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.raw = new Raw(dataSource, matrix);
    }

    /** Reuses the database when it has exactly {@code models} models; otherwise generates it afresh. */
    static void ensureDatabase(String path, int models) throws SQLException {
        Path file = Path.of(path);
        if (Files.exists(file)) {
            var options = DatabaseConfig.connectionOptions(new DatabaseProperties(path, 2, "1GB", 1));
            try (Connection c = DriverManager.getConnection(DatabaseConfig.jdbcUrl(path), options);
                 var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM models")) {
                rs.next();
                if (rs.getLong(1) == models) {
                    System.out.printf(Locale.ROOT, "Reusing %s (%,d models)%n", path, models);
                    return;
                }
            } catch (SQLException e) {
                System.out.println("Cannot reuse " + path + " (" + e.getMessage() + "); generating it again");
            }
            try {
                Files.delete(file);
                Files.deleteIfExists(Path.of(path + ".wal"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.printf(Locale.ROOT, "Generating %s with %,d models …%n", path, models);
        var result = SyntheticDatabaseGenerator.generate(path, models);
        System.out.printf(Locale.ROOT, "Generated %,d rows in %.1f s (%,.0f rows/s), file %,d MB%n", result.rows(),
                result.millis() / 1000.0, result.rowsPerSecond(), result.fileBytes() / (1024 * 1024));
    }

    private List<Case> cases(int models) {
        var typeAndCuda = new MatrixFilter(null, null, ModelType.TEXT_GENERATION, null,
                Map.of(Platform.CUDA, PlatformState.SUPPORTED), null, null);
        var familyAndScore = new MatrixFilter(null, "llama", null, null, Map.of(), null, 0.5);
        List<Object[]> sample = jdbc.sql("SELECT model_id, model_name FROM models ORDER BY model_id")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
        String[] names = new String[MODEL_SAMPLE];
        for (int i = 0; i < MODEL_SAMPLE; i++) {
            names[i] = (String) sample.get((int) ((long) i * sample.size() / MODEL_SAMPLE))[1];
        }
        int deep = models / 10 * 9; // 90,000 at 100,000 models
        var firstPage = matrix.pageStatement(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, PAGE);
        int[] turn = {0};
        return List.of(
                pageCase("first page, by name", MatrixFilter.NONE, 0),
                pageCase("two filters: type + CUDA supported", typeAndCuda, 0),
                pageCase("two filters: family + score ≥ 0.5", familyAndScore, 0),
                pageCase("page at offset %,d".formatted(deep), MatrixFilter.NONE, deep),
                pageCase("page at offset %,d".formatted(models / 2), MatrixFilter.NONE, models / 2),
                // The first deep page after a claim write: the filter's members are read again and laid over the
                // kept name order; the raw path sorts, as the SQL alone must.
                firstVisitCase("page at offset %,d, first visit after a claim write".formatted(deep), MatrixFilter.NONE,
                        deep, matrix::clearCache),
                firstVisitCase("two filters at offset %,d, first visit after a claim write".formatted(deep / 5),
                        typeAndCuda, deep / 5, matrix::clearCache),
                // After a model was added, renamed or deleted the name order itself is read again.
                firstVisitCase("page at offset %,d, first visit after a model write".formatted(deep), MatrixFilter.NONE,
                        deep, matrix::clearAllCaches),
                // What MatrixView gets: the service adds a read-only transaction around the same query.
                new Case("first page via service (read-only tx)", firstPage,
                        () -> readOnly.execute(s -> service.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, PAGE)).size(),
                        () -> raw.page(MatrixFilter.NONE, 0)),
                countCase("row count, no filter", MatrixFilter.NONE),
                countCase("row count, type + CUDA supported", typeAndCuda),
                // One turn per call; the app and raw calls of an iteration read the same model.
                new Case("model page (header, claims, recommendations, history)", null,
                        () -> modelPage(names[turn[0]++ / 2 % MODEL_SAMPLE]),
                        () -> raw.modelPage(names[turn[0]++ / 2 % MODEL_SAMPLE])));
    }

    private Case pageCase(String name, MatrixFilter filter, int offset) {
        var statement = offset < MatrixQuery.DEEP_OFFSET ? matrix.pageStatement(filter, MatrixSort.BY_NAME, offset, PAGE)
                : matrix.orderedIdsStatement(filter, MatrixSort.BY_NAME);
        return new Case(name, statement, () -> matrix.page(filter, MatrixSort.BY_NAME, offset, PAGE).size(),
                () -> raw.page(filter, offset));
    }

    /** A deep page whose cached ordering a write has just made stale ({@code forget} drops what the write would). */
    private Case firstVisitCase(String name, MatrixFilter filter, int offset, Runnable forget) {
        return new Case(name, matrix.orderedIdsStatement(filter, MatrixSort.BY_NAME), () -> {
            forget.run();
            return matrix.page(filter, MatrixSort.BY_NAME, offset, PAGE).size();
        }, () -> raw.firstVisit(filter, offset));
    }

    private Case countCase(String name, MatrixFilter filter) {
        return new Case(name, null, () -> (int) matrix.count(filter), () -> raw.count(matrix.countStatement(filter)));
    }

    /** DuckDB's profile of a page's main statement: where the time goes. */
    private void explain(Case c) throws SQLException {
        System.out.printf("%nEXPLAIN ANALYZE of \"%s\" (its page query; the claims query follows it):%n", c.name());
        try (Connection connection = dataSource.getConnection()) {
            for (Object[] row : Raw.query(connection, "EXPLAIN ANALYZE " + c.page().sql(), c.page().params()).values()) {
                System.out.println(row[1]);
            }
        }
    }

    /** What the model page loads: CompatibilityService.modelOverview in its read-only transaction. */
    private int modelPage(String name) {
        ModelOverview overview = readOnly.execute(s -> service.modelOverview(name).orElseThrow());
        return 1 + overview.claims().size() + overview.recommendations().size() + overview.history().size()
                + overview.reviews().size();
    }

    private static Result measure(Case c, int iterations, int warmup) throws Exception {
        double[] app = new double[iterations];
        double[] raw = new double[iterations];
        int appRows = -1;
        int rawRows = -1;
        for (int i = -warmup; i < iterations; i++) {
            boolean appFirst = (i & 1) == 0;
            long t0 = System.nanoTime();
            int first = (appFirst ? c.app() : c.raw()).call();
            long t1 = System.nanoTime();
            int second = (appFirst ? c.raw() : c.app()).call();
            long t2 = System.nanoTime();
            if (i >= 0) {
                app[i] = (appFirst ? t1 - t0 : t2 - t1) / 1e6;
                raw[i] = (appFirst ? t2 - t1 : t1 - t0) / 1e6;
            }
            appRows = appFirst ? first : second;
            rawRows = appFirst ? second : first;
        }
        // Both paths must have read the same thing, or the comparison means nothing.
        if (appRows != rawRows) {
            throw new IllegalStateException(c.name() + ": app read " + appRows + " rows, raw " + rawRows);
        }
        Arrays.sort(app);
        Arrays.sort(raw);
        var result = new Result(c, appRows, percentile(app, 50), percentile(app, 95), percentile(raw, 50),
                percentile(raw, 95));
        System.out.printf(Locale.ROOT, "  %-55s app %6.2f / %6.2f ms   raw %6.2f / %6.2f ms   ratio %.2f / %.2f%n",
                c.name(), result.appP50(), result.appP95(), result.rawP50(), result.rawP95(), result.ratioP50(),
                result.ratioP95());
        return result;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private void describe(String path) throws IOException {
        System.out.printf(Locale.ROOT, "%nMachine: %s %s, %d cores (%s), load average %s; JDK %s; DuckDB %s (%s)%n",
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage(),
                System.getProperty("java.vm.version"),
                jdbc.sql("SELECT library_version FROM pragma_version()").query(String.class).single(),
                // The driver reports "1.0" as its version; its jar's name says which one it is.
                Path.of(DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName());
        System.out.printf(Locale.ROOT, "Database: %s, %,d MB%n", path, Files.size(Path.of(path)) / (1024 * 1024));
        for (String table : List.of("models", "cross_platform_compatibility", "compatibility_details",
                "compatibility_history", "hardware_recommendations", "validators")) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
            System.out.printf(Locale.ROOT, "  %-30s %,12d rows%n", table, rows);
        }
        System.out.println(jdbc.sql("""
                        SELECT printf('  cells not tested: %.1f %%; history rows per claim: min %d, avg %.2f; families: %d',
                               100 - 100.0 * (SELECT count(*) FROM compatibility_details) / (8 * (SELECT count(*) FROM models)),
                               min(n), avg(n), (SELECT count(DISTINCT model_family) FROM models))
                        FROM (SELECT count(*) AS n FROM compatibility_history GROUP BY model_id, hardware_type)
                        """).query(String.class).single());
        System.out.println();
    }

    /** Other work on the machine skews every figure; the 1-minute load average says how much there was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static void printTable(List<Result> results, int iterations, int warmup) {
        System.out.printf(Locale.ROOT, "%n%d measured iterations per path after %d warm-up; times in ms; "
                + "ratio = app / raw JDBC at the same percentile.%n%n", iterations, warmup);
        System.out.println("| Case | rows | app p50 | app p95 | raw p50 | raw p95 | ratio p50 | ratio p95 | target |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Result r : results) {
            String target = r.benchCase().page() == null ? "—" : r.metTarget() ? "met" : "**missed**";
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n",
                    r.benchCase().name(), r.rows(), r.appP50(), r.appP95(), r.rawP50(), r.rawP95(), r.ratioP50(),
                    r.ratioP95(), target);
        }
        System.out.printf(Locale.ROOT, "%nTarget for matrix pages: app p95 ≤ %.0f ms and ≤ %.1f× raw JDBC. "
                + "Load average at the end: %s.%n", TARGET_P95_MS, TARGET_RATIO, loadAverage());
    }

    /**
     * The same statements over plain JDBC: a connection from the same pool, a PreparedStatement with the
     * named parameters turned into {@code ?} by Spring's NamedParameterUtils (as JdbcClient does), and every
     * column of every row read with getObject.
     */
    private static final class Raw {

        private final DataSource dataSource;

        private final MatrixQuery matrix;
        private final Map<MatrixFilter, int[]> orderedIds = new java.util.HashMap<>();

        Raw(DataSource dataSource, MatrixQuery matrix) {
            this.dataSource = dataSource;
            this.matrix = matrix;
        }

        /**
         * A matrix page as MatrixQuery.page reads it. A shallow page: its ordered ids, then those models'
         * rows. A deep page with the ordered id list cached: the data version, then the rows of the slice
         * (the slice comes from the app's list, read once outside the timing).
         */
        int page(MatrixFilter filter, int offset) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                if (offset < MatrixQuery.DEEP_OFFSET) {
                    var ids = matrix.pageStatement(filter, MatrixSort.BY_NAME, offset, PAGE);
                    return rows(c, query(c, ids.sql(), ids.params()).values().stream().map(r -> r[0]).toList());
                }
                query(c, MatrixQuery.VERSION_SQL, Map.of());
                // Read in the first warm-up call, then reused: the cache hit the app path gets.
                int[] ordered = orderedIds.computeIfAbsent(filter, f -> matrix.orderedIds(f, MatrixSort.BY_NAME));
                return rows(c, slice(ordered, offset));
            }
        }

        /** A deep page's first visit: the data version, the whole ordered id list, then the slice's rows. */
        int firstVisit(MatrixFilter filter, int offset) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                query(c, MatrixQuery.VERSION_SQL, Map.of());
                var all = matrix.orderedIdsStatement(filter, MatrixSort.BY_NAME);
                int[] ordered = query(c, all.sql(), all.params()).values().stream()
                        .mapToInt(r -> ((Number) r[0]).intValue()).toArray();
                return rows(c, slice(ordered, offset));
            }
        }

        private static List<Object> slice(int[] ordered, int offset) {
            return Arrays.stream(ordered, Math.min(offset, ordered.length), Math.min(ordered.length, offset + PAGE))
                    .boxed().map(Object.class::cast).toList();
        }

        /** One row per claim: the page's size is its number of distinct models. */
        private int rows(Connection c, List<Object> ids) throws SQLException {
            if (ids.isEmpty()) {
                return 0;
            }
            return (int) query(c, MatrixQuery.ROWS_SQL, Map.of("ids", ids, "staleBefore", matrix.staleBefore())).values().stream()
                    .map(row -> row[0]).distinct().count();
        }

        int count(MatrixQuery.Statement statement) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                return ((Number) query(c, statement.sql(), statement.params()).values().getFirst()[0]).intValue();
            }
        }

        /** The model page's four statements on one connection. */
        int modelPage(String name) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                Rows header = query(c, ModelDetailsQuery.HEADER_SQL, Map.of("name", name));
                Object modelId = header.values().getFirst()[header.column("model_id")];
                return 1 + query(c, ModelDetailsQuery.CLAIMS_SQL, Map.of("modelId", modelId)).values().size()
                        + query(c, RecommendationQuery.FOR_MODEL_SQL, Map.of("modelId", modelId)).values().size()
                        + query(c, HistoryQuery.FOR_MODEL_SQL, Map.of("modelId", modelId, "limit", CompatibilityService.MODEL_HISTORY_LIMIT)).values().size()
                        + query(c, ReviewRepository.FOR_MODEL_SQL, Map.of("modelId", modelId)).values().size();
            }
        }

        private static Rows query(Connection c, String namedSql, Map<String, ?> params) throws SQLException {
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

        private record Rows(List<String> labels, List<Object[]> values) {

            boolean isEmpty() {
                return values.isEmpty();
            }

            int column(String label) {
                return labels.indexOf(label);
            }
        }
    }
}
