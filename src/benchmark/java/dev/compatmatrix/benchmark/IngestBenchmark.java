package dev.compatmatrix.benchmark;

import dev.compatmatrix.base.StepTimes;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.ingest.api.ResultsController;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Ingest through the real HTTP API into a copy of the 100,000-model benchmark database: results per second
 * for batches of 1,000, and the time from POST to the change being readable. See BENCHMARKS.md. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=ingest}.
 *
 * <p>Arguments (all optional): models (100000), measured batches (20), warm-up batches (3), then a second
 * phase's concurrent clients (2). First one client posts one batch at a time, as a CI pipeline does; then
 * several pipelines post at once. Every batch is new (no replays) and touches 1,000 distinct cells.
 */
public final class IngestBenchmark {

    static final int BATCH = 1000;
    private static final String[] PLATFORMS = {"cpu", "cuda", "rocm", "mps", "openvino", "qualcomm", "webnn", "webgpu"};
    private static final String[] LEVELS = {"high", "medium", "low", "unsupported"};

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = args.length > 0
                ? Integer.parseInt(args[0].replace("_", ""))
                : SyntheticDatabaseGenerator.DEFAULT_MODELS;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<BenchDatabase> databases = BenchDatabase.catalogues(models);
        List<String> summary = new ArrayList<>();
        for (BenchDatabase database : databases) {
            System.out.printf(Locale.ROOT, "%n== %s ==%n", database.label());
            BenchDatabase scratch = database.scratchCopy("ingest_scratch");
            try (ConfigurableApplicationContext app = BenchmarkApp.start(scratch)) {
                summary.add(database.label() + " | " + run(app, models, measured, warmup, clients));
            } catch (Exception e) {
                System.out.println(database.label() + " FAILS: " + e);
                summary.add(database.label() + " | **fails**: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " | | |");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n| database | POST p50 / p95 (ms) | POST → readable p95 (ms) | one client (results/s) "
                        + "| %d clients (results/s) |%n|---|---:|---:|---:|---:|%n",
                clients);
        summary.forEach(line -> System.out.println("| " + line + " |"));
        System.out.printf(Locale.ROOT, "Load average at the end: %s.%n", Bench.loadAverage());
    }

    /** One client's batches, then several clients at once; the figures as a table row's cells. */
    private static String run(ConfigurableApplicationContext app, int models, int measured, int warmup, int clients)
            throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        String token = token(app.getBean(ApiTokenService.class));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<String> names = jdbc.sql("SELECT model_name FROM models ORDER BY model_id")
                .query(String.class)
                .list();
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(42);
        for (int i = 0; i < warmup; i++) {
            post(http, base, token, batch("warmup-" + i, names, random));
        }
        // The profile: each measured batch's steps as the server timed them (StepTimes, logged at debug).
        List<StepTimes> profile = java.util.Collections.synchronizedList(new ArrayList<>());
        LoggingSystem.get(IngestBenchmark.class.getClassLoader())
                .setLogLevel(ResultsController.class.getName(), LogLevel.DEBUG);
        StepTimes.listen(profile::add);
        long[] postNanos = new long[measured];
        long[] visibleNanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            Batch batch = batch("measured-" + i, names, random);
            long start = System.nanoTime();
            String answer = post(http, base, token, batch);
            postNanos[i] = System.nanoTime() - start;
            // Visible: the last result's claim reads back at its new level (the matrix reads the same rows).
            String level = jdbc.sql("""
                            SELECT d.compatibility_level FROM compatibility_details d
                            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                            JOIN models m ON m.model_id = c.model_id
                            WHERE m.model_name = :model AND d.hardware_type = :platform""")
                    .param("model", batch.lastModel())
                    .param("platform", batch.lastPlatform())
                    .query(String.class)
                    .optional()
                    .orElse("none");
            visibleNanos[i] = System.nanoTime() - start;
            if (!answer.contains("\"replayed\":false")) {
                throw new IllegalStateException("Unexpected answer: " + answer);
            }
            if (i == 0) {
                System.out.println("first answer: " + answer + "; last cell now " + level);
            }
        }
        StepTimes.listen(null);
        LoggingSystem.get(IngestBenchmark.class.getClassLoader())
                .setLogLevel(ResultsController.class.getName(), LogLevel.WARN);
        printProfile(profile, postNanos);
        String one = report(postNanos, visibleNanos, measured, warmup, models);
        return one + " | "
                + String.format(Locale.ROOT, "%,.0f", concurrent(http, base, token, names, clients, measured));
    }

    /** Several pipelines at once: each client posts its share of the batches back to back. */
    private static double concurrent(
            HttpClient http, String base, String token, List<String> names, int clients, int measured)
            throws Exception {
        List<List<Batch>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Batch> mine = new ArrayList<>();
            Random random = new Random(1000 + c);
            for (int i = 0; i < measured / clients; i++) {
                mine.add(batch("parallel-" + c + "-" + i, names, random));
            }
            work.add(mine);
        }
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (List<Batch> mine : work) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (Batch b : mine) {
                    try {
                        post(http, base, token, b);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = clients * (measured / clients) * BATCH / seconds;
        System.out.printf(
                Locale.ROOT,
                "%d concurrent clients, %d batches of %,d: %,.0f results/s (load average %s)%n",
                clients,
                clients * (measured / clients),
                BATCH,
                perSecond,
                Bench.loadAverage());
        return perSecond;
    }

    /** Where a batch's time went: each step's mean and p50 over the measured batches, and its share of the POST. */
    private static void printProfile(List<StepTimes> profile, long[] postNanos) {
        if (profile.isEmpty()) {
            return;
        }
        java.util.Map<String, List<Double>> steps = new java.util.LinkedHashMap<>();
        List<Double> outside = new ArrayList<>();
        for (int i = 0; i < profile.size(); i++) {
            StepTimes batch = profile.get(i);
            batch.nanos()
                    .forEach((step, nanos) ->
                            steps.computeIfAbsent(step, s -> new ArrayList<>()).add(nanos / 1e6));
            if (i < postNanos.length) {
                outside.add((postNanos[i] - batch.totalNanos()) / 1e6);
            }
        }
        steps.put("HTTP, security, client (POST − server steps)", outside);
        double post = java.util.Arrays.stream(postNanos).average().orElse(0) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%nWhere a batch's time goes (%d batches; mean POST %.1f ms):%n| step | mean (ms) | p50 (ms) | share |%n"
                        + "|---|---:|---:|---:|%n",
                profile.size(),
                post);
        steps.forEach((step, values) -> {
            double[] sorted =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / profile.size();
            System.out.printf(
                    Locale.ROOT, "| %s | %.1f | %.1f | %.0f %% |%n", step, mean, pct(sorted, 50), 100 * mean / post);
        });
    }

    record Batch(String json, String lastModel, String lastPlatform) {}

    /** A new batch of 1,000 results for distinct cells of random models. */
    static Batch batch(String id, List<String> names, Random random) {
        StringBuilder json = new StringBuilder("{\"batch_id\":\"" + id + "-" + System.nanoTime() + "\",\"results\":[");
        Set<String> cells = new HashSet<>();
        String model = null;
        String platform = null;
        while (cells.size() < BATCH) {
            model = names.get(random.nextInt(names.size()));
            platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
            if (!cells.add(model + "/" + platform)) {
                continue;
            }
            if (cells.size() > 1) {
                json.append(',');
            }
            json.append("{\"model\":\"")
                    .append(model)
                    .append("\",\"hardware\":\"")
                    .append(platform)
                    .append("\",\"level\":\"")
                    .append(LEVELS[random.nextInt(LEVELS.length)])
                    .append("\",\"notes\":\"benchmark\",\"evidence\":{\"run\":\"run-")
                    .append(random.nextInt(1_000_000))
                    .append("\",\"framework_version\":\"torch 2.")
                    .append(random.nextInt(8))
                    .append("\",\"batch_size\":32,\"precision\":\"fp16\"}}");
        }
        return new Batch(json.append("]}").toString(), model, platform);
    }

    /** POSTs the batch to the node at {@code base} ({@code http://host:port}); its answer, or an exception unless 201. */
    static String post(HttpClient http, String base, String token, Batch batch) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/results"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch.json()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String token(ApiTokenService tokens) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "benchmark", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
        try {
            int validator = tokens.automatedValidators().getFirst().validatorId();
            return tokens.create("benchmark", validator, Set.of(ApiScope.RESULTS_WRITE), 1)
                    .secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Prints one client's figures; returns them as table cells: POST p50 / p95, readable p95, results/s. */
    private static String report(long[] postNanos, long[] visibleNanos, int measured, int warmup, int models) {
        double[] post = millis(postNanos);
        double[] visible = millis(visibleNanos);
        double totalSeconds = java.util.Arrays.stream(post).sum() / 1000;
        System.out.printf(
                Locale.ROOT,
                "%nIngest through HTTP into %,d models: %d batches of %,d (after %d warm-up)%n",
                models,
                measured,
                BATCH,
                warmup);
        System.out.printf(Locale.ROOT, "| measure | p50 | p95 | max |%n|---|---|---|---|%n");
        System.out.printf(
                Locale.ROOT,
                "| POST of 1,000 results (ms) | %.0f | %.0f | %.0f |%n",
                pct(post, 50),
                pct(post, 95),
                pct(post, 100));
        System.out.printf(
                Locale.ROOT,
                "| POST to readable (ms) | %.0f | %.0f | %.0f |%n",
                pct(visible, 50),
                pct(visible, 95),
                pct(visible, 100));
        System.out.printf(
                Locale.ROOT,
                "Throughput: %,.0f results/s (target ≥ 5,000); p95 POST→readable %.0f ms (target ≤ 1,000); load average %s%n",
                measured * BATCH / totalSeconds,
                pct(visible, 95),
                Bench.loadAverage());
        return String.format(
                Locale.ROOT,
                "%.0f / %.0f | %.0f | %,.0f",
                pct(post, 50),
                pct(post, 95),
                pct(visible, 95),
                measured * BATCH / totalSeconds);
    }

    private static double[] millis(long[] nanos) {
        return java.util.Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    private static double pct(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }
}
