package dev.compatmatrix.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.history.query.HistoryQuery;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.store.ReviewRepository;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.modelpage.query.ModelDetailsQuery;
import dev.compatmatrix.modelpage.query.ModelOverview;
import dev.compatmatrix.recommendation.query.RecommendationQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Latency of the matrix's read paths at 100,000 synthetic models, each beside the same SQL over plain JDBC:
 * first page, filters, text search, every sort column, deep pages, the count and the model page. See BENCHMARKS.md
 * for the method and the figures; {@link Bench} and {@link RawJdbc} hold what the read-path benchmarks share. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=matrix} (or {@code ./mvnw -Pbenchmark verify}).
 *
 * <p>Arguments (all optional): models (100000), measured iterations per case (200), warm-up iterations (50).
 * The database is generated once into {@code target/benchmark/} and reused while it has that many models.
 *
 * <p>Single-threaded on purpose: it measures what one user waits for, not throughput. App and raw runs
 * alternate (and alternate which goes first), so machine noise and caches hit both alike.
 */
public final class MatrixBenchmark {

    private static final int PAGE = 50;
    /** Model pages rotate through this many models, so no single model's blocks stay hot. */
    private static final int MODEL_SAMPLE = 64;

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        int iterations = Bench.intArg(args, 1, 200);
        int warmup = Bench.intArg(args, 2, 50);

        List<BenchDatabase> databases = BenchDatabase.catalogues(models);
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            List<List<Bench.Case>> cases = new ArrayList<>();
            for (BenchDatabase database : databases) {
                HikariDataSource pool = database.pool();
                pools.add(pool);
                var benchmark = new MatrixBenchmark(pool);
                benchmark.describe(database);
                cases.add(benchmark.cases(models));
            }
            Bench.runSideBySide(databases, pools, cases, iterations, warmup);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    private final JdbcClient jdbc;
    private final MatrixQuery matrix;
    private final CompatibilityService service;
    private final ModelPageService modelPage;
    private final TransactionTemplate readOnly;
    private final Raw raw;

    private MatrixBenchmark(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.matrix = new MatrixQuery(jdbc, dataSource, new Staleness(java.time.Clock.systemUTC(), 180));
        // Built by hand, so Spring Security's method check does not apply; the transaction is added below.
        var clock = java.time.Clock.systemUTC();
        this.service = new CompatibilityService(
                matrix,
                new dev.compatmatrix.compatibility.query.AsOfMatrixQuery(
                        jdbc, matrix, new Staleness(clock, 180), clock),
                new dev.compatmatrix.matrix.query.LevelSinceQuery(jdbc),
                new dev.compatmatrix.matrix.time.TimePoints(
                        new dev.compatmatrix.matrix.query.SnapshotQuery(jdbc), clock),
                new dev.compatmatrix.matrix.query.SnapshotQuery(jdbc),
                new ModelRepository(jdbc, new dev.compatmatrix.base.db.TableAppender(dataSource, jdbc)),
                clock,
                new dev.compatmatrix.prediction.query.ShownPredictionsQuery(jdbc),
                new dev.compatmatrix.feedback.query.OpenReportsQuery(jdbc));
        this.modelPage = new ModelPageService(
                matrix,
                new ModelDetailsQuery(jdbc),
                new RecommendationQuery(jdbc),
                new HistoryQuery(jdbc),
                new ReviewRepository(jdbc),
                new HistorySearch(jdbc),
                java.time.Clock.systemUTC(),
                new dev.compatmatrix.recommendation.query.PerformanceQuery(jdbc),
                new dev.compatmatrix.matrix.query.ClaimMarksQuery(jdbc),
                new dev.compatmatrix.matrix.query.LevelSinceQuery(jdbc),
                new dev.compatmatrix.prediction.query.ShownPredictionsQuery(jdbc),
                new dev.compatmatrix.prediction.query.PlatformEvaluationQuery(
                        jdbc, new tools.jackson.databind.json.JsonMapper()),
                new dev.compatmatrix.modelpage.query.CellAutomatedResultsQuery(jdbc));
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.raw = new Raw(dataSource, matrix);
    }

    /** The tables whose row counts the benchmarks print. */
    static final List<String> TABLES = List.of(
            "models",
            "cross_platform_compatibility",
            "compatibility_details",
            "compatibility_history",
            "validation_reviews",
            "automated_results",
            "hardware_recommendations",
            "performance_results",
            "validators");

    /**
     * Where the benchmark database with this many models lives for the DuckDB on the class path, e.g.
     * {@code target/benchmark/matrix-100k-duckdb-v2.0.0.duckdb}: a file written by DuckDB 2.0 does not open in 1.4,
     * so comparing versions ({@code -Dduckdb.version=…}) takes one file per version.
     */
    static String databasePath(int models) {
        return "target/benchmark/matrix-" + sizeLabel(models) + "-duckdb-" + Bench.duckdbVersion() + ".duckdb";
    }

    /** 10k, 100k, 1m …: each size its own cached file, so that several sizes coexist. */
    static String sizeLabel(int models) {
        if (models >= 1_000_000 && models % 1_000_000 == 0) {
            return models / 1_000_000 + "m";
        }
        return models % 1000 == 0 ? models / 1000 + "k" : String.valueOf(models);
    }

    /**
     * Reuses the database when it has exactly {@code models} models, after the migrations it lacks (as the console
     * runs them at start); otherwise generates it afresh.
     */
    static void ensureDatabase(String path, int models) throws SQLException {
        Path file = Path.of(path);
        if (Files.exists(file)) {
            var options = DatabaseConfig.connectionOptions(new DatabaseProperties(path, 2, "1GB", 1));
            try (Connection c = DriverManager.getConnection(DatabaseConfig.jdbcUrl(path), options);
                    var st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM models")) {
                rs.next();
                if (rs.getLong(1) == models) {
                    SyntheticDatabaseGenerator.migrate(c);
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
        System.out.printf(
                Locale.ROOT,
                "Generated %,d rows in %.1f s (%,.0f rows/s), file %,d MB%n",
                result.rows(),
                result.millis() / 1000.0,
                result.rowsPerSecond(),
                result.fileBytes() / (1024 * 1024));
    }

    private List<Bench.Case> cases(int models) {
        var typeAndCuda = new MatrixFilter(
                null,
                null,
                ModelType.TEXT_GENERATION,
                null,
                Map.of(Platform.CUDA, PlatformState.SUPPORTED),
                null,
                null);
        var familyAndScore = new MatrixFilter(null, "llama", null, null, Map.of(), null, 0.5);
        // Text search (the q= of the matrix URL): a family name that also matches names, and a fragment of a few names.
        var searchFamily = new MatrixFilter("llama", null, null, null, Map.of(), null, null);
        var searchFragment = new MatrixFilter("-0421", null, null, null, Map.of(), null, null);
        java.util.function.Supplier<String> model = Bench.pairedTurns(Bench.sampleNames(jdbc, MODEL_SAMPLE));
        int deep = models / 10 * 9; // 90,000 at 100,000 models
        List<Bench.Case> cases = new ArrayList<>(List.of(
                pageCase("first page, by name", MatrixFilter.NONE, MatrixSort.BY_NAME, 0),
                pageCase("two filters: type + CUDA supported", typeAndCuda, MatrixSort.BY_NAME, 0),
                pageCase("two filters: family + score ≥ 0.5", familyAndScore, MatrixSort.BY_NAME, 0),
                pageCase("text search q=llama", searchFamily, MatrixSort.BY_NAME, 0),
                pageCase("text search q=-0421", searchFragment, MatrixSort.BY_NAME, 0),
                pageCase("page at offset %,d".formatted(deep), MatrixFilter.NONE, MatrixSort.BY_NAME, deep),
                pageCase("page at offset %,d".formatted(models / 2), MatrixFilter.NONE, MatrixSort.BY_NAME, models / 2),
                // The first deep page after a claim write: the filter's members are read again and laid over the
                // kept name order; the raw path sorts, as the SQL alone must.
                firstVisitCase(
                        "page at offset %,d, first visit after a claim write".formatted(deep),
                        MatrixFilter.NONE,
                        deep,
                        matrix::clearCache),
                firstVisitCase(
                        "two filters at offset %,d, first visit after a claim write".formatted(deep / 5),
                        typeAndCuda,
                        deep / 5,
                        matrix::clearCache),
                // After a model was added, renamed or deleted the name order itself is read again.
                firstVisitCase(
                        "page at offset %,d, first visit after a model write".formatted(deep),
                        MatrixFilter.NONE,
                        deep,
                        matrix::clearAllCaches),
                // What MatrixView gets: the service adds a read-only transaction around the same query.
                new Bench.Case(
                        "first page via service (read-only tx)",
                        Bench.Target.MATRIX_PAGE,
                        explain(MatrixFilter.NONE, MatrixSort.BY_NAME, 0),
                        () -> readOnly.execute(s -> service.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, PAGE))
                                .size(),
                        () -> raw.page(MatrixFilter.NONE, MatrixSort.BY_NAME, 0)),
                countCase("row count, no filter", MatrixFilter.NONE),
                countCase("row count, type + CUDA supported", typeAndCuda),
                countCase("row count, q=llama", searchFamily),
                // The app and raw calls of an iteration read the same model.
                new Bench.Case(
                        "model page (header, claims, recommendations, history, reviews)",
                        null,
                        List.of(),
                        () -> modelPage(model.get()),
                        () -> raw.modelPage(model.get()))));
        // The grid's first click on every sortable column: ascending, the first page.
        List<String> keys = new ArrayList<>(Arrays.stream(MatrixSort.Column.values())
                .map(MatrixSort.Column::key)
                .filter(key -> !key.equals("name"))
                .toList());
        Arrays.stream(Platform.values()).map(Platform::key).forEach(keys::add);
        for (String key : keys) {
            cases.add(pageCase("first page, sorted by " + key, MatrixFilter.NONE, new MatrixSort(key, false), 0));
        }
        // Before and after V0023 in one run: "app" reads the page's ids from the matrix row alone (the model's columns
        // copied there), "raw" with the statement as it was, joining models and sorting by their columns.
        List<MatrixSort> sorts = new ArrayList<>(
                keys.stream().map(key -> new MatrixSort(key, false)).toList());
        for (String key : List.of("family", "score", "cuda")) {
            sorts.add(new MatrixSort(key, true));
        }
        for (MatrixSort sort : sorts) {
            comparison(cases, sort.key() + (sort.descending() ? " descending" : ""), MatrixFilter.NONE, sort);
        }
        for (MatrixFilter search : List.of(searchFamily, searchFragment)) {
            // Text search in name order by an expression (app) vs by the name column, which PostgreSQL's index serves.
            cases.add(new Bench.Case(
                    "first page, text q=%s: name order no index serves (app) vs the name column (raw)"
                            .formatted(search.text()),
                    null,
                    explain(search, MatrixSort.BY_NAME, 0),
                    () -> matrix.page(search, MatrixSort.BY_NAME, 0, PAGE).size(),
                    () -> raw.pageByNameColumn(search)));
        }
        comparison(cases, "text q=llama", searchFamily, MatrixSort.BY_NAME);
        comparison(cases, "text q=-0421", searchFragment, MatrixSort.BY_NAME);
        cases.add(new Bench.Case(
                "page at offset %,d after a model write: names of the matrix row (app) vs of models (raw)"
                        .formatted(deep),
                null,
                List.of(),
                () -> {
                    matrix.clearAllCaches();
                    return matrix.page(MatrixFilter.NONE, MatrixSort.BY_NAME, deep, PAGE)
                            .size();
                },
                () -> raw.firstVisitJoiningModels(deep)));
        // Before and after V0009 in one run: "raw" here is the platform sort as it was, joining that platform's
        // claims; the ratio is after / before.
        for (Platform platform : List.of(Platform.CUDA, Platform.WEBNN)) {
            var sort = new MatrixSort(platform.key(), false);
            cases.add(new Bench.Case(
                    "first page, sorted by %s: level rank (app) vs joining its claims (raw)".formatted(platform.key()),
                    null,
                    List.of(),
                    () -> matrix.page(MatrixFilter.NONE, sort, 0, PAGE).size(),
                    () -> raw.pageJoiningClaims(platform)));
        }
        return cases;
    }

    /** A first page read from the matrix row alone (app) and as before V0023, joining models (raw). */
    private void comparison(List<Bench.Case> cases, String name, MatrixFilter filter, MatrixSort sort) {
        cases.add(new Bench.Case(
                "first page, %s: matrix row alone (app) vs joining models (raw)".formatted(name),
                null,
                explain(filter, sort, 0),
                () -> matrix.page(filter, sort, 0, PAGE).size(),
                () -> raw.pageJoiningModels(filter, sort)));
    }

    private Bench.Case pageCase(String name, MatrixFilter filter, MatrixSort sort, int offset) {
        return new Bench.Case(
                name,
                Bench.Target.MATRIX_PAGE,
                explain(filter, sort, offset),
                () -> matrix.page(filter, sort, offset, PAGE).size(),
                () -> raw.page(filter, sort, offset));
    }

    /** A deep page whose cached ordering a write has just made stale ({@code forget} drops what the write would). */
    private Bench.Case firstVisitCase(String name, MatrixFilter filter, int offset, Runnable forget) {
        return new Bench.Case(
                name,
                Bench.Target.MATRIX_PAGE,
                explain(filter, MatrixSort.BY_NAME, offset),
                () -> {
                    forget.run();
                    return matrix.page(filter, MatrixSort.BY_NAME, offset, PAGE).size();
                },
                () -> raw.firstVisit(filter, offset));
    }

    /** A page's two statements: its ordered ids (the page's, or the whole list for a deep page), then their rows. */
    private List<Bench.Sql> explain(MatrixFilter filter, MatrixSort sort, int offset) {
        try {
            return statements(filter, sort, offset);
        } catch (RuntimeException e) {
            return List.of(); // the case itself fails and says why
        }
    }

    private List<Bench.Sql> statements(MatrixFilter filter, MatrixSort sort, int offset) {
        var ids = offset < MatrixQuery.DEEP_OFFSET
                ? matrix.pageStatement(filter, sort, offset, PAGE)
                : matrix.orderedIdsStatement(filter, sort);
        List<Integer> page = matrix.page(filter, sort, offset, PAGE).stream()
                .map(MatrixRow::modelId)
                .toList();
        return page.isEmpty()
                ? List.of(sql(ids))
                : List.of(
                        sql(ids),
                        new Bench.Sql(
                                MatrixQuery.ROWS_SQL,
                                Map.of("ids", TextList.joinIds(page), "staleBefore", matrix.staleBefore())));
    }

    private Bench.Case countCase(String name, MatrixFilter filter) {
        return new Bench.Case(
                name,
                null,
                List.of(),
                () -> (int) matrix.count(filter),
                () -> raw.count(matrix.countStatement(filter)));
    }

    private static Bench.Sql sql(MatrixQuery.Statement statement) {
        return new Bench.Sql(statement.sql(), statement.params());
    }

    /** What the model page loads: ModelPageService.modelOverview in its read-only transaction. */
    private int modelPage(String name) {
        ModelOverview overview =
                readOnly.execute(s -> modelPage.modelOverview(name).orElseThrow());
        return 1
                + overview.claims().size()
                + overview.recommendations().size()
                + overview.history().size()
                + overview.reviews().size();
    }

    private void describe(BenchDatabase database) throws IOException {
        Bench.describe(jdbc, database, TABLES);
        Map<String, Object> shape = jdbc.sql("""
                        SELECT (SELECT count(*) FROM compatibility_details) AS claims,
                               (SELECT count(*) FROM models) AS models,
                               min(n) AS fewest, avg(n) AS average,
                               (SELECT count(DISTINCT model_family) FROM models) AS families
                        FROM (SELECT count(*) AS n FROM compatibility_history GROUP BY model_id, hardware_type) AS per_claim
                        """).query().singleRow();
        System.out.printf(
                Locale.ROOT,
                "  cells not tested: %.1f %%; history rows per claim: min %d, avg %.2f; families: %d%n%n",
                100 - 100.0 * number(shape, "claims") / (8 * number(shape, "models")),
                (long) number(shape, "fewest"),
                number(shape, "average"),
                (long) number(shape, "families"));
    }

    /** A column of a row read as a number (PostgreSQL answers numeric where DuckDB answers double). */
    static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    /**
     * The same statements over plain JDBC ({@link RawJdbc}), on a connection from the same pool.
     */
    private static final class Raw {

        private final DataSource dataSource;

        private final MatrixQuery matrix;
        private final Map<List<Object>, int[]> orderedIds = new java.util.HashMap<>();

        Raw(DataSource dataSource, MatrixQuery matrix) {
            this.dataSource = dataSource;
            this.matrix = matrix;
        }

        /**
         * A pooled connection; with {@code -Dbenchmark.raw.caching=on} (DuckDB) one running DuckDB's caching
         * operators, which the application turns off (DatabaseConfig), so app / raw compares off with on in one run.
         * They go off again when the connection returns to the pool.
         */
        private Connection connection() throws SQLException {
            Connection c = dataSource.getConnection();
            if (!"on".equals(System.getProperty("benchmark.raw.caching"))
                    || !c.isWrapperFor(org.duckdb.DuckDBConnection.class)) {
                return c;
            }
            try (var st = c.createStatement()) {
                st.execute("SET enable_caching_operators = true");
            }
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            try (var st = c.createStatement()) {
                                st.execute("SET enable_caching_operators = false");
                            }
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /**
         * A matrix page as MatrixQuery.page reads it. A shallow page: its ordered ids, then those models'
         * rows. A deep page with the ordered id list cached: the data version, then the rows of the slice
         * (the slice comes from the app's list, read once outside the timing).
         */
        int page(MatrixFilter filter, MatrixSort sort, int offset) throws SQLException {
            try (Connection c = connection()) {
                if (offset < MatrixQuery.DEEP_OFFSET) {
                    var ids = matrix.pageStatement(filter, sort, offset, PAGE);
                    return rows(
                            c,
                            RawJdbc.query(c, ids.sql(), ids.params()).values().stream()
                                    .map(r -> r[0])
                                    .toList());
                }
                RawJdbc.query(c, MatrixQuery.VERSION_SQL, Map.of());
                // Read in the first warm-up call, then reused: the cache hit the app path gets.
                int[] ordered = orderedIds.computeIfAbsent(List.of(filter, sort), k -> matrix.orderedIds(filter, sort));
                return rows(c, slice(ordered, offset));
            }
        }

        /** The first page sorted by this platform (ascending) as before V0009: joining its claims for their level. */
        int pageJoiningClaims(Platform platform) throws SQLException {
            String sql = """
                    SELECT m.model_id FROM models m
                    JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                    LEFT JOIN compatibility_details sd ON sd.compatibility_id = c.id AND sd.hardware_type = :platform
                    WHERE m.deleted_at IS NULL
                    ORDER BY CASE sd.compatibility_level WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2
                                                         WHEN 'unsupported' THEN 1 END ASC NULLS LAST,
                             m.model_name ASC NULLS LAST
                    LIMIT :limit OFFSET 0""";
            try (Connection c = connection()) {
                var ids = RawJdbc.query(c, sql, Map.of("platform", platform.key(), "limit", PAGE));
                return rows(c, ids.values().stream().map(r -> r[0]).toList());
            }
        }

        /**
         * A first page as read before V0023: the ids from models joined to their matrix rows when the sort needs them,
         * sorted by the models' columns (text search and sorts without a platform filter only).
         */
        int pageJoiningModels(MatrixFilter filter, MatrixSort sort) throws SQLException {
            String column = sort.platform().isPresent()
                    ? "c." + sort.platform().get().levelRankColumn()
                    : switch (sort.key()) {
                        case "family" -> "m.model_family";
                        case "type" -> "m.model_type";
                        case "size" -> dev.compatmatrix.matrix.SqlRanks.sizeRank("m.model_size");
                        case "parameters" -> "m.parameters_millions";
                        case "score" -> "c.compatibility_score";
                        case "recommended" -> "c.recommended_platform";
                        default -> null;
                    };
            boolean join = column != null && column.startsWith("c.");
            String order = column == null
                    ? "m.model_name ASC"
                    : column + (sort.descending() ? " DESC" : " ASC") + " NULLS LAST, m.model_name ASC";
            Map<String, Object> params = new java.util.HashMap<>();
            params.put("limit", PAGE);
            String text = "";
            if (filter.text() != null) {
                text = " AND (m.model_name ILIKE :text ESCAPE '\\' OR m.model_family ILIKE :text ESCAPE '\\')";
                params.put("text", "%" + dev.compatmatrix.base.db.SqlLike.escape(filter.text()) + "%");
            }
            String sql = "SELECT m.model_id FROM models m"
                    + (join ? " JOIN cross_platform_compatibility c ON c.model_id = m.model_id" : "")
                    + " WHERE m.deleted_at IS NULL" + text + " ORDER BY " + order + " LIMIT :limit OFFSET 0";
            try (Connection c = connection()) {
                var ids = RawJdbc.query(c, sql, params);
                return rows(c, ids.values().stream().map(r -> r[0]).toList());
            }
        }

        /** A first page in name order with the ORDER BY on the name column itself (as before the text-search change). */
        int pageByNameColumn(MatrixFilter filter) throws SQLException {
            var ids = matrix.pageStatement(filter, MatrixSort.BY_NAME, 0, PAGE);
            String sql = ids.sql().replace("(c.model_name || '')", "c.model_name");
            try (Connection c = connection()) {
                return rows(
                        c,
                        RawJdbc.query(c, sql, ids.params()).values().stream()
                                .map(r -> r[0])
                                .toList());
            }
        }

        /** A deep page after a model write as before V0023: the data version, all names of models sorted, the rows. */
        int firstVisitJoiningModels(int offset) throws SQLException {
            try (Connection c = connection()) {
                RawJdbc.query(c, MatrixQuery.VERSION_SQL, Map.of());
                int[] ordered = RawJdbc.query(
                                c, "SELECT model_id FROM models WHERE deleted_at IS NULL ORDER BY model_name", Map.of())
                        .values()
                        .stream()
                        .mapToInt(r -> ((Number) r[0]).intValue())
                        .toArray();
                return rows(c, slice(ordered, offset));
            }
        }

        /** A deep page's first visit: the data version, the whole ordered id list, then the slice's rows. */
        int firstVisit(MatrixFilter filter, int offset) throws SQLException {
            try (Connection c = connection()) {
                RawJdbc.query(c, MatrixQuery.VERSION_SQL, Map.of());
                var all = matrix.orderedIdsStatement(filter, MatrixSort.BY_NAME);
                int[] ordered = RawJdbc.query(c, all.sql(), all.params()).values().stream()
                        .mapToInt(r -> ((Number) r[0]).intValue())
                        .toArray();
                return rows(c, slice(ordered, offset));
            }
        }

        private static List<Object> slice(int[] ordered, int offset) {
            return Arrays.stream(ordered, Math.min(offset, ordered.length), Math.min(ordered.length, offset + PAGE))
                    .boxed()
                    .map(Object.class::cast)
                    .toList();
        }

        /** One row per claim: the page's size is its number of distinct models. */
        private int rows(Connection c, List<Object> ids) throws SQLException {
            if (ids.isEmpty()) {
                return 0;
            }
            return (int) RawJdbc.query(
                            c,
                            MatrixQuery.ROWS_SQL,
                            Map.of(
                                    "ids",
                                    TextList.joinIds(ids.stream()
                                            .map(id -> ((Number) id).intValue())
                                            .toList()),
                                    "staleBefore",
                                    matrix.staleBefore()))
                    .values()
                    .stream()
                    .map(row -> row[0])
                    .distinct()
                    .count();
        }

        int count(MatrixQuery.Statement statement) throws SQLException {
            try (Connection c = connection()) {
                return (int) RawJdbc.single(c, statement.sql(), statement.params());
            }
        }

        /** The model page's statements on one connection, as ModelPageService.modelOverview runs them. */
        int modelPage(String name) throws SQLException {
            try (Connection c = connection()) {
                RawJdbc.Rows header = RawJdbc.query(c, ModelDetailsQuery.HEADER_SQL, Map.of("name", name));
                Object modelId = header.values().getFirst()[header.column("model_id")];
                int claims = RawJdbc.query(c, ModelDetailsQuery.CLAIMS_SQL, Map.of("modelId", modelId))
                        .size();
                // The level timeline's changes (the app counts its periods as no rows).
                Map<String, Object> levels = new java.util.HashMap<>();
                levels.put("model", name);
                levels.put("platform", null);
                RawJdbc.query(c, HistorySearch.MODEL_LEVELS_SQL, levels);
                return 1
                        + claims
                        + RawJdbc.query(c, RecommendationQuery.FOR_MODEL_SQL, Map.of("modelId", modelId))
                                .size()
                        + RawJdbc.query(
                                        c,
                                        HistoryQuery.FOR_MODEL_SQL,
                                        Map.of("modelId", modelId, "limit", ModelPageService.MODEL_HISTORY_LIMIT))
                                .size()
                        + RawJdbc.query(c, ReviewRepository.FOR_MODEL_SQL, Map.of("modelId", modelId))
                                .size();
            }
        }
    }
}
