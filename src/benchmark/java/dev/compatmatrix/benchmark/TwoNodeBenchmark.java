package dev.compatmatrix.benchmark;

import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.browser.AppProcess;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.security.repository.ApiTokenRepository;
import dev.compatmatrix.security.token.ApiScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One application node against two on the same PostgreSQL database: the production jar started twice (each its own
 * JVM, as two machines behind a load balancer would run it) on a scratch copy of the generated catalogue, then in
 * turn — one node, two nodes, and in the next round two nodes first — the throughput of the read API ({@code GET
 * /api/v1/matrix}: a page at a random offset, every fourth request a first page in a random sort) with several
 * readers for a fixed time, and of ingest ({@code POST /api/v1/results}, batches of 1,000, several pipelines). With
 * two nodes, client {@code i} talks to node {@code i mod 2}, as sticky sessions spread clients. Run with
 * {@code ./mvnw -Pproduction -DskipTests package && ./mvnw -B -q -Pbenchmark exec:exec@benchmark
 * -Dbenchmark=two-nodes}; the node logs stay in {@code target/benchmark/two-nodes/}.
 *
 * <p>Arguments (all optional): models (100000), the production jar (without it, this JVM's class path), seconds per
 * read phase (20), readers (4), ingest batches per phase (20), ingest clients (2), rounds (2).
 */
public final class TwoNodeBenchmark {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final int PAGE = 50;
    private static final String[] SORTS = {"name", "family", "score", "parameters", "cuda", "webgpu", "-name", "-score"
    };
    private static final String NODE_HEAP = "-Xmx1g";

    private TwoNodeBenchmark() {}

    /** Requests (or results) done in a phase, and their latencies. */
    private record Phase(String name, int nodes, double perSecond, double p50, double p95, int failures) {}

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        Path jar = args.length > 1 && !args[1].isBlank() ? Path.of(args[1]) : null;
        int seconds = Bench.intArg(args, 2, 20);
        int readers = Bench.intArg(args, 3, 4);
        int batches = Bench.intArg(args, 4, 20);
        int pipelines = Bench.intArg(args, 5, 2);
        int rounds = Bench.intArg(args, 6, 2);

        BenchDatabase database =
                BenchDatabase.catalogue(DatabaseKind.POSTGRESQL, models).scratchCopy("two_nodes");
        String secret = newSecret();
        List<String> names = withToken(database, secret);
        Path work =
                Files.createDirectories(Path.of("target/benchmark/two-nodes").toAbsolutePath());
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("COMPAT_DEMO_ENABLED", "false");
        environment.put("COMPAT_BACKUP_DIR", work.resolve("backups").toString());
        environment.put("JDK_JAVA_OPTIONS", NODE_HEAP);
        System.out.printf(
                Locale.ROOT,
                "%nTwo nodes on %s (%,d models): %s, each %s; load average %s%n",
                database.location(),
                models,
                jar != null && Files.exists(jar) ? "java -jar " + jar.getFileName() : "this JVM's class path",
                NODE_HEAP,
                Bench.loadAverage());
        List<Phase> phases = new ArrayList<>();
        try (AppProcess a = start(jar, environment, work.resolve("node-a.log"));
                AppProcess b = start(jar, environment, work.resolve("node-b.log"))) {
            List<String> nodes = List.of(base(a), base(b));
            HttpClient http = HttpClient.newHttpClient();
            // Warm-up: both nodes read and write a little before anything is timed.
            for (String node : nodes) {
                String warmup = "warmup-node-" + (nodes.indexOf(node) + 1);
                try {
                    for (int i = 0; i < 20; i++) {
                        read(http, node, secret, new Random(i), models);
                    }
                    IngestBenchmark.post(http, node, secret, IngestBenchmark.batch(warmup, names, new Random(9)));
                } catch (IllegalStateException e) {
                    System.out.println("warm-up of " + node + " failed (the phases will say more): " + e.getMessage());
                }
            }
            for (int round = 0; round < rounds; round++) {
                List<Integer> order = round % 2 == 0 ? List.of(1, 2) : List.of(2, 1);
                for (int n : order) {
                    phases.add(reads(http, nodes.subList(0, n), secret, readers, seconds, models, round));
                }
                for (int n : order) {
                    phases.add(ingest(http, nodes.subList(0, n), secret, names, pipelines, batches, round));
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n| phase | nodes | throughput | p50 (ms) | p95 (ms) | failed |%n|---|---:|---:|---:|---:|---:|%n");
        for (Phase p : phases) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %.0f | %.0f | %d |%n",
                    p.name(),
                    p.nodes(),
                    p.perSecond(),
                    p.p50(),
                    p.p95(),
                    p.failures());
        }
        System.out.printf(Locale.ROOT, "Load average at the end: %s.%n", Bench.loadAverage());
    }

    private static AppProcess start(Path jar, Map<String, String> environment, Path log) throws Exception {
        long started = System.nanoTime();
        AppProcess app = jar != null && Files.exists(jar)
                ? AppProcess.start(jar, environment, log, START_TIMEOUT)
                : AppProcess.start(
                        System.getProperty("java.class.path"),
                        "dev.compatmatrix.Application",
                        environment,
                        log,
                        START_TIMEOUT);
        System.out.printf(
                Locale.ROOT,
                "%s ready in %.1f s (%s)%n",
                log.getFileName(),
                (System.nanoTime() - started) / 1e9,
                app.url("/"));
        return app;
    }

    private static String base(AppProcess app) {
        return app.url("");
    }

    /** Readers for {@code seconds}: reader {@code i} asks node {@code i mod nodes}. */
    private static Phase reads(
            HttpClient http, List<String> nodes, String secret, int readers, int seconds, int models, int round)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Phase phase = concurrently(readers, i -> {
            String node = nodes.get(i % nodes.size());
            Random random = new Random(round * 100L + i);
            List<Double> millis = new ArrayList<>();
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                read(http, node, secret, random, models);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return millis;
        });
        return named(phase, "read API, %d readers, round %d".formatted(readers, round + 1), nodes.size(), 1);
    }

    /** One GET of the matrix API: a page at a random offset, or (one in four) a first page in a random sort. */
    private static void read(HttpClient http, String node, String secret, Random random, int models) throws Exception {
        String query = random.nextInt(4) == 0
                ? "sort=" + SORTS[random.nextInt(SORTS.length)] + "&offset=0"
                : "offset=" + random.nextInt(Math.max(1, models - PAGE));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(node + "/api/v1/matrix?" + query + "&limit=" + PAGE))
                        .header("Authorization", "Bearer " + secret)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + query + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    /** Pipelines posting {@code batches} batches of 1,000 between them, back to back; pipeline {@code i} to node {@code i mod nodes}. */
    private static Phase ingest(
            HttpClient http,
            List<String> nodes,
            String secret,
            List<String> names,
            int pipelines,
            int batches,
            int round)
            throws Exception {
        Phase phase = concurrently(pipelines, i -> {
            String node = nodes.get(i % nodes.size());
            Random random = new Random(10_000L * (round + 1) + 100L * nodes.size() + i);
            List<Double> millis = new ArrayList<>();
            for (int k = 0; k < batches / pipelines; k++) {
                var batch = IngestBenchmark.batch(
                        "nodes-%d-round-%d-client-%d-%d".formatted(nodes.size(), round, i, k), names, random);
                long start = System.nanoTime();
                IngestBenchmark.post(http, node, secret, batch);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return millis;
        });
        return named(
                phase,
                "ingest, %d pipelines × %d batches of 1,000, round %d"
                        .formatted(pipelines, batches / pipelines, round + 1),
                nodes.size(),
                IngestBenchmark.BATCH);
    }

    private interface Client {
        List<Double> run(int index) throws Exception;
    }

    /**
     * Runs {@code clients} clients at once and gathers their calls' latencies; a client that fails stops and counts
     * one failure.
     */
    private static Phase concurrently(int clients, Client client) throws InterruptedException {
        List<Double> all = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    all.addAll(client.run(index));
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.out.println("client " + index + " failed: " + e.getMessage());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Phase(
                "",
                0,
                sorted.length / seconds,
                sorted.length == 0 ? Double.NaN : Bench.percentile(sorted, 50),
                sorted.length == 0 ? Double.NaN : Bench.percentile(sorted, 95),
                failures.get());
    }

    /** The phase with its name and nodes; throughput in requests/s, or results/s for {@code perCall} results a call. */
    private static Phase named(Phase phase, String name, int nodes, int perCall) {
        var named = new Phase(
                name + (perCall == 1 ? " (requests/s)" : " (results/s)"),
                nodes,
                phase.perSecond() * perCall,
                phase.p50(),
                phase.p95(),
                phase.failures());
        System.out.printf(
                Locale.ROOT,
                "%-70s %d node(s): %,8.0f/s, p50 %5.0f ms, p95 %5.0f ms, failed %d; load average %s%n",
                named.name(),
                nodes,
                named.perSecond(),
                named.p50(),
                named.p95(),
                named.failures(),
                Bench.loadAverage());
        return named;
    }

    /**
     * An API token with both scopes for the first automated validator, written straight into the scratch database
     * (as an administrator's "new token" would); the model names, for the batches.
     */
    private static List<String> withToken(BenchDatabase database, String secret) throws Exception {
        try (var connection = database.connect()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            int validator = jdbc.sql("""
                            SELECT min(validator_id) FROM validators WHERE type IN ('ci_pipeline', 'automated_test')""").query(Integer.class).single();
            LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
            new ApiTokenRepository(jdbc)
                    .insert(
                            "two-node benchmark",
                            secret.substring(0, 12),
                            HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("SHA-256")
                                            .digest(secret.getBytes(StandardCharsets.UTF_8))),
                            validator,
                            Set.of(ApiScope.RESULTS_WRITE, ApiScope.READ),
                            "benchmark",
                            now,
                            now.plusDays(1));
            return jdbc.sql("SELECT model_name FROM models ORDER BY model_id")
                    .query(String.class)
                    .list();
        }
    }

    /** A secret of the shape the application issues: "cmc_" and 40 URL-safe characters. */
    private static String newSecret() {
        byte[] bytes = new byte[30];
        new SecureRandom().nextBytes(bytes);
        return "cmc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
