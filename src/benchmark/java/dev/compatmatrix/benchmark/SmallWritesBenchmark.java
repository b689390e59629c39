package dev.compatmatrix.benchmark;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One person's small writes at 100,000 models, through the application's own services on a copy of the
 * benchmark database: opening a claim and saving a level change (claim, history row, derived columns, audit row
 * in one transaction — {@link ClaimService#update}), and adding a model with its matrix row
 * ({@link CatalogService#create}). See BENCHMARKS.md, "DuckDB 1.4 vs 2.0". Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=small-writes} ({@code -Dduckdb.version=1.4.4.0} for 1.4).
 *
 * <p>Arguments (all optional): models (100000), measured writes per case (300), warm-up writes (50). Each edit
 * opens a claim of a different model, spread over the id range, and moves it to the next level (high → medium →
 * low → unsupported → high), so every save is a real change with a history row. Single-threaded: what one editor
 * waits for. Each iteration does one edit and one model insert, alternating which goes first.
 */
public final class SmallWritesBenchmark {

    private static final CompatibilityLevel[] LEVELS = CompatibilityLevel.values();

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        int measured = Bench.intArg(args, 1, 300);
        int warmup = Bench.intArg(args, 2, 50);
        try (ConfigurableApplicationContext app = BenchmarkApp.start(models, "small-writes-scratch")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Bench.describe(jdbc, MatrixBenchmark.databasePath(models), List.of("models", "compatibility_history"));
            var benchmark = new SmallWritesBenchmark(
                    app.getBean(ClaimService.class),
                    app.getBean(CatalogService.class),
                    jdbc.sql("SELECT model_name FROM models ORDER BY model_id")
                            .query(String.class)
                            .list(),
                    warmup + measured);
            long historyBefore = count(jdbc, "compatibility_history");
            long modelsBefore = count(jdbc, "cross_platform_compatibility");
            TestUsers.signIn("benchmark-editor", Roles.EDITOR);
            double[][] times;
            try {
                times = benchmark.run(measured, warmup);
            } finally {
                SecurityContextHolder.clearContext();
            }
            // Every save changed a level (one history row each) and every insert made a matrix row.
            long edits = count(jdbc, "compatibility_history") - historyBefore;
            long added = count(jdbc, "cross_platform_compatibility") - modelsBefore;
            if (edits != warmup + measured || added != warmup + measured) {
                throw new IllegalStateException("Expected " + (warmup + measured)
                        + " history rows and matrix rows, got " + edits + " and " + added);
            }
            report(
                    List.of(
                            "open a claim (ClaimService.find)",
                            "save a level change (ClaimService.update)",
                            "add a model with its matrix row (CatalogService.create)"),
                    times,
                    measured,
                    warmup);
        }
    }

    private final ClaimService claims;
    private final CatalogService catalog;
    private final List<String> names;
    private final int edits;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private SmallWritesBenchmark(ClaimService claims, CatalogService catalog, List<String> names, int edits) {
        this.claims = claims;
        this.catalog = catalog;
        this.names = names;
        this.edits = edits;
    }

    /** Times in ms per case (open, save, insert), sorted, of the measured iterations. */
    private double[][] run(int measured, int warmup) {
        List<Cell> cells =
                java.util.stream.IntStream.range(0, edits).mapToObj(this::cell).toList();
        double[][] times = new double[3][measured];
        for (int i = -warmup; i < measured; i++) {
            int n = i + warmup;
            long start = System.nanoTime();
            Claim loaded =
                    claims.find(cells.get(n).model(), cells.get(n).platform()).orElseThrow();
            double open = millisSince(start);
            double save;
            double insert;
            if ((i & 1) == 0) {
                save = millis(() -> saveNextLevel(loaded, n));
                insert = millis(() -> addModel(n));
            } else {
                insert = millis(() -> addModel(n));
                save = millis(() -> saveNextLevel(loaded, n));
            }
            if (i >= 0) {
                times[0][i] = open;
                times[1][i] = save;
                times[2][i] = insert;
            }
        }
        for (double[] t : times) {
            Arrays.sort(t);
        }
        return times;
    }

    private record Cell(String model, Platform platform) {}

    /**
     * The n-th model of an even spread over the id range, and its first claimed platform counting from the n-th
     * platform (so the edits visit every platform); found before the timing starts.
     */
    private Cell cell(int n) {
        String name = names.get((int) ((long) n * names.size() / edits));
        Platform[] platforms = Platform.values();
        for (int p = 0; p < platforms.length; p++) {
            Platform platform = platforms[(n + p) % platforms.length];
            if (claims.find(name, platform).isPresent()) {
                return new Cell(name, platform);
            }
        }
        throw new IllegalStateException(name + " has no claim");
    }

    private void saveNextLevel(Claim loaded, int n) {
        ClaimData d = loaded.data();
        CompatibilityLevel next = LEVELS[(d.level().ordinal() + 1) % LEVELS.length];
        Claim saved = claims.update(loaded, d.withLevel(next), new ChangeNote("benchmark edit " + n, "torch 2.5"));
        if (saved.data().level() != next) {
            throw new IllegalStateException("The save did not change the level of claim " + loaded.claimId());
        }
    }

    private void addModel(int n) {
        catalog.create(new ModelData(
                "bench-" + runId + "/new-model-" + n,
                "llama",
                ModelType.TEXT_GENERATION,
                ModelSize.BASE,
                7000.0,
                null));
    }

    private static double millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return millisSince(start);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void report(List<String> cases, double[][] times, int measured, int warmup) {
        System.out.printf(
                Locale.ROOT,
                "%n%d measured writes per case after %d warm-up; times in ms; nearest rank.%n%n",
                measured,
                warmup);
        System.out.println("| case | p50 | p95 | max |");
        System.out.println("|---|---:|---:|---:|");
        for (int c = 0; c < cases.size(); c++) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f |%n",
                    cases.get(c),
                    Bench.percentile(times[c], 50),
                    Bench.percentile(times[c], 95),
                    times[c][times[c].length - 1]);
        }
        System.out.printf(Locale.ROOT, "%nLoad average at the end: %s.%n", Bench.loadAverage());
    }
}
