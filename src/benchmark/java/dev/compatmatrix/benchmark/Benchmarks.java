package dev.compatmatrix.benchmark;

import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one entry point the build runs (pom, profile {@code benchmark}): picks the benchmarks named by the first
 * argument and hands it its arguments from the {@code benchmark.*} system properties, whose defaults the pom holds.
 * Each benchmark's own {@code main} still takes its arguments by position, for running it directly.
 */
public final class Benchmarks {

    private Benchmarks() {}

    /** A benchmark's main class and the properties that become its arguments, in order. */
    private record Entry(Main main, List<String> arguments) {}

    @FunctionalInterface
    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Entry> BENCHMARKS = Map.ofEntries(
            Map.entry(
                    "matrix",
                    new Entry(
                            MatrixBenchmark::main,
                            List.of("benchmark.models", "benchmark.iterations", "benchmark.warmup"))),
            Map.entry(
                    "screens",
                    new Entry(
                            ScreensBenchmark::main,
                            List.of(
                                    "benchmark.models",
                                    "benchmark.iterations",
                                    "benchmark.warmup",
                                    "benchmark.export.runs",
                                    "benchmark.startup.runs",
                                    "benchmark.jar"))),
            Map.entry(
                    "browser",
                    new Entry(
                            BrowserBenchmark::main,
                            List.of("benchmark.jar", "benchmark.models", "benchmark.browser.rounds"))),
            Map.entry(
                    "startup",
                    new Entry(
                            StartUpBenchmark::main,
                            List.of("benchmark.models", "benchmark.startup.runs", "benchmark.jar"))),
            Map.entry(
                    "time-travel",
                    new Entry(
                            TimeTravelBenchmark::main,
                            List.of("benchmark.models", "benchmark.iterations", "benchmark.warmup", "=100"))),
            Map.entry(
                    "prediction-reads",
                    new Entry(
                            PredictionReadsBenchmark::main,
                            List.of("benchmark.models", "benchmark.iterations", "benchmark.warmup"))),
            Map.entry(
                    "quick-search",
                    new Entry(
                            QuickSearchBenchmark::main,
                            List.of("benchmark.models", "benchmark.iterations", "benchmark.warmup"))),
            Map.entry(
                    "prediction-training",
                    new Entry(PredictionTrainingBenchmark::main, List.of("benchmark.models", "=2"))),
            Map.entry(
                    "small-writes",
                    new Entry(SmallWritesBenchmark::main, List.of("benchmark.models", "=300", "benchmark.warmup"))),
            Map.entry(
                    "ingest",
                    new Entry(
                            IngestBenchmark::main,
                            List.of("benchmark.models", "benchmark.batches", "=3", "benchmark.clients"))),
            Map.entry(
                    "two-nodes",
                    new Entry(
                            TwoNodeBenchmark::main,
                            List.of(
                                    "benchmark.models",
                                    "benchmark.jar",
                                    "benchmark.nodes.seconds",
                                    "benchmark.nodes.readers",
                                    "benchmark.batches",
                                    "benchmark.clients",
                                    "benchmark.nodes.rounds"))),
            Map.entry(
                    "live-sessions",
                    new Entry(
                            LiveSessionsBenchmark::main,
                            List.of("benchmark.models", "=1,50,200", "=20", "=10", "=grid"))),
            Map.entry(
                    "live-sessions-marker",
                    new Entry(
                            LiveSessionsBenchmark::main,
                            List.of("benchmark.models", "=1,50,200", "=20", "=10", "=marker"))),
            Map.entry("live-signal", new Entry(LiveSignalBenchmark::main, List.of("=200", "=30"))),
            Map.entry(
                    "import",
                    new Entry(
                            ImportBenchmark::main,
                            List.of("benchmark.models", "benchmark.importRows", "benchmark.importRuns"))),
            Map.entry(
                    "session-memory",
                    new Entry(
                            SessionMemoryBenchmark::main,
                            List.of("benchmark.models", "benchmark.sessions", "=10", "benchmark.clients"))),
            Map.entry(
                    "transfer",
                    new Entry(DatabaseTransfer::main, List.of("transfer.mode", "transfer.from", "transfer.to"))),
            Map.entry(
                    "generator",
                    new Entry(SyntheticDatabaseGenerator::main, List.of("benchmark.file", "benchmark.models"))));

    /**
     * Runs the benchmarks named, one after another in this JVM ({@code -Dbenchmark=matrix,screens}): on PostgreSQL
     * they share the catalogue loaded once into this JVM's throwaway server.
     */
    public static void main(String[] args) throws Exception {
        List<Entry> entries = args.length == 1
                ? java.util.Arrays.stream(args[0].split(","))
                        .map(name -> BENCHMARKS.get(name.strip()))
                        .toList()
                : List.of();
        if (entries.isEmpty() || entries.contains(null)) {
            System.err.println("Name benchmarks with -Dbenchmark=NAME[,NAME…], each one of: "
                    + BENCHMARKS.keySet().stream().sorted().collect(Collectors.joining(", ")));
            System.exit(2);
        }
        for (Entry entry : entries) {
            entry.main()
                    .run(entry.arguments().stream().map(Benchmarks::argument).toArray(String[]::new));
        }
    }

    /** A property's value, or the text after "=" for an argument the build does not let one change. */
    private static String argument(String property) {
        if (property.startsWith("=")) {
            return property.substring(1);
        }
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("Missing -D" + property + " (the pom's benchmark profile sets it)");
        }
        return value;
    }
}
