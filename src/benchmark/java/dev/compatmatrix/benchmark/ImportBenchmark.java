package dev.compatmatrix.benchmark;

import dev.compatmatrix.admin.importing.ImportProgress;
import dev.compatmatrix.admin.importing.ImportResult;
import dev.compatmatrix.admin.importing.ImportService;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.Roles;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The admin import into a copy of the 100,000-model benchmark database, through {@link ImportService#apply} as the
 * import screen calls it (read, checks, writing, commit): a file of new models with a claim each, then a file
 * changing every one of those claims. See BENCHMARKS.md. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=import}.
 *
 * <p>Arguments (all optional): models in the benchmark database (100000), rows per file (10000), runs (3). Each run
 * imports models of its own, so every run creates and then changes the same number of rows.
 */
public final class ImportBenchmark {

    private static final String[] PLATFORMS = {"cpu", "cuda", "rocm", "mps", "openvino", "qualcomm", "webnn", "webgpu"};

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = args.length > 0
                ? Integer.parseInt(args[0].replace("_", ""))
                : SyntheticDatabaseGenerator.DEFAULT_MODELS;
        int rows = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ConfigurableApplicationContext app = BenchmarkApp.start(models, "import-scratch")) {
            ImportService imports = app.getBean(ImportService.class);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "benchmark", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
            System.out.printf(
                    Locale.ROOT, "%nImport into %,d models: files of %,d rows, %d runs%n", models, rows, runs);
            System.out.println(
                    "| run | dry run of the new file (s) | new models with a claim each (s) | changing those claims (s) |");
            System.out.println("|---|---:|---:|---:|");
            for (int run = 1; run <= runs; run++) {
                String prefix = "bench-import-" + run + "-";
                long start = System.nanoTime();
                imports.preview("new.csv", file(prefix, rows, "high", null));
                double dryRun = (System.nanoTime() - start) / 1e9;
                String create = timed(imports, "new.csv", file(prefix, rows, "high", null), rows, 0);
                String change =
                        timed(imports, "change.csv", file(prefix, rows, "low", "Slower than measured before"), 0, rows);
                System.out.printf(Locale.ROOT, "| %d | %.2f | %s | %s |%n", run, dryRun, create, change);
            }
        }
    }

    /**
     * Applies the file, after checking what it changed: wall seconds from the call to its return (committed), and
     * the CPU seconds of the whole process meanwhile (DuckDB's threads included), which depend less on what else
     * the shared machine runs.
     */
    private static String timed(ImportService imports, String name, byte[] file, int expectCreated, int expectChanged) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        ImportResult result = imports.apply(name, file, ImportProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        if (result.modelsCreated() != expectCreated
                || result.claimsCreated() != expectCreated
                || result.claimsChanged() != expectChanged) {
            throw new IllegalStateException("Unexpected result of " + name + ": " + result);
        }
        return String.format(Locale.ROOT, "%.2f (CPU %.2f)", seconds, cpuSeconds);
    }

    private static byte[] file(String prefix, int rows, String level, String limitations) {
        StringBuilder csv =
                new StringBuilder("model,family,type,size,parameters_millions,hardware,level,limitations\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix)
                    .append(i)
                    .append(",benchfam,text_generation,base,125,")
                    .append(PLATFORMS[i % 8])
                    .append(',')
                    .append(level)
                    .append(',')
                    .append(limitations == null ? "" : limitations)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
