package dev.compatmatrix.benchmark;

import dev.compatmatrix.Application;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application on a random port over a scratch copy of the benchmark database, for the write benchmarks. */
final class BenchmarkApp {

    private BenchmarkApp() {}

    /**
     * Generates the {@code models}-model benchmark database when needed ({@link MatrixBenchmark#ensureDatabase}),
     * copies it to {@code target/benchmark/<scratch>.duckdb} (writes must not change the shared file) and starts
     * the application on the copy.
     */
    static ConfigurableApplicationContext start(int models, String scratch) throws Exception {
        return start(BenchDatabase.duckdb(scratchCopy(models, scratch).toString()));
    }

    /** The application on this database (a scratch copy: the benchmarks write). */
    static ConfigurableApplicationContext start(BenchDatabase scratch) {
        List<String> arguments = new ArrayList<>(scratch.springArguments());
        arguments.addAll(List.of(
                "--server.port=0",
                "--compat.demo.enabled=false",
                "--vaadin.productionMode=false",
                "--logging.level.root=warn"));
        return SpringApplication.run(Application.class, arguments.toArray(String[]::new));
    }

    /** The copy {@link #start} uses, for a benchmark that starts the application with settings of its own. */
    static Path scratchCopy(int models, String scratch) throws Exception {
        String source = MatrixBenchmark.databasePath(models);
        MatrixBenchmark.ensureDatabase(source, models);
        Path copy = Path.of("target/benchmark/" + scratch + ".duckdb");
        Files.deleteIfExists(Path.of(copy + ".wal"));
        Files.copy(Path.of(source), copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }
}
