package dev.compatmatrix.benchmark;

import dev.compatmatrix.base.db.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.duckdb.DuckDBDriver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the read-path benchmarks share: a case timed on the application's path beside the same SQL over plain
 * JDBC ({@link RawJdbc}), alternating which goes first; nearest-rank percentiles; the results table; where a
 * missed target's time goes (EXPLAIN ANALYZE); and the machine the figures come from.
 */
final class Bench {

    private Bench() {}

    /** The {@code index}th command-line argument as a number ({@code 100_000} allowed), or the fallback when absent. */
    static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : fallback;
    }

    /** A target: app p95 at most {@code p95Ms} and, where {@code maxRatio} is set, at most that times raw JDBC. */
    record Target(double p95Ms, Double maxRatio) {

        static final Target MATRIX_PAGE = new Target(50, 1.5);
        static final Target DASHBOARD = new Target(200, null);

        boolean metBy(Result result) {
            return result.appP95() <= p95Ms && (maxRatio == null || result.ratioP95() <= maxRatio);
        }

        String describe() {
            return String.format(Locale.ROOT, "p95 ≤ %.0f ms", p95Ms)
                    + (maxRatio == null ? "" : String.format(Locale.ROOT, " and ≤ %.1f× raw", maxRatio));
        }
    }

    /** SQL with named parameters, as the application runs it. */
    record Sql(String sql, Map<String, ?> params) {}

    /**
     * One measured case: the application's path and the same SQL over plain JDBC, each returning rows read.
     * {@code target} may be null (no target applies); {@code explain} are the statements to profile when the
     * target is missed.
     */
    record Case(String name, Target target, List<Sql> explain, Callable<Integer> app, Callable<Integer> raw) {}

    /**
     * Percentiles of one case over {@code iterations} measured calls per path, in milliseconds; or, when the case
     * could not run on this database, why ({@code failure}, the times NaN).
     */
    record Result(
            Case benchCase,
            int rows,
            int iterations,
            double appP50,
            double appP95,
            double rawP50,
            double rawP95,
            String failure) {

        Result(Case benchCase, int rows, int iterations, double appP50, double appP95, double rawP50, double rawP95) {
            this(benchCase, rows, iterations, appP50, appP95, rawP50, rawP95, null);
        }

        static Result failed(Case benchCase, Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message =
                    String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            return new Result(
                    benchCase,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(160, message.length())));
        }

        double ratioP50() {
            return appP50 / rawP50;
        }

        double ratioP95() {
            return appP95 / rawP95;
        }

        boolean missed() {
            return failure == null
                    && benchCase.target() != null
                    && !benchCase.target().metBy(this);
        }

        String verdict() {
            if (failure != null) {
                return "**fails**: " + failure.replace('|', '/');
            }
            return benchCase.target() == null ? "—" : missed() ? "**missed**" : "met";
        }
    }

    /**
     * How long one case may take, warm-up included ({@code -Dbenchmark.case.seconds}, 120 by default): a case whose first call pair is slow gets fewer iterations
     * (but at least {@link #MIN_ITERATIONS}, after at most {@link #MIN_WARMUP} warm-up), so seconds-long
     * statements do not hold the machine for an hour.
     */
    static final double CASE_BUDGET_MS = 1000.0
            * Long.parseLong(System.getProperty("benchmark.case.seconds", "120").strip());

    static final int MIN_ITERATIONS = 20;
    static final int MIN_WARMUP = 3;

    /**
     * Runs warm-up and measured iterations; each times one app and one raw call, alternating which goes first,
     * so machine noise and caches hit both alike. Both must read the same number of rows.
     */
    static Result measure(Case c, int iterations, int warmup) throws Exception {
        double probe = Double.MAX_VALUE; // the faster of two call pairs, so one cold call does not count
        for (int i = 0; i < 2; i++) {
            long probeStart = System.nanoTime();
            c.app().call();
            c.raw().call();
            probe = Math.min(probe, (System.nanoTime() - probeStart) / 1e6);
        }
        if (probe * (iterations + warmup) > CASE_BUDGET_MS) {
            warmup = Math.min(warmup, MIN_WARMUP);
            iterations = Math.clamp(
                    (long) (CASE_BUDGET_MS / probe) - warmup, Math.min(MIN_ITERATIONS, iterations), iterations);
        }
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
        var result = new Result(
                c,
                appRows,
                iterations,
                percentile(app, 50),
                percentile(app, 95),
                percentile(raw, 50),
                percentile(raw, 95));
        System.out.printf(
                Locale.ROOT,
                "  %-60s n %3d  app %8.2f / %8.2f ms   raw %8.2f / %8.2f ms   ratio %.2f / %.2f%n",
                c.name(),
                iterations,
                result.appP50(),
                result.appP95(),
                result.rawP50(),
                result.rawP95(),
                result.ratioP50(),
                result.ratioP95());
        return result;
    }

    /** {@link #measure}, or the failure when the case cannot run on this database (the others still run). */
    static Result measureOrFailure(Case c, int iterations, int warmup) {
        try {
            return measure(c, iterations, warmup);
        } catch (Exception e) {
            Result failed = Result.failed(c, e);
            System.out.printf(Locale.ROOT, "  %-60s FAILS: %s%n", c.name(), failed.failure());
            return failed;
        }
    }

    /**
     * The same cases on several databases, measured case by case in turn (DuckDB's, then PostgreSQL's), so the
     * machine's load at any moment hits both alike. {@code cases.get(d)} are database d's, in the same order.
     */
    static List<List<Result>> measureSideBySide(
            List<BenchDatabase> databases, List<List<Case>> cases, int iterations, int warmup) {
        List<List<Result>> results = new java.util.ArrayList<>();
        databases.forEach(d -> results.add(new java.util.ArrayList<>()));
        for (int i = 0; i < cases.getFirst().size(); i++) {
            for (int d = 0; d < databases.size(); d++) {
                System.out.print(databases.size() > 1 ? databases.get(d).label().charAt(0) + " " : "");
                results.get(d).add(measureOrFailure(cases.get(d).get(i), iterations, warmup));
            }
        }
        return results;
    }

    /**
     * Measures the cases on every database ({@link #measureSideBySide}) but those whose names match
     * {@code -Dbenchmark.skip} (a regular expression), prints each database's table, the comparison, and where the
     * time of each missed case goes on its database.
     */
    static List<List<Result>> runSideBySide(
            List<BenchDatabase> databases,
            List<? extends DataSource> pools,
            List<List<Case>> cases,
            int iterations,
            int warmup) {
        java.util.regex.Pattern skip = java.util.regex.Pattern.compile(
                System.getProperty("benchmark.skip", "").strip());
        if (!skip.pattern().isEmpty()) {
            cases = cases.stream()
                    .map(list -> list.stream()
                            .filter(c -> !skip.matcher(c.name()).find())
                            .toList())
                    .toList();
            System.out.println("Cases whose names match " + skip + " are skipped (-Dbenchmark.skip).");
        }
        List<List<Result>> results = measureSideBySide(databases, cases, iterations, warmup);
        for (int d = 0; d < databases.size(); d++) {
            printTable(databases.get(d), results.get(d), iterations, warmup);
        }
        printComparison(databases, results);
        for (int d = 0; d < databases.size(); d++) {
            System.out.printf("%nWhere the time goes on %s:%n", databases.get(d).label());
            explainMisses(pools.get(d), results.get(d));
        }
        return results;
    }

    /**
     * The application's path on each database side by side: p50 / p95 per database, the ratio of the last one's
     * p95 to the first one's, and each database's verdict; the load average at the end.
     */
    static void printComparison(List<BenchDatabase> databases, List<List<Result>> results) {
        if (databases.size() < 2) {
            return;
        }
        StringBuilder header = new StringBuilder("| Case |");
        StringBuilder rule = new StringBuilder("|---|");
        for (BenchDatabase d : databases) {
            header.append(" ")
                    .append(d.label())
                    .append(" p50 | ")
                    .append(d.label())
                    .append(" p95 |");
            rule.append("---:|---:|");
        }
        String first = databases.getFirst().label();
        String last = databases.getLast().label();
        header.append(" ").append(last).append(" / ").append(first).append(" p95 | target |");
        rule.append("---:|---|");
        System.out.printf(Locale.ROOT, "%nApplication path, ms, the databases measured case by case in turn:%n%n");
        System.out.println(header);
        System.out.println(rule);
        for (int i = 0; i < results.getFirst().size(); i++) {
            StringBuilder line = new StringBuilder(
                    "| " + results.getFirst().get(i).benchCase().name() + " |");
            for (List<Result> perDatabase : results) {
                Result r = perDatabase.get(i);
                line.append(String.format(Locale.ROOT, " %.1f | %.1f |", r.appP50(), r.appP95()));
            }
            Result a = results.getFirst().get(i);
            Result b = results.getLast().get(i);
            line.append(String.format(Locale.ROOT, " %.2f | ", b.appP95() / a.appP95()));
            List<String> verdicts = new java.util.ArrayList<>();
            for (int d = 0; d < databases.size(); d++) {
                verdicts.add(
                        databases.get(d).label() + " " + results.get(d).get(i).verdict());
            }
            line.append(String.join("; ", verdicts)).append(" |");
            System.out.println(line.toString().replace("NaN", "—"));
        }
        System.out.printf(Locale.ROOT, "Load average at the end: %s.%n", loadAverage());
    }

    /** Nearest-rank percentile of sorted values. */
    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static void printTable(BenchDatabase database, List<Result> results, int iterations, int warmup) {
        System.out.printf(Locale.ROOT, "%n%s (%s):", database.label(), database.location());
        printTable(results, iterations, warmup);
    }

    static void printTable(List<Result> results, int iterations, int warmup) {
        System.out.printf(
                Locale.ROOT,
                "%n%d measured iterations per path after %d warm-up, fewer (n) where a case "
                        + "would take over %.0f s; times in ms; ratio = app / raw JDBC at the same percentile.%n%n",
                iterations,
                warmup,
                CASE_BUDGET_MS / 1000);
        System.out.println(
                "| Case | rows | n | app p50 | app p95 | raw p50 | raw p95 | ratio p50 | ratio p95 | target |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n".replace("NaN", "—"),
                    r.benchCase().name(),
                    r.rows(),
                    r.iterations(),
                    r.appP50(),
                    r.appP95(),
                    r.rawP50(),
                    r.rawP95(),
                    r.ratioP50(),
                    r.ratioP95(),
                    r.verdict());
        }
        results.stream()
                .map(r -> r.benchCase().target())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(t -> System.out.println("Target: " + t.describe() + "."));
        System.out.printf(Locale.ROOT, "Load average at the end: %s.%n", loadAverage());
    }

    /**
     * The database's profile (EXPLAIN ANALYZE) of the main statements of each case that missed its target, or that has no target and is
     * slower than a matrix page may be: where the time goes.
     */
    static void explainMisses(DataSource dataSource, List<Result> results) {
        for (Result r : results) {
            boolean slow = r.benchCase().target() == null && r.appP95() > Target.MATRIX_PAGE.p95Ms();
            if (r.missed() || slow) {
                for (Sql sql : r.benchCase().explain()) {
                    explain(dataSource, r.benchCase().name(), sql);
                }
            }
        }
    }

    static void explain(DataSource dataSource, String name, Sql sql) {
        System.out.printf("%nEXPLAIN ANALYZE of a statement of \"%s\":%n%s%n", name, sql.sql());
        try (Connection connection = dataSource.getConnection()) {
            // DuckDB answers one row (key, plan), PostgreSQL a row per line of the plan.
            for (Object[] row : RawJdbc.query(connection, "EXPLAIN ANALYZE " + sql.sql(), sql.params())
                    .values()) {
                System.out.println(row[row.length - 1]);
            }
        } catch (SQLException e) {
            System.out.println("(no plan: " + e.getMessage() + ")");
        }
    }

    /** {@code n} model names spread over the id range, so no single model's blocks stay hot. */
    static List<String> sampleNames(JdbcClient jdbc, int n) {
        List<String> all = jdbc.sql("SELECT model_name FROM models ORDER BY model_id")
                .query(String.class)
                .list();
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> all.get((int) ((long) i * all.size() / n)))
                .toList();
    }

    /**
     * The names in turn for a case's app and raw calls: both calls of one iteration get the same name, the next
     * iteration the next one.
     */
    static Supplier<String> pairedTurns(List<String> names) {
        int[] turn = {0};
        return () -> names.get(turn[0]++ / 2 % names.size());
    }

    /** Wall times in ms, p50 / p95 / max, for runs too long or too few for the app-vs-raw table. */
    static String wallTimes(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "n %d, p50 %,.0f ms, p95 %,.0f ms, max %,.0f ms",
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                sorted[sorted.length - 1]);
    }

    /** The machine, the JDK, the database (its version and size) and its row counts. */
    static void describe(JdbcClient jdbc, BenchDatabase database, List<String> tables) throws IOException {
        System.out.printf(
                Locale.ROOT,
                "%nMachine: %s %s, %d cores (%s), %s RAM, load average %s; JDK %s; %s%n",
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memory(),
                loadAverage(),
                System.getProperty("java.vm.version"),
                databaseVersion(jdbc, database.kind()));
        long bytes = database.kind() == DatabaseKind.DUCKDB
                ? Files.size(Path.of(database.location()))
                : jdbc.sql("SELECT pg_database_size(current_database())")
                        .query(Long.class)
                        .single();
        System.out.printf(
                Locale.ROOT, "Database: %s %s, %,d MB%n", database.label(), database.location(), bytes / (1024 * 1024));
        for (String table : tables) {
            long rows =
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
            System.out.printf(Locale.ROOT, "  %-30s %,12d rows%n", table, rows);
        }
    }

    /** {@link #describe} for a DuckDB file. */
    static void describe(JdbcClient jdbc, String path, List<String> tables) throws IOException {
        describe(jdbc, BenchDatabase.duckdb(path), tables);
    }

    private static String databaseVersion(JdbcClient jdbc, DatabaseKind kind) {
        if (kind == DatabaseKind.POSTGRESQL) {
            String server = jdbc.sql("SHOW server_version").query(String.class).single();
            return "PostgreSQL " + server.replaceFirst(" .*", "") + " (driver "
                    + org.postgresql.Driver.class.getPackage().getImplementationVersion() + ")";
        }
        return String.format(
                "DuckDB %s (%s)",
                jdbc.sql("SELECT library_version FROM pragma_version()")
                        .query(String.class)
                        .single(),
                // The driver reports "1.0" as its version; its jar's name says which one it is.
                Path.of(DuckDBDriver.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath())
                        .getFileName());
    }

    /** The version of the DuckDB library on the class path, e.g. {@code v2.0.0}. */
    static String duckdbVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT library_version FROM pragma_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB does not start", e);
        }
    }

    /** Other work on the machine skews every figure; the 1-minute load average says how much there was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").orElse("unknown CPU");
    }

    private static String memory() {
        return procLine("/proc/meminfo", "MemTotal")
                .map(kb -> String.format(Locale.ROOT, "%.1f GB", Long.parseLong(kb.split(" ")[0]) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static java.util.Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
