package dev.compatmatrix.benchmark;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.StoredPredictions;
import dev.compatmatrix.prediction.export.TestNextCsv;
import dev.compatmatrix.prediction.query.PredictionReadsSql;
import dev.compatmatrix.prediction.query.ShownPredictionsQuery;
import dev.compatmatrix.prediction.query.TestNextFilter;
import dev.compatmatrix.prediction.query.TestNextQuery;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 21 (BENCHMARKS.md "Predictions (issue 21): reads"): at 100,000 models, with a prediction stored for every
 * untested cell (stored and adopted through the real repository, on a scratch copy), the shown-predictions read of
 * one matrix page (50 models), a matrix page with its predictions, "What to test next" — the first page and the last
 * page of each platform, the first page unfiltered, the count — and the CSV of the whole queue; each on the
 * application's path beside the same SQL over raw JDBC.
 *
 * <pre>./mvnw -B -q -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=prediction-reads</pre>
 */
public final class PredictionReadsBenchmark {

    private static final int PAGE = 50;
    /** The run beats the baseline on these platforms only, so about a quarter of the stored predictions are hidden. */
    private static final Set<Platform> BEATING = EnumSet.complementOf(EnumSet.of(Platform.QUALCOMM, Platform.WEBNN));

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        int iterations = Bench.intArg(args, 1, 200);
        int warmup = Bench.intArg(args, 2, 50);

        List<BenchDatabase> databases = new ArrayList<>();
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        List<DataSource> pools = new ArrayList<>();
        List<List<Bench.Case>> cases = new ArrayList<>();
        try {
            for (BenchDatabase catalogue : BenchDatabase.catalogues(models)) {
                BenchDatabase scratch = catalogue.scratchCopy("prediction-reads");
                ConfigurableApplicationContext app = BenchmarkApp.start(scratch);
                apps.add(app);
                databases.add(scratch);
                DataSource pool = app.getBean(DataSource.class);
                pools.add(pool);
                Bench.describe(JdbcClient.create(pool), scratch, MatrixBenchmark.TABLES);
                PredictionReadsBenchmark benchmark = new PredictionReadsBenchmark(app);
                benchmark.storePredictions(scratch.label());
                cases.add(benchmark.cases());
            }
            Bench.runSideBySide(databases, pools, cases, iterations, warmup);
        } finally {
            apps.forEach(ConfigurableApplicationContext::close);
        }
    }

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TestNextQuery testNext;
    private final ShownPredictionsQuery shown;
    private final MatrixQuery matrix;
    private final List<List<Integer>> pages = new ArrayList<>();

    private PredictionReadsBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.dataSource = app.getBean(DataSource.class);
        this.testNext = app.getBean(TestNextQuery.class);
        this.shown = app.getBean(ShownPredictionsQuery.class);
        this.matrix = app.getBean(MatrixQuery.class);
        // 64 pages of the matrix by name spread over it, so no page's blocks stay hot.
        int[] ordered = matrix.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        for (int i = 0; i < 64; i++) {
            int from = (int) ((long) i * (ordered.length - PAGE) / 64);
            pages.add(Arrays.stream(ordered, from, from + PAGE).boxed().toList());
        }
    }

    /** A prediction for every untested cell (seeded, so every run stores the same), adopted in one transaction. */
    private void storePredictions(String database) {
        Random random = new Random(21);
        List<CellPrediction> predictions = new ArrayList<>();
        testNext.each(TestNextFilter.NONE, row -> {
            CompatibilityLevel level = CompatibilityLevel.values()[random.nextInt(4)];
            double confidence = 0.3 + 0.68 * random.nextDouble();
            int of = 3 + random.nextInt(20);
            predictions.add(StoredPredictions.prediction(
                    new StoredPredictions.Cell(row.modelId(), row.platform()),
                    level,
                    confidence,
                    (of - random.nextInt(3)) + " of " + of + " " + row.family() + " models are " + level.label()
                            + " on " + row.platform().label(),
                    "its size (" + row.type() + ")"));
        });
        long start = System.nanoTime();
        StoredPredictions.adopt(
                app.getBean(PredictionRunRepository.class),
                app.getBean(TransactionTemplate.class),
                BEATING,
                predictions);
        System.out.printf(
                Locale.ROOT,
                "%s: stored and adopted %,d predictions (one per untested cell) in %.1f s; shown on %d platforms%n",
                database,
                predictions.size(),
                (System.nanoTime() - start) / 1e9,
                BEATING.size());
    }

    private List<Bench.Case> cases() {
        Supplier<List<Integer>> page = turns(pages);
        List<Bench.Case> cases = new ArrayList<>();
        cases.add(new Bench.Case(
                "shown predictions of a matrix page, 50 models (ShownPredictionsQuery)",
                Bench.Target.MATRIX_PAGE,
                List.of(new Bench.Sql(PredictionReadsSql.SHOWN_FOR_MODELS, ids(pages.getFirst()))),
                () -> shown.forModels(page.get()).values().stream()
                        .mapToInt(Map::size)
                        .sum(),
                () -> raw(PredictionReadsSql.SHOWN_FOR_MODELS, ids(page.get()))));
        cases.add(new Bench.Case(
                "matrix page rows + their shown predictions, 50 models",
                Bench.Target.MATRIX_PAGE,
                List.of(),
                () -> {
                    List<Integer> ids = page.get();
                    List<MatrixRow> rows = matrix.rows(ids);
                    shown.forModels(ids);
                    return rows.size();
                },
                () -> {
                    List<Integer> ids = page.get();
                    Map<String, Object> params = ids(ids);
                    params.put("staleBefore", matrix.staleBefore());
                    try (Connection c = dataSource.getConnection()) {
                        RawJdbc.Rows rows = RawJdbc.query(c, MatrixQuery.ROWS_SQL, params);
                        RawJdbc.query(c, PredictionReadsSql.SHOWN_FOR_MODELS, ids(ids));
                        int modelId = rows.column("model_id");
                        return (int) rows.values().stream()
                                .map(r -> r[modelId])
                                .distinct()
                                .count();
                    }
                }));
        Bench.Target testNextPage = new Bench.Target(500, null);
        cases.add(testNextCase("test next: first page, all platforms", TestNextFilter.NONE, 0, testNextPage));
        cases.add(new Bench.Case(
                "test next: count, all platforms",
                testNextPage,
                List.of(new Bench.Sql(PredictionReadsSql.TEST_NEXT_COUNT, params(TestNextFilter.NONE))),
                () -> (int) testNext.count(TestNextFilter.NONE),
                () -> rawCount(PredictionReadsSql.TEST_NEXT_COUNT, params(TestNextFilter.NONE))));
        for (Platform platform : Platform.values()) {
            TestNextFilter filter = new TestNextFilter(platform, null, null);
            int last = (int) Math.max(0, testNext.count(filter) - PAGE);
            cases.add(testNextCase("test next: first page, " + platform.key(), filter, 0, testNextPage));
            cases.add(testNextCase(
                    "test next: last page (offset %,d), %s".formatted(last, platform.key()),
                    filter,
                    last,
                    testNextPage));
        }
        cases.add(new Bench.Case(
                "test next: CSV of the whole queue (TestNextCsv) vs raw rows",
                new Bench.Target(10_000, null),
                List.of(),
                this::csv,
                () -> raw(PredictionReadsSql.TEST_NEXT_ALL, params(TestNextFilter.NONE))));
        return cases;
    }

    private Bench.Case testNextCase(String name, TestNextFilter filter, int offset, Bench.Target target) {
        Map<String, Object> params = params(filter);
        params.put("offset", offset);
        params.put("limit", PAGE);
        return new Bench.Case(
                name,
                target,
                List.of(new Bench.Sql(PredictionReadsSql.TEST_NEXT_PAGE, params)),
                () -> testNext.page(filter, offset, PAGE).size(),
                () -> raw(PredictionReadsSql.TEST_NEXT_PAGE, params));
    }

    /** The whole queue written as the screen's and the API's CSV to nowhere; its rows. */
    private int csv() throws Exception {
        AtomicInteger rows = new AtomicInteger();
        try (Writer out = new OutputStreamWriter(java.io.OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
            TestNextCsv csv = new TestNextCsv(out);
            app.getBean(TransactionTemplate.class)
                    .executeWithoutResult(status -> testNext.each(TestNextFilter.NONE, row -> {
                        csv.row(row);
                        rows.incrementAndGet();
                    }));
            csv.end();
        }
        return rows.get();
    }

    private static Map<String, Object> params(TestNextFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put(
                "platform", filter.platform() == null ? null : filter.platform().key());
        params.put("family", filter.family());
        params.put("type", filter.type() == null ? null : filter.type().key());
        return params;
    }

    private static Map<String, Object> ids(List<Integer> ids) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", TextList.joinIds(ids));
        return params;
    }

    private int raw(String sql, Map<String, ?> params) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return RawJdbc.query(c, sql, params).size();
        }
    }

    private int rawCount(String sql, Map<String, ?> params) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return (int) RawJdbc.single(c, sql, params);
        }
    }

    /** Each call the next page, the app and raw paths of one iteration reading the same one. */
    private static Supplier<List<Integer>> turns(List<List<Integer>> pages) {
        int[] call = {0};
        return () -> pages.get((call[0]++ / 2) % pages.size());
    }
}
