package dev.compatmatrix.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.export.ExportServices;
import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.dashboard.DashboardService;
import dev.compatmatrix.dashboard.DashboardSnapshot;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.history.HistoryCharts;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.query.ClaimMarksQuery;
import dev.compatmatrix.matrix.query.DisputedClaim;
import dev.compatmatrix.matrix.query.StaleValidation;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.MatrixVersion;
import dev.compatmatrix.matrix.store.ReviewRepository;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Latency of the other screens' reads at 100,000 synthetic models, each beside the same SQL over plain JDBC
 * ({@link Bench}, {@link RawJdbc}): the validation queue's first page and count, the dashboard's aggregates, the
 * history screen's charts and table; then the wall time of exporting the whole matrix as CSV, and of starting the
 * application on (a copy of) the database. See BENCHMARKS.md. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=screens}.
 *
 * <p>Arguments (all optional): models (100000), measured iterations per case (200), warm-up iterations (50),
 * export runs (5), start-up runs (3), the production jar (its start-up is timed too when it exists). Services are
 * built by hand over the console's own pool settings, as in {@link MatrixBenchmark}, with a validator signed in
 * (the queue asks who is looking).
 */
public final class ScreensBenchmark {

    private static final int PAGE = 50;
    private static final int MODEL_SAMPLE = 64;
    /** The signed-in user: the demo's level-3 validator (not in a generated database, so "not linked"). */
    private static final String USER = "validator3";

    private static final double EXPORT_TARGET_MS = 3_000;

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        int iterations = Bench.intArg(args, 1, 200);
        int warmup = Bench.intArg(args, 2, 50);
        int exportRuns = Bench.intArg(args, 3, 5);
        int startUpRuns = Bench.intArg(args, 4, 3);
        Path jar = args.length > 5 ? Path.of(args[5]) : null;

        List<BenchDatabase> databases = BenchDatabase.catalogues(models);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        USER,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_" + Roles.VALIDATOR),
                                new SimpleGrantedAuthority("ROLE_" + Roles.VIEWER))));
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            List<ScreensBenchmark> benchmarks = new ArrayList<>();
            List<List<Bench.Case>> cases = new ArrayList<>();
            for (BenchDatabase database : databases) {
                HikariDataSource pool = database.pool();
                pools.add(pool);
                var benchmark = new ScreensBenchmark(pool);
                benchmark.describe(database);
                benchmarks.add(benchmark);
                cases.add(benchmark.cases());
            }
            Bench.runSideBySide(databases, pools, cases, iterations, warmup);
            for (int d = 0; d < databases.size(); d++) {
                System.out.printf("%n%s:", databases.get(d).label());
                try {
                    benchmarks.get(d).export(exportRuns);
                } catch (RuntimeException e) {
                    System.out.println(" export FAILS: " + e);
                }
            }
        } finally {
            pools.forEach(HikariDataSource::close);
        }
        // The pools are closed: the file is complete on disk and free to copy. Start-up is timed on DuckDB only.
        if (databases.getFirst().kind() == DatabaseKind.DUCKDB) {
            StartUpBenchmark.run(Path.of(databases.getFirst().location()), startUpRuns, jar);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;
    private final QueueQuery queue;
    private final ValidationService validation;
    private final CoverageQuery coverage;
    private final DashboardQuery dashboardQuery;
    private final DashboardService dashboard;
    private final MatrixVersion matrixVersion;
    private final HistoryService history;
    private final MatrixQuery matrix;
    private final ExportService exports;

    private ScreensBenchmark(DataSource dataSource) {
        Clock clock = Clock.systemUTC();
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        // Built by hand, so Spring Security's method checks and @Transactional do not apply: read-only
        // transactions are added where the services declare them.
        this.queue = new QueueQuery(jdbc, clock, new Staleness(clock, 180));
        TableAppender appender = new TableAppender(dataSource, jdbc);
        this.validation = new ValidationService(
                new ClaimRepository(jdbc, appender),
                new ReviewRepository(jdbc),
                new ValidatorRepository(jdbc),
                queue,
                new ClaimMarksQuery(jdbc),
                null,
                null,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                null,
                clock);
        this.coverage = new CoverageQuery(jdbc);
        this.dashboardQuery = new DashboardQuery(jdbc);
        this.matrixVersion =
                new MatrixVersion(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        this.dashboard = new DashboardService(coverage, dashboardQuery, matrixVersion);
        this.history = new HistoryService(new HistorySearch(jdbc), clock, matrixVersion);
        this.matrix = new MatrixQuery(jdbc, dataSource, new Staleness(clock, 180));
        this.exports = ExportServices.over(matrix, clock);
    }

    private List<Bench.Case> cases() {
        var levelThreeCuda = new QueueFilter(null, 3, Platform.CUDA, null, null);
        List<String> sample = Bench.sampleNames(jdbc, MODEL_SAMPLE);
        Supplier<String> chartModel = Bench.pairedTurns(sample);
        Supplier<String> tableModel = Bench.pairedTurns(sample);
        return List.of(
                // What ValidationQueueView's grid asks for: its first page (the service also looks up who is
                // signed in) and the count.
                new Bench.Case(
                        "validation queue: first page (service)",
                        null,
                        List.of(sql(queue.pageStatement(QueueFilter.ALL, 0, PAGE))),
                        () -> validation.queuePage(QueueFilter.ALL, 0, PAGE).size(),
                        () -> rawQueuePage(QueueFilter.ALL)),
                new Bench.Case(
                        "validation queue: count",
                        null,
                        List.of(sql(queue.countStatement(QueueFilter.ALL))),
                        () -> (int) validation.queueCount(QueueFilter.ALL),
                        () -> rawCount(sql(queue.countStatement(QueueFilter.ALL)))),
                new Bench.Case(
                        "validation queue: first page, level 3 + CUDA",
                        null,
                        List.of(sql(queue.pageStatement(levelThreeCuda, 0, PAGE))),
                        () -> validation.queuePage(levelThreeCuda, 0, PAGE).size(),
                        () -> rawQueuePage(levelThreeCuda)),
                new Bench.Case(
                        "validation queue: count, level 3 + CUDA",
                        null,
                        List.of(),
                        () -> (int) validation.queueCount(levelThreeCuda),
                        () -> rawCount(sql(queue.countStatement(levelThreeCuda)))),
                // DashboardView: one snapshot in a read-only transaction, then each of its four statements alone.
                new Bench.Case(
                        "dashboard snapshot (read-only tx)",
                        Bench.Target.DASHBOARD,
                        List.of(),
                        () -> snapshotRows(readOnly.execute(s -> dashboard.snapshot(0))),
                        this::rawDashboard),
                // The same with nothing kept: what the first visit after a claim, validation or model write costs (a
                // new service, so an empty cache); the raw path is the statements as they ran before issue 24.
                new Bench.Case(
                        "dashboard snapshot, nothing kept (read-only tx)",
                        Bench.Target.DASHBOARD,
                        List.of(),
                        () -> snapshotRows(readOnly.execute(
                                s -> new DashboardService(coverage, dashboardQuery, matrixVersion).snapshot(0))),
                        this::rawDashboard),
                new Bench.Case(
                        "dashboard: coverage per platform",
                        null,
                        List.of(new Bench.Sql(CoverageQuery.SQL, Map.of())),
                        () -> coverage.perPlatform().size(),
                        () -> rawRows(CoverageQuery.SQL, Map.of())),
                new Bench.Case(
                        "dashboard: score distribution",
                        null,
                        List.of(new Bench.Sql(
                                DashboardQuery.SCORE_SQL, Map.of("buckets", DashboardQuery.SCORE_BUCKETS))),
                        () -> (int) Arrays.stream(dashboardQuery.scoreDistribution())
                                .filter(n -> n > 0)
                                .count(),
                        () -> rawRows(DashboardQuery.SCORE_SQL, Map.of("buckets", DashboardQuery.SCORE_BUCKETS))),
                new Bench.Case(
                        "dashboard: family × platform support",
                        null,
                        List.of(new Bench.Sql(
                                DashboardQuery.FAMILY_SQL,
                                Map.of("limit", DashboardService.HEATMAP_FAMILIES, "offset", 0))),
                        () -> dashboardQuery
                                .familySupport(0, DashboardService.HEATMAP_FAMILIES)
                                .size(),
                        this::rawFamilies),
                new Bench.Case(
                        "dashboard: recent changes",
                        null,
                        List.of(new Bench.Sql(
                                DashboardQuery.RECENT_SQL, Map.of("limit", DashboardService.RECENT_CHANGES))),
                        () -> dashboardQuery
                                .recentChanges(DashboardService.RECENT_CHANGES)
                                .size(),
                        () -> rawRows(DashboardQuery.RECENT_SQL, Map.of("limit", DashboardService.RECENT_CHANGES))),
                // HistoryView: the charts, then the table's first page and count.
                new Bench.Case(
                        "history charts, no filter",
                        null,
                        List.of(new Bench.Sql(HistorySearch.MONTHLY_SQL, historyParams(null))),
                        () -> chartRows(readOnly.execute(s -> history.charts(HistoryFilter.NONE))),
                        () -> rawRows(HistorySearch.MONTHLY_SQL, historyParams(null))),
                new Bench.Case(
                        "history charts, one model",
                        null,
                        List.of(),
                        () -> chartRows(
                                readOnly.execute(s -> history.charts(HistoryFilter.NONE.withModel(chartModel.get())))),
                        () -> rawModelCharts(chartModel.get())),
                new Bench.Case(
                        "history table: first page, no filter",
                        null,
                        List.of(new Bench.Sql(HistorySearch.PAGE_SQL, page(historyParams(null)))),
                        () -> readOnly.execute(s -> history.changes(HistoryFilter.NONE, 0, PAGE))
                                .size(),
                        () -> rawRows(HistorySearch.PAGE_SQL, page(historyParams(null)))),
                new Bench.Case(
                        "history table: count, no filter",
                        null,
                        List.of(new Bench.Sql(HistorySearch.COUNT_SQL, historyParams(null))),
                        () -> (int) (long) readOnly.execute(s -> history.count(HistoryFilter.NONE)),
                        () -> rawCount(new Bench.Sql(HistorySearch.COUNT_SQL, historyParams(null)))),
                new Bench.Case(
                        "history table: first page, one model",
                        null,
                        List.of(),
                        () -> readOnly.execute(
                                        s -> history.changes(HistoryFilter.NONE.withModel(tableModel.get()), 0, PAGE))
                                .size(),
                        () -> rawRows(HistorySearch.PAGE_SQL, page(historyParams(tableModel.get())))));
    }

    private static Bench.Sql sql(MatrixQuery.Statement statement) {
        return new Bench.Sql(statement.sql(), statement.params());
    }

    private static int snapshotRows(DashboardSnapshot snapshot) {
        return snapshot.coverage().size()
                + (int) Arrays.stream(snapshot.scoreBuckets())
                        .filter(n -> n > 0)
                        .count()
                + snapshot.families().families().size()
                + snapshot.recentChanges().size();
    }

    private static int chartRows(HistoryCharts charts) {
        return charts.monthly().size() + charts.levelPeriods().size();
    }

    /** HistorySearch's parameters for no filter but perhaps one model. */
    private static Map<String, Object> historyParams(String model) {
        Map<String, Object> params = new HashMap<>();
        params.put("model", model);
        params.put("platform", null);
        params.put("fromDay", null);
        params.put("afterDay", null);
        params.put("version", null);
        return params;
    }

    private static Map<String, Object> page(Map<String, Object> params) {
        params.put("limit", PAGE);
        params.put("offset", 0);
        return params;
    }

    // The raw paths: the same statements over plain JDBC, on one connection from the same pool.

    private int rawQueuePage(QueueFilter filter) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            RawJdbc.query(c, ValidatorRepository.FOR_USER_SQL, Map.of("username", USER));
            MatrixQuery.Statement page = queue.pageStatement(filter, 0, PAGE);
            return RawJdbc.query(c, page.sql(), page.params()).size();
        }
    }

    private int rawCount(Bench.Sql count) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return (int) RawJdbc.single(c, count.sql(), count.params());
        }
    }

    private int rawRows(String sql, Map<String, ?> params) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return RawJdbc.query(c, sql, params).size();
        }
    }

    private int rawDashboard() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return RawJdbc.query(c, CoverageQuery.SQL, Map.of()).size()
                    + RawJdbc.query(c, DashboardQuery.SCORE_SQL, Map.of("buckets", DashboardQuery.SCORE_BUCKETS))
                            .size()
                    + families(c)
                    + RawJdbc.query(c, DashboardQuery.RECENT_SQL, Map.of("limit", DashboardService.RECENT_CHANGES))
                            .size();
        }
    }

    private int rawFamilies() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return families(c);
        }
    }

    /** The family statement returns a row per family and platform; the dashboard shows a row per family. */
    private static int families(Connection c) throws SQLException {
        RawJdbc.Rows rows = RawJdbc.query(
                c, DashboardQuery.FAMILY_SQL, Map.of("limit", DashboardService.HEATMAP_FAMILIES, "offset", 0));
        int family = rows.column("model_family");
        return (int) rows.values().stream().map(row -> row[family]).distinct().count();
    }

    private int rawModelCharts(String model) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Object> levels = new HashMap<>();
            levels.put("model", model);
            levels.put("platform", null);
            return RawJdbc.query(c, HistorySearch.MONTHLY_SQL, historyParams(model))
                            .size()
                    + RawJdbc.query(c, HistorySearch.MODEL_LEVELS_SQL, levels).size();
        }
    }

    /**
     * The whole matrix as CSV through ExportService in its read-only transaction, into a stream that only counts:
     * one warm-up run, then {@code runs} timed ones.
     */
    private void export(int runs) throws Exception {
        double[] millis = new double[runs];
        long bytes = 0;
        long lines = 0;
        for (int i = -1; i < runs; i++) {
            CountingStream out = new CountingStream();
            long start = System.nanoTime();
            readOnly.executeWithoutResult(s -> {
                try {
                    exports.export(MatrixFilter.NONE, MatrixSort.BY_NAME, ExportFormat.CSV, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            bytes = out.bytes;
            lines = out.lines;
        }
        double p95 = Bench.percentile(Bench.sorted(millis), 95);
        System.out.printf(
                Locale.ROOT,
                "%nExport of the whole matrix as CSV (%,d lines, %,d bytes): %s — target p95 ≤ %,.0f ms %s%n",
                lines,
                bytes,
                Bench.wallTimes(millis),
                EXPORT_TARGET_MS,
                p95 <= EXPORT_TARGET_MS ? "met" : "**missed**");
        if (p95 > EXPORT_TARGET_MS) {
            Bench.explain(
                    dataSource,
                    "export of the whole matrix",
                    sql(matrix.allRowsStatement(MatrixFilter.NONE, MatrixSort.BY_NAME)));
        }
        exportStatements(runs);
    }

    /**
     * The export's statement against the one before issue 24 (claims joined to every model, then grouped and sorted
     * by position), over plain JDBC, alternately in one run: after / before.
     */
    private void exportStatements(int runs) throws SQLException {
        MatrixQuery.Statement after = matrix.allRowsStatement(MatrixFilter.NONE, MatrixSort.BY_NAME);
        String ordered = after.sql().substring(0, after.sql().indexOf(")\nSELECT o.position") + 2);
        String before = ordered + EXPORT_FOLD_BEFORE_ISSUE_24;
        double[] afterMillis = new double[runs];
        double[] beforeMillis = new double[runs];
        for (int i = -1; i < runs; i++) {
            long start = System.nanoTime();
            int rowsBefore = rawRows(before, after.params());
            double b = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int rowsAfter = rawRows(after.sql(), after.params());
            double a = (System.nanoTime() - start) / 1e6;
            if (rowsBefore != rowsAfter) {
                throw new IllegalStateException("export statements disagree: " + rowsBefore + " / " + rowsAfter);
            }
            if (i >= 0) {
                beforeMillis[i] = b;
                afterMillis[i] = a;
            }
        }
        double ratio =
                Bench.percentile(Bench.sorted(afterMillis), 50) / Bench.percentile(Bench.sorted(beforeMillis), 50);
        System.out.printf(
                Locale.ROOT,
                "Export statement over JDBC, alternately: before issue 24 %s; after %s; after / before p50 %.2f%n",
                Bench.wallTimes(beforeMillis),
                Bench.wallTimes(afterMillis),
                ratio);
    }

    /** {@code MatrixRowColumns.FOLDED_BY_POSITION} before issue 24: every claim joined, then grouped and sorted. */
    private static final String EXPORT_FOLD_BEFORE_ISSUE_24 = """
            SELECT o.position, m.model_id, m.model_name, m.model_family, m.model_type, m.model_size,
                   m.parameters_millions, c.compatibility_score, c.recommended_platform, c.last_updated,
                   string_agg(d.hardware_type || ':' || d.compatibility_level || ':' || d.validation_status || ':'
                              || (%s)::INTEGER || (%s)::INTEGER, ',') AS cells
            FROM ordered o
            JOIN models m ON m.model_id = o.model_id
            JOIN cross_platform_compatibility c ON c.model_id = m.model_id
            LEFT JOIN compatibility_details d ON d.compatibility_id = c.id
            LEFT JOIN (%s) changed ON changed.claim_id = d.id
            LEFT JOIN (%s) latest ON latest.model_id = c.model_id AND latest.hardware_type = d.hardware_type
            GROUP BY o.position, m.model_id, m.model_name, m.model_family, m.model_type, m.model_size,
                     m.parameters_millions, c.compatibility_score, c.recommended_platform, c.last_updated
            ORDER BY o.position
            """.formatted(
                    StaleValidation.JOINED,
                    DisputedClaim.JOINED,
                    StaleValidation.changedSinceApproval(""),
                    DisputedClaim.latestResults(""));

    /** Discards what is written, counting bytes and lines. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    private void describe(BenchDatabase database) throws IOException {
        Bench.describe(jdbc, database, MatrixBenchmark.TABLES);
        Map<String, Object> claims = jdbc.sql("""
                        SELECT count(*) AS claims,
                               count(*) FILTER (WHERE validation_status = 'validated') AS validated,
                               count(*) FILTER (WHERE validation_status = 'partially_validated') AS partially,
                               count(*) FILTER (WHERE validation_status = 'unvalidated') AS unvalidated,
                               count(*) FILTER (WHERE id IN (SELECT claim_id FROM validation_reviews
                                                            WHERE decision = 'reject')) AS rejected,
                               count(*) FILTER (WHERE row_version > 1) AS rerun,
                               (SELECT count(*) FROM validation_reviews) AS reviews
                        FROM compatibility_details""").query().singleRow();
        double all = MatrixBenchmark.number(claims, "claims");
        System.out.printf(
                Locale.ROOT,
                "  claims: %d; validated %.1f %%, partially %.1f %%, unvalidated %.1f %% (rejected %.1f %%); "
                        + "version 2 (re-run after approval) %.1f %%; reviews per claim %.2f%n",
                (long) all,
                100 * MatrixBenchmark.number(claims, "validated") / all,
                100 * MatrixBenchmark.number(claims, "partially") / all,
                100 * MatrixBenchmark.number(claims, "unvalidated") / all,
                100 * MatrixBenchmark.number(claims, "rejected") / all,
                100 * MatrixBenchmark.number(claims, "rerun") / all,
                MatrixBenchmark.number(claims, "reviews") / all);
        try {
            System.out.printf(Locale.ROOT, "  validation queue: %,d claims waiting%n%n", queue.count(QueueFilter.ALL));
        } catch (RuntimeException e) {
            System.out.println("  validation queue: cannot count ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
