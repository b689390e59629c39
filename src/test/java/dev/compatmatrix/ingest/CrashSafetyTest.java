package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.MatrixInvariants;
import dev.compatmatrix.browser.AppProcess;
import dev.compatmatrix.matrix.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash safety of the ingest API (issue 9): the application runs in its own JVM on a copy of the demo database; CI
 * clients post 50 distinct batches while it is killed with SIGKILL (no shutdown hook, no checkpoint). After a
 * restart on the same file, every acknowledged batch is there completely, no batch is there in part, and the
 * matrix's derived columns and histories still follow the claims.
 *
 * <p>Each batch marks everything it writes with its own id: the evidence run of its automated results, the task of
 * its measurements, the comment of its approvals, the reason of its history rows and the audit row's entity id.
 */
class CrashSafetyTest extends IntegrationTest {

    private static final int BATCHES = 50;
    private static final int RESULTS_PER_BATCH = 120;
    private static final int CLIENTS = 3;
    /** The kill comes once this many batches are acknowledged, while the clients are posting the next ones. */
    private static final int KILL_AFTER_ACKNOWLEDGED = 15;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String VALIDATOR = "nightly-ci";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a client saw of one batch. */
    private enum Outcome {
        ACKNOWLEDGED,
        REFUSED,
        IN_FLIGHT,
        NOT_SENT
    }

    private record Answer(Outcome outcome, int status, JsonNode report) {}

    @Autowired
    DataSource dataSource;

    @Test
    void a_kill_during_ingest_loses_no_acknowledged_batch_and_leaves_no_batch_in_part() throws Exception {
        Path work = Files.createTempDirectory(
                Files.createDirectories(Path.of("target")).toAbsolutePath(), "crash-safety-");
        Path database = work.resolve("crash.duckdb");
        Map<String, String> environment = Map.of(
                "COMPAT_DB_PATH",
                database.toString(),
                "COMPAT_DEMO_ENABLED",
                "false",
                "COMPAT_BACKUP_DIR",
                work.resolve("backups").toString(),
                "JDK_JAVA_OPTIONS",
                "-Xmx512m");

        String secret = newSecret();
        List<String> models = copyDemoDatabaseWithToken(database, secret);
        List<String> batches = new ArrayList<>();
        Random random = new Random(20260911);
        for (int i = 0; i < BATCHES; i++) {
            batches.add(batch(String.format(Locale.ROOT, "crash-%02d", i), models, random));
        }

        Map<String, Answer> answers;
        try (AppProcess app = start(environment, work.resolve("1-ingest-and-kill.log"))) {
            answers = postAndKill(app, batches, secret);
        }

        int afterRestartModels;
        try (AppProcess app = start(environment, work.resolve("2-restart.log"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> matrix = http.send(
                    request(app.url("/api/v1/matrix?limit=1"), secret).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(matrix.statusCode())
                    .as("the matrix reads after the restart: %s", matrix.body())
                    .isEqualTo(200);
            afterRestartModels = JSON.readTree(matrix.body()).get("total").asInt();
            HttpResponse<String> more = http.send(
                    request(app.url("/api/v1/results"), secret)
                            .POST(HttpRequest.BodyPublishers.ofString(batch("after-restart", models, random)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(more.statusCode())
                    .as("a batch is written after the restart: %s", more.body())
                    .isEqualTo(201);
        }
        assertThat(afterRestartModels).isEqualTo(models.size());

        try (Database db = Database.open(database)) {
            String size = db.jdbc
                    .sql("SELECT database_size FROM pragma_database_size()")
                    .query(String.class)
                    .single();
            db.jdbc.sql("CHECKPOINT").query().listOfRows();
            Map<Outcome, Integer> counts = new LinkedHashMap<>();
            int inFlightApplied = 0;
            for (String batchId : answers.keySet().stream().sorted().toList()) {
                Answer answer = answers.get(batchId);
                counts.merge(answer.outcome(), 1, Integer::sum);
                Presence presence = presence(db.jdbc, batchId);
                assertThat(presence.complete() || presence.absent())
                        .as("batch %s (%s) is there in part: %s", batchId, answer.outcome(), presence)
                        .isTrue();
                if (answer.outcome() == Outcome.ACKNOWLEDGED) {
                    assertThat(presence.complete())
                            .as("acknowledged batch %s is there: %s", batchId, presence)
                            .isTrue();
                    JsonNode report = answer.report();
                    assertThat(presence.approvals())
                            .as("approvals of %s", batchId)
                            .isEqualTo(report.get("created").asInt()
                                    + report.get("updated").asInt()
                                    + report.get("confirmed").asInt());
                    assertThat(presence.history())
                            .as("history rows of %s", batchId)
                            .isBetween(
                                    report.get("created").asInt(),
                                    report.get("created").asInt()
                                            + report.get("updated").asInt());
                } else if (presence.complete()) {
                    inFlightApplied++;
                }
            }
            assertThat(counts.getOrDefault(Outcome.REFUSED, 0))
                    .as("batches refused: %s", answers)
                    .isZero();
            assertThat(counts.getOrDefault(Outcome.ACKNOWLEDGED, 0)).isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
            assertThat(MatrixInvariants.derivedColumnsNotFollowingClaims(db.jdbc))
                    .as("derived columns")
                    .isEmpty();
            assertThat(MatrixInvariants.claimsWhoseHistoryEndsElsewhere(db.jdbc))
                    .as("histories")
                    .isEmpty();
            int inFlight = counts.getOrDefault(Outcome.IN_FLIGHT, 0);
            System.out.printf(
                    Locale.ROOT,
                    "Crash safety: %d batches of %d results, %d clients, SIGKILL after %d "
                            + "acknowledged: acknowledged %d (all complete), in flight at the kill %d (applied %d, lost "
                            + "unacknowledged %d), not sent %d, partial 0; restart opened the file (%s), a new batch "
                            + "was written, derived columns and histories agree with the claims%n",
                    BATCHES,
                    RESULTS_PER_BATCH,
                    CLIENTS,
                    KILL_AFTER_ACKNOWLEDGED,
                    counts.getOrDefault(Outcome.ACKNOWLEDGED, 0),
                    inFlight,
                    inFlightApplied,
                    inFlight - inFlightApplied,
                    counts.getOrDefault(Outcome.NOT_SENT, 0),
                    size);
        }
        // The logs stay in the folder; the database goes (kept when the test fails, to look into).
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + ".wal"));
    }

    private static AppProcess start(Map<String, String> environment, Path log) throws Exception {
        return AppProcess.start(
                System.getProperty("java.class.path"), "dev.compatmatrix.Application", environment, log, START_TIMEOUT);
    }

    /** Posts the batches from a few clients; kills the application once enough are acknowledged. */
    private static Map<String, Answer> postAndKill(AppProcess app, List<String> batches, String secret)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Answer> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size() && !killed.get(); i = next.getAndIncrement()) {
                    String body = batches.get(i);
                    String batchId = String.format(Locale.ROOT, "crash-%02d", i);
                    try {
                        HttpResponse<String> response = http.send(
                                request(app.url("/api/v1/results"), secret)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        boolean ok = response.statusCode() / 100 == 2;
                        answers.put(
                                batchId,
                                new Answer(
                                        ok ? Outcome.ACKNOWLEDGED : Outcome.REFUSED,
                                        response.statusCode(),
                                        ok ? JSON.readTree(response.body()) : null));
                        if (ok && acknowledged.incrementAndGet() >= KILL_AFTER_ACKNOWLEDGED) {
                            enough.countDown();
                        }
                    } catch (IOException e) {
                        // Sent before the kill and never answered: in flight. A refused connection: never sent.
                        answers.put(
                                batchId,
                                new Answer(
                                        e instanceof java.net.ConnectException ? Outcome.NOT_SENT : Outcome.IN_FLIGHT,
                                        0,
                                        null));
                    }
                }
                return null;
            });
        }
        boolean reached = enough.await(3, TimeUnit.MINUTES);
        killed.set(true);
        int exit = app.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(reached)
                .as("%d batches acknowledged before the kill", KILL_AFTER_ACKNOWLEDGED)
                .isTrue();
        assertThat(exit).as("exit value of a process ended by SIGKILL").isEqualTo(128 + 9);
        for (int i = 0; i < batches.size(); i++) {
            answers.putIfAbsent(String.format(Locale.ROOT, "crash-%02d", i), new Answer(Outcome.NOT_SENT, 0, null));
        }
        return answers;
    }

    private static HttpRequest.Builder request(String url, String secret) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json");
    }

    /** A batch of distinct cells, each result and measurement marked with the batch id. */
    private static String batch(String batchId, List<String> models, Random random) {
        List<String> cells = new ArrayList<>();
        for (String model : models) {
            for (Platform platform : Platform.values()) {
                cells.add(model + "\n" + platform.key());
            }
        }
        Collections.shuffle(cells, random);
        String[] levels = {"high", "medium", "low", "unsupported"};
        List<Map<String, Object>> results = new ArrayList<>();
        for (String cell : cells.subList(0, RESULTS_PER_BATCH)) {
            String[] parts = cell.split("\n");
            double p50 = 5 + random.nextInt(50);
            results.add(Map.of(
                    "model",
                    parts[0],
                    "hardware",
                    parts[1],
                    "level",
                    levels[random.nextInt(levels.length)],
                    "notes",
                    "crash safety " + batchId,
                    "evidence",
                    Map.of(
                            "run",
                            batchId,
                            "framework_version",
                            "fw " + random.nextInt(3),
                            "batch_size",
                            8,
                            "precision",
                            "fp16",
                            "simulated",
                            false),
                    "performance",
                    List.of(Map.of(
                            "task",
                            batchId,
                            "batch_size",
                            8,
                            "precision",
                            "fp16",
                            "throughput_items_per_s",
                            10 + random.nextInt(500),
                            "latency_p50_ms",
                            p50,
                            "latency_p95_ms",
                            p50 * 1.3,
                            "memory_mb",
                            100 + random.nextInt(4000)))));
        }
        return JSON.writeValueAsString(Map.of("batch_id", batchId, "results", results));
    }

    /** What of a batch is in the database. */
    private record Presence(
            boolean recorded, int automatedResults, int measurements, int audit, int approvals, int history) {

        boolean complete() {
            return recorded && automatedResults == RESULTS_PER_BATCH && measurements == RESULTS_PER_BATCH && audit == 1;
        }

        boolean absent() {
            return !recorded
                    && automatedResults == 0
                    && measurements == 0
                    && audit == 0
                    && approvals == 0
                    && history == 0;
        }
    }

    private static Presence presence(JdbcClient jdbc, String batchId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM ingest_batches WHERE batch_id = :id),
                               (SELECT count(*) FROM automated_results WHERE evidence_run = :id),
                               (SELECT count(*) FROM performance_results WHERE task_type = :id),
                               (SELECT count(*) FROM audit_log WHERE entity = 'ingest_batches' AND entity_id = :id),
                               (SELECT count(*) FROM validation_reviews WHERE comment = 'Automated result, batch ' || :id),
                               (SELECT count(*) FROM compatibility_history WHERE change_reason LIKE '%(batch ' || :id || ')')""")
                .param("id", batchId)
                .query((rs, n) -> new Presence(
                        rs.getInt(1) == 1, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .single();
    }

    /**
     * Copies the shared demo database into a new file (DuckDB's COPY FROM DATABASE keeps the sequences' positions)
     * and adds a token of both scopes for the demo's CI validator, as the admin screen would; answers the models.
     */
    private List<String> copyDemoDatabaseWithToken(Path file, String secret) throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String source;
            try (ResultSet name = statement.executeQuery("SELECT current_database()")) {
                name.next();
                source = name.getString(1);
            }
            statement.execute("ATTACH '" + file.toString().replace("'", "''") + "' AS crash");
            try {
                statement.execute("COPY FROM DATABASE " + source + " TO crash");
                statement.execute("""
                        INSERT INTO crash.api_tokens (name, token_prefix, token_hash, validator_id, scopes, created_by,
                                                      created_at, expires_at)
                        SELECT 'crash safety', '%s', '%s', validator_id, 'results:write read', 'test', now()::TIMESTAMP,
                               now()::TIMESTAMP + INTERVAL 1 DAY
                        FROM crash.validators WHERE name = '%s'""".formatted(secret.substring(0, 12), hash, VALIDATOR));
                List<String> models = new ArrayList<>();
                try (ResultSet names =
                        statement.executeQuery("SELECT model_name FROM crash.models ORDER BY model_name")) {
                    while (names.next()) {
                        models.add(names.getString(1));
                    }
                }
                return models;
            } finally {
                statement.execute("DETACH crash");
            }
        }
    }

    /** A secret of the shape the application issues: "cmc_" and 40 URL-safe characters. */
    private static String newSecret() {
        byte[] bytes = new byte[30];
        new SecureRandom().nextBytes(bytes);
        return "cmc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The database file opened directly, while no application holds it. */
    private record Database(SingleConnectionDataSource source, JdbcClient jdbc) implements AutoCloseable {

        static Database open(Path file) {
            var source = new SingleConnectionDataSource("jdbc:duckdb:" + file, true);
            return new Database(source, JdbcClient.create(source));
        }

        @Override
        public void close() {
            source.destroy();
        }
    }
}
