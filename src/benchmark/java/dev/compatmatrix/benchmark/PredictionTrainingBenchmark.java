package dev.compatmatrix.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.compatmatrix.Application;
import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.learn.TrainingData;
import dev.compatmatrix.prediction.learn.TrainingOutcome;
import dev.compatmatrix.prediction.learn.TrainingProgress;
import dev.compatmatrix.prediction.learn.TribuoLearner;
import dev.compatmatrix.prediction.query.TrainingDataQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21, training (BENCHMARKS.md "Predictions (issue 21): training"): the learner on the demo data (the honest
 * evaluation figures) and on the generated catalogue of {@code models} models (time, peak heap, predicting every
 * untested cell; figures that flatter the method, as the generator's levels follow a rule with noise). Arguments:
 * models, runs on the generated data. Run it with {@code -Xmx1g} and two cores to check the memory target
 * (BENCHMARKS.md gives the command).
 */
public final class PredictionTrainingBenchmark {

    /** -Dbenchmark.verbose=true: every progress step with its time. */
    private static final boolean VERBOSE = Boolean.getBoolean("benchmark.verbose");

    private PredictionTrainingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int models = Bench.intArg(args, 0, 100_000);
        int runs = Bench.intArg(args, 1, 2);
        System.out.printf(
                Locale.ROOT,
                "Cores %d, max heap %,d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Bench.loadAverage());

        if (!Boolean.getBoolean("benchmark.skipDemo")) {
            TrainingData demo = demoData();
            System.out.printf(
                    Locale.ROOT,
                    "%n## Demo data: %,d models, %,d claims%n",
                    demo.models().size(),
                    demo.claims().size());
            report(train(demo));
        }

        TrainingData generated;
        long loadStart = System.nanoTime();
        BenchDatabase database = BenchDatabase.catalogue(DatabaseKind.DUCKDB, models);
        try (HikariDataSource pool = database.pool()) {
            loadStart = System.nanoTime();
            generated = new TrainingDataQuery(JdbcClient.create(pool)).load();
        }
        System.out.printf(
                Locale.ROOT,
                "%n## Generated data: %,d models, %,d claims (read in %.1f s)%n",
                generated.models().size(),
                generated.claims().size(),
                (System.nanoTime() - loadStart) / 1e9);
        for (int run = 1; run <= runs; run++) {
            System.out.printf(Locale.ROOT, "%n### Run %d of %d (load average %s)%n", run, runs, Bench.loadAverage());
            report(train(generated));
        }
    }

    /** The demo data, as the console loads it, read through the same query. */
    private static TrainingData demoData() throws Exception {
        Path file = Path.of("target/benchmark/prediction-demo.duckdb");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
        try (ConfigurableApplicationContext app = SpringApplication.run(
                Application.class,
                "--compat.db.path=" + file,
                "--compat.backup.dir=target/benchmark/prediction-demo-backups",
                "--compat.demo.enabled=true",
                "--server.port=0",
                "--vaadin.productionMode=false",
                "--logging.level.root=warn")) {
            return app.getBean(TrainingDataQuery.class).load();
        }
    }

    private record Timed(
            TrainingOutcome outcome,
            double seconds,
            double crossValidation,
            double training,
            double predicting,
            long peakHeap,
            long heapBefore,
            double cpuSeconds) {}

    private static Timed train(TrainingData data) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        // Seconds spent in each kind of step, from the progress reports' times.
        double[] spent = new double[3];
        long[] last = {System.nanoTime()};
        int[] kind = {0};
        long begun = System.nanoTime();
        TrainingProgress progress = (fraction, step) -> {
            long now = System.nanoTime();
            if (VERBOSE) {
                System.out.printf(Locale.ROOT, "  %6.1f s %3.0f %% %s%n", (now - begun) / 1e9, fraction * 100, step);
            }
            spent[kind[0]] += (now - last[0]) / 1e9;
            last[0] = now;
            kind[0] = step.contains("predicting") ? 2 : step.contains("training on all") ? 1 : 0;
        };
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        TrainingOutcome outcome = new TribuoLearner().train(data, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Timed(outcome, seconds, spent[0], spent[1], spent[2], peak.get(), before, cpuSeconds);
    }

    private static void report(Timed timed) {
        TrainingOutcome outcome = timed.outcome();
        System.out.println(outcome.message());
        System.out.printf(
                Locale.ROOT,
                "Total %.1f s (CPU time of the process %.1f s): cross-validation (and preparing) %.1f s, final training %.1f s, predicting %,d cells"
                        + " %.1f s; heap used before %,d MB, peak (sampled every 20 ms) %,d MB%n",
                timed.seconds(),
                timed.cpuSeconds(),
                timed.crossValidation(),
                timed.training(),
                outcome.predictions().size(),
                timed.predicting(),
                timed.heapBefore() / (1024 * 1024),
                timed.peakHeap() / (1024 * 1024));
        if (!outcome.learnt()) {
            return;
        }
        outcome.predictions().stream()
                .limit(3)
                .forEach(p -> System.out.println("Example: model " + p.modelId() + " on "
                        + p.platform().label() + ": " + p.shortText() + " — " + String.join("; ", p.reasons())));
        System.out.println("| platform | held-out claims | accuracy (baseline) | macro-F1 (baseline) | ECE (baseline)"
                + " | beats baseline |");
        System.out.println("|---|---|---|---|---|---|");
        for (PlatformEvaluation p : outcome.platforms()) {
            System.out.println(
                    row(p.platform().label(), p.examples(), p.model(), p.baseline(), p.beatsBaseline() ? "yes" : "no"));
        }
        System.out.println(row(
                "all",
                outcome.platforms().stream()
                        .mapToInt(PlatformEvaluation::examples)
                        .sum(),
                outcome.overall(),
                outcome.overallBaseline(),
                ""));
    }

    private static String row(String name, int examples, Metrics model, Metrics baseline, String beats) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.3f (%.3f) | %.3f (%.3f) | %.3f (%.3f) | %s |",
                name,
                examples,
                model.accuracy(),
                baseline.accuracy(),
                model.macroF1(),
                baseline.macroF1(),
                model.ece(),
                baseline.ece(),
                beats);
    }
}
