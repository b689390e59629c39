package dev.compatmatrix.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.demo.DemoDataLoader;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.query.CellsAsOf;
import dev.compatmatrix.matrix.store.CellStatesCost;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.timetravel.CellsThen;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import dev.compatmatrix.timetravel.query.ChangesQuery;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20 (BENCHMARKS.md "Time travel"): the matrix as of a date read from {@code cell_states} at 100,000 models —
 * a page of 50 models a year and a month ago beside the live page's rows, the whole matrix as of a date, the cells
 * that differ between two dates a year apart (count, and one page of 50) — each on the application's path (JdbcClient)
 * beside the same SQL over raw JDBC; then what the writer's upkeep of {@code cell_states} adds to a claim edit and to
 * a batch of 1,000 claim writes (on a scratch copy, each write rolled back).
 *
 * <pre>./mvnw -B -q -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=time-travel</pre>
 */
public final class TimeTravelBenchmark {

    private static final int PAGE = 50;
    /** The generated history ends at the demo's "now"; "today" for these cases is the day after it. */
    private static final LocalDateTime TODAY = DemoDataLoader.DEMO_NOW.plusDays(1);

    static final String AS_OF_PAGE =
            """
            SELECT m.model_id, m.model_name, m.model_family, m.model_type, m.model_size, m.parameters_millions,
                   cells.hardware_type, cells.compatibility_level, cells.validation_status, cells.validation_date,
                   cells.framework_version, cells.valid_from, cells.stale, cells.disputed
            FROM models m LEFT JOIN (%s) cells ON cells.model_id = m.model_id
            WHERE m.model_id IN (%s) AND %s""".formatted(CellsAsOf.cells(TextList.IDS_QUERY), TextList.IDS_QUERY, CellsAsOf.MODEL_EXISTED);

    static final String AS_OF_ALL = """
            SELECT m.model_id, m.model_name, cells.hardware_type, cells.compatibility_level, cells.validation_status,
                   cells.stale, cells.disputed
            FROM (%s) cells JOIN models m ON m.model_id = cells.model_id
            WHERE %s""".formatted(CellsAsOf.cells(null), CellsAsOf.MODEL_EXISTED);

    static final String CHANGES_COUNT = "SELECT count(*) FROM (" + CellsThen.CHANGES + ") changes";
    static final String CHANGES_PAGE = CellsThen.CHANGES + " LIMIT 50 OFFSET :offset";

    /**
     * The same count from the states alone: the difference asks only for level and validation, so it needs neither
     * the stale nor the disputed mark (which join every automated result twice). What a leaner query could do.
     */
    static final String LEAN_CHANGES_COUNT = """
            SELECT count(*)
            FROM (%s) a FULL OUTER JOIN (%s) b ON b.model_id = a.model_id AND b.hardware_type = a.hardware_type
            WHERE a.model_id IS NULL OR b.model_id IS NULL OR a.compatibility_level <> b.compatibility_level
               OR a.validation_status <> b.validation_status""".formatted(statesThen("from"), statesThen("to"));

    private static String statesThen(String side) {
        return ("SELECT s.model_id, s.hardware_type, s.compatibility_level, s.validation_status FROM cell_states s"
                        + " JOIN models m ON m.model_id = s.model_id WHERE " + CellsAsOf.STATE_THEN + " AND "
                        + CellsAsOf.MODEL_EXISTED)
                .replace(":asOf", ":" + side + "AsOf");
    }

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        int iterations = Bench.intArg(args, 1, 200);
        int warmup = Bench.intArg(args, 2, 50);
        int writes = Bench.intArg(args, 3, 100);

        List<BenchDatabase> databases = BenchDatabase.catalogues(models);
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            List<List<Bench.Case>> cases = new ArrayList<>();
            for (BenchDatabase database : databases) {
                HikariDataSource pool = database.pool();
                pools.add(pool);
                JdbcClient jdbc = JdbcClient.create(pool);
                Bench.describe(jdbc, database, tables());
                cases.add(new TimeTravelBenchmark(pool).cases());
            }
            Bench.runSideBySide(databases, pools, cases, iterations, warmup);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
        for (BenchDatabase database : writes > 0 ? databases : List.<BenchDatabase>of()) {
            BenchDatabase scratch = database.scratchCopy("time-travel-writes");
            try (var app = BenchmarkApp.start(scratch)) {
                System.out.printf(
                        "%nWrites on %s (a scratch copy; each write rolled back), %d of each:%n",
                        database.label(), writes);
                CellStatesCost.measure(app, writes).forEach(System.out::println);
            }
        }
    }

    private static List<String> tables() {
        List<String> tables = new ArrayList<>(MatrixBenchmark.TABLES);
        tables.add("cell_states");
        return tables;
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MatrixQuery matrix;
    private final ChangesQuery changes;
    private final List<List<Integer>> pages;

    private TimeTravelBenchmark(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(TODAY.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        this.matrix = new MatrixQuery(jdbc, dataSource, new Staleness(clock, 180));
        this.changes = new ChangesQuery(jdbc, new Staleness(clock, 180), clock);
        // 64 pages of the matrix by name spread over it, so no page's blocks stay hot.
        int[] ordered = matrix.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        this.pages = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int from = (int) ((long) i * (ordered.length - PAGE) / 64);
            pages.add(Arrays.stream(ordered, from, from + PAGE).boxed().toList());
        }
    }

    private List<Bench.Case> cases() {
        Supplier<List<Integer>> page = pairedTurns(pages);
        LocalDateTime yearAgo = TODAY.minusYears(1).plusDays(7); // the generated history begins a year ago
        LocalDateTime monthAgo = TODAY.minusMonths(1);
        Bench.Target asOfPage = new Bench.Target(200, null);
        Bench.Target diffSummary = new Bench.Target(1000, null);
        List<Bench.Case> cases = new ArrayList<>();
        cases.add(new Bench.Case(
                "live page rows, 50 models (MatrixQuery.rows)",
                Bench.Target.MATRIX_PAGE,
                List.of(),
                () -> matrix.rows(page.get()).size(),
                () -> rawModels(
                        MatrixQuery.ROWS_SQL,
                        Map.of("ids", TextList.joinIds(page.get()), "staleBefore", matrix.staleBefore()))));
        for (var when : List.of(Map.entry("a year ago", yearAgo), Map.entry("a month ago", monthAgo))) {
            Map<String, Object> at = asOf(when.getValue());
            cases.add(new Bench.Case(
                    "as-of page, 50 models, " + when.getKey() + " (CellsAsOf)",
                    asOfPage,
                    List.of(new Bench.Sql(AS_OF_PAGE, with(at, "ids", TextList.joinIds(pages.getFirst())))),
                    () -> app(AS_OF_PAGE, with(at, "ids", TextList.joinIds(page.get()))),
                    () -> raw(AS_OF_PAGE, with(at, "ids", TextList.joinIds(page.get())))));
        }
        Map<String, Object> monthAgoAt = asOf(monthAgo);
        cases.add(new Bench.Case(
                "whole matrix as of a month ago (all cells)",
                null,
                List.of(),
                () -> app(AS_OF_ALL, monthAgoAt),
                () -> raw(AS_OF_ALL, monthAgoAt)));
        Map<String, Object> yearApart = new HashMap<>();
        yearApart.put("fromAsOf", yearAgo);
        yearApart.put("fromStaleBefore", yearAgo.minusDays(180));
        yearApart.put("toAsOf", TODAY);
        yearApart.put("toStaleBefore", TODAY.minusDays(180));
        cases.add(new Bench.Case(
                "changes between two dates a year apart: count",
                diffSummary,
                List.of(new Bench.Sql(CHANGES_COUNT, yearApart)),
                () -> count(CHANGES_COUNT, yearApart),
                () -> (int) RawJdbc.single(connection(), CHANGES_COUNT, yearApart)));
        cases.add(new Bench.Case(
                "changes a year apart: count from the states alone (no stale/disputed marks)",
                diffSummary,
                List.of(new Bench.Sql(LEAN_CHANGES_COUNT, yearApart)),
                () -> count(LEAN_CHANGES_COUNT, yearApart),
                () -> (int) RawJdbc.single(connection(), LEAN_CHANGES_COUNT, yearApart)));
        Map<String, Object> firstPage = with(yearApart, "offset", 0);
        cases.add(new Bench.Case(
                "changes between two dates a year apart: first page of 50",
                asOfPage,
                List.of(new Bench.Sql(CHANGES_PAGE, firstPage)),
                () -> app(CHANGES_PAGE, firstPage),
                () -> raw(CHANGES_PAGE, firstPage)));
        // The Changes screen's and API's own reads (ChangesQuery: level, validation and stale only; the disputed
        // marks of a page's cells read after it, which the raw path leaves out).
        TimeRange range =
                new TimeRange(new PointInTime("a year ago", yearAgo, null), new PointInTime("today", TODAY, null));
        ChangesQuery.Statement summary = changes.countsStatement(range, ChangesFilter.NONE);
        cases.add(new Bench.Case(
                "changes a year apart: summary (ChangesQuery.counts, as the Changes screen)",
                diffSummary,
                List.of(new Bench.Sql(summary.sql(), summary.params())),
                () -> (int) changes.counts(range, ChangesFilter.NONE).byKind().values().stream()
                        .filter(n -> n > 0)
                        .count(),
                () -> raw(summary.sql(), summary.params())));
        ChangesQuery.Statement order = changes.modelOrderStatement(range, ChangesFilter.NONE);
        cases.add(new Bench.Case(
                "changes a year apart: the list's order by model (a range's first page reads it once)",
                diffSummary,
                List.of(new Bench.Sql(order.sql(), order.params())),
                () -> app(order.sql(), order.params()),
                () -> raw(order.sql(), order.params())));
        // Pages spread over the list, each with the models it covers (for the raw path's read of their changes).
        List<Map.Entry<Integer, List<Integer>>> spread = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int offset = i * 20_000;
            List<Integer> models = changes.page(range, ChangesFilter.NONE, offset, 50).stream()
                    .map(c -> c.modelId())
                    .distinct()
                    .toList();
            spread.add(Map.entry(offset, models));
        }
        Supplier<Map.Entry<Integer, List<Integer>>> pageTurn = pairedTurns(spread);
        cases.add(new Bench.Case(
                "changes a year apart: a page of 50 anywhere in the list (ChangesQuery.page, order read)",
                asOfPage,
                List.of(),
                () -> changes.page(range, ChangesFilter.NONE, pageTurn.get().getKey(), 50)
                        .size(),
                () -> {
                    ChangesQuery.Statement models = changes.modelsStatement(
                            range, ChangesFilter.NONE, pageTurn.get().getValue());
                    return Math.min(50, raw(models.sql(), models.params()));
                }));
        return cases;
    }

    private Map<String, Object> asOf(LocalDateTime before) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", before);
        params.put("staleBefore", before.minusDays(180));
        return params;
    }

    private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(params);
        copy.put(name, value);
        return copy;
    }

    /** The application's way: JdbcClient, each row read into a map of its columns. */
    private int app(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query().listOfRows().size();
    }

    private int count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single().intValue();
    }

    private int raw(String sql, Map<String, ?> params) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return RawJdbc.query(c, sql, params).size();
        }
    }

    /** The raw path of a statement with a row per cell: its models, as the application's rows are. */
    private int rawModels(String sql, Map<String, ?> params) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            RawJdbc.Rows rows = RawJdbc.query(c, sql, params);
            int modelId = rows.column("model_id");
            return (int) rows.values().stream().map(r -> r[modelId]).distinct().count();
        }
    }

    private Connection held;

    /** A connection for the raw count, kept for the run (the app path's pool keeps its own open too). */
    private Connection connection() throws Exception {
        if (held == null) {
            held = dataSource.getConnection();
        }
        return held;
    }

    /** The same page for an iteration's app and raw calls, the next page for the next iteration. */
    private static <T> Supplier<T> pairedTurns(List<T> items) {
        int[] turn = {0};
        return () -> items.get(turn[0]++ / 2 % items.size());
    }
}
