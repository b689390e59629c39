package dev.compatmatrix.benchmark;

import dev.compatmatrix.browser.AppProcess;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Start-up on the benchmark database (part of {@link ScreensBenchmark}): the application in a child JVM on a fresh
 * copy of the database each run, from process start until {@code /actuator/health/readiness} answers UP, then shut
 * down: the production jar ({@code ./mvnw -Pproduction -DskipTests package}) as it is, and the same jar extracted with a
 * JVM AOT cache (JDK 25, JEP 483/514) made by one training run — what the Dockerfile does. Logs stay in
 * {@code target/benchmark/start-up/}.
 */
final class StartUpBenchmark {

    private static final double TARGET_MS = 10_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private interface Launch {
        AppProcess start(Map<String, String> environment, Path log) throws Exception;
    }

    private StartUpBenchmark() {}

    /** Arguments: models (100000), runs (3), the production jar. */
    public static void main(String[] args) throws Exception {
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        String path = MatrixBenchmark.databasePath(models);
        MatrixBenchmark.ensureDatabase(path, models);
        run(Path.of(path), Bench.intArg(args, 1, 3), args.length > 2 ? Path.of(args[2]) : null);
    }

    static void run(Path source, int runs, Path jar) throws Exception {
        if (runs == 0) {
            return;
        }
        Path work = Files.createDirectories(Path.of("target/benchmark/start-up").toAbsolutePath());
        if (jar == null || !Files.exists(jar)) {
            System.out.println("No production jar at " + jar + ": build it with ./mvnw -Pproduction -DskipTests "
                    + "package to time the start-up.");
            return;
        }
        String build = developmentBuild(jar) ? " (development build: vaadin-dev inside)" : " (production build)";
        time(
                "java -jar " + jar.getFileName() + build,
                "jar",
                source,
                runs,
                work,
                (environment, log) -> AppProcess.start(jar, environment, log, TIMEOUT));
        Path extracted = extract(jar, work.resolve("extracted"));
        Path cache = train(extracted, source, work);
        time(
                "java -XX:AOTCache=app.aot -jar <extracted>/" + extracted.getFileName() + build,
                "aot-cache",
                source,
                runs,
                work,
                (environment, log) -> AppProcess.start(
                        List.of("-XX:AOTCache=" + cache, "-Xlog:aot=warning", "-jar", extracted.toString()),
                        environment,
                        log,
                        TIMEOUT));
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}: the layout the AOT cache needs (plain jars on a class path). */
    private static Path extract(Path jar, Path destination) throws Exception {
        deleteRecursively(destination);
        exec(
                List.of(
                        java(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "extract",
                        "--destination",
                        destination.toString()),
                destination.getParent().resolve("extract.log"));
        return destination.resolve(jar.getFileName());
    }

    /**
     * One training run that records the cache at exit: the application starts on a copy of the database, serves the
     * sign-in page once (Vaadin's request path loads its classes), then shuts down.
     */
    private static Path train(Path extractedJar, Path source, Path work) throws Exception {
        Path cache = work.resolve("app.aot");
        Files.deleteIfExists(cache);
        Path database = freshCopy(source, work);
        long start = System.nanoTime();
        try (AppProcess app = AppProcess.start(
                List.of("-XX:AOTCacheOutput=" + cache, "-jar", extractedJar.toString()),
                environment(database, work),
                work.resolve("training.log"),
                TIMEOUT)) {
            HttpResponse<String> login = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.url("/login")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("Training run: /login answered " + login.statusCode());
            }
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("The training run wrote no AOT cache; see " + work.resolve("training.log"));
        }
        System.out.printf(
                Locale.ROOT,
                "%nAOT cache: one training run in %.1f s, %,d MB%n",
                (System.nanoTime() - start) / 1e9,
                Files.size(cache) / (1024 * 1024));
        return cache;
    }

    private static void time(String what, String logName, Path source, int runs, Path work, Launch launch)
            throws Exception {
        double[] millis = new double[runs];
        System.out.printf(Locale.ROOT, "%nStart-up: %s on a copy of %s%n", what, source);
        for (int i = 0; i < runs; i++) {
            Path database = freshCopy(source, work);
            Path log = work.resolve(logName + "-" + (i + 1) + ".log");
            String load = Bench.loadAverage();
            try (AppProcess app = launch.start(environment(database, work), log)) {
                millis[i] = app.startUpTime().toNanos() / 1e6;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  run %d: ready after %,.0f ms (load average %s at its start); %s%n",
                    i + 1,
                    millis[i],
                    load,
                    Files.readAllLines(log).stream()
                            .filter(l -> l.contains("Started Application"))
                            .map(l -> l.substring(l.indexOf("Started Application")))
                            .findFirst()
                            .orElse("?"));
        }
        double p95 = Bench.percentile(Bench.sorted(millis), 95);
        System.out.printf(
                Locale.ROOT,
                "Start-up to readiness UP (%s): %s — target ≤ %,.0f ms %s%n",
                logName,
                Bench.wallTimes(millis),
                TARGET_MS,
                p95 <= TARGET_MS ? "met" : "**missed**");
    }

    private static Path freshCopy(Path source, Path work) throws IOException {
        Path database = work.resolve("start-up.duckdb");
        Files.deleteIfExists(Path.of(database + ".wal"));
        Files.copy(source, database, StandardCopyOption.REPLACE_EXISTING);
        return database;
    }

    private static Map<String, String> environment(Path database, Path work) {
        return Map.of(
                "COMPAT_DB_PATH",
                database.toString(),
                "COMPAT_DB_MEMORYLIMIT",
                BenchDatabase.duckdbMemoryLimit(),
                "COMPAT_DEMO_ENABLED",
                "false",
                "COMPAT_ADMIN_USERNAME",
                "benchmark-admin",
                "COMPAT_ADMIN_PASSWORD",
                "start-up benchmark only",
                "COMPAT_BACKUP_DIR",
                work.resolve("backups").toString());
    }

    /** A jar packaged without {@code -Pproduction} carries Vaadin's development tools and starts in development mode. */
    private static boolean developmentBuild(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/lib/vaadin-dev"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void exec(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
