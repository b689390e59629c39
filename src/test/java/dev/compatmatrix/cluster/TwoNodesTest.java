package dev.compatmatrix.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.browser.AppProcess;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.UserAdminService;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes on one PostgreSQL database in one test run: two Spring applications, each with its own web
 * server on its own port, caches, session registry, scheduler and connection pool, both on the same new database
 * (demo data loaded by the first). What must be shared goes through the database; these tests check it does. Under
 * {@code CI=true} a PostgreSQL server that cannot start fails the tests; elsewhere it skips them.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient database;
    private static String databaseUrl;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        databaseUrl = ClusterNodes.newDatabaseOrSkip("two_nodes");
        // Every second on both nodes: the cluster must still take one backup.
        nodeA = ClusterNodes.start(databaseUrl, true, "--compat.backup.cron=* * * * * *");
        nodeB = ClusterNodes.start(databaseUrl, false, "--compat.backup.cron=* * * * * *");
        database = nodeA.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (processes != null) {
            for (AppProcess process : processes) {
                process.close();
            }
        }
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @AfterEach
    void signOut() {
        signOutEverywhere();
    }

    private static void signIn(String username, String... roles) {
        ClusterNodes.signIn(username, List.of(roles), nodeA, nodeB);
    }

    private static void signOutEverywhere() {
        ClusterNodes.signOut(nodeA, nodeB);
    }

    @Test
    void an_edit_on_node_a_shows_on_node_bs_next_matrix_read() {
        MatrixQuery readerB = nodeB.getBean(MatrixQuery.class);
        MatrixFilter cpuSupported = MatrixFilter.NONE.withPlatform(Platform.CPU, PlatformState.SUPPORTED);
        int[] namesBefore = readerB.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        int[] cpuBefore = readerB.orderedIds(cpuSupported, MatrixSort.BY_NAME);
        assertThat(readerB.orderedIds(cpuSupported, MatrixSort.BY_NAME))
                .as("node B's cached list, while nothing changes")
                .isSameAs(cpuBefore);

        signIn("editor", Roles.EDITOR);
        MlModel added = nodeA.getBean(CatalogService.class)
                .create(new ModelData(
                        "0-two-nodes/first-by-name", "test-family", ModelType.VISION, ModelSize.SMALL, 1.0, null));
        int[] namesAfter = readerB.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        assertThat(namesAfter).hasSize(namesBefore.length + 1);
        assertThat(namesAfter[0])
                .as("the model node A added, first by name on node B")
                .isEqualTo(added.modelId());

        ClaimService claimsA = nodeA.getBean(ClaimService.class);
        String firstCpuModel = modelName(cpuBefore[0]);
        Claim claim = claimsA.find(firstCpuModel, Platform.CPU).orElseThrow();
        claimsA.update(
                claim,
                claim.data().withLevel(CompatibilityLevel.UNSUPPORTED),
                new ChangeNote("two nodes: fails on CPU now", "v1"));
        assertThat(readerB.orderedIds(cpuSupported, MatrixSort.BY_NAME))
                .as("node B's CPU-supported list after node A's claim edit")
                .hasSize(cpuBefore.length - 1)
                .doesNotContain(cpuBefore[0]);
    }

    @Test
    void two_editors_on_different_nodes_saving_one_claim_get_one_conflict_and_lose_nothing() throws Exception {
        String model = modelName(nodeA.getBean(MatrixQuery.class)
                .orderedIds(MatrixFilter.NONE.withPlatform(Platform.CUDA, PlatformState.SUPPORTED), MatrixSort.BY_NAME)[
                0]);
        long historyBefore = historyRows(model, Platform.CUDA);
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        ExecutorService editors = Executors.newFixedThreadPool(2);
        List<Future<String>> saves = new ArrayList<>();
        Map<ConfigurableApplicationContext, CompatibilityLevel> levels =
                Map.of(nodeA, CompatibilityLevel.LOW, nodeB, CompatibilityLevel.MEDIUM);
        try {
            for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                saves.add(editors.submit(() -> {
                    signIn(node == nodeA ? "editor" : "editor2", Roles.EDITOR);
                    ClaimService claims = node.getBean(ClaimService.class);
                    Claim loaded = claims.find(model, Platform.CUDA).orElseThrow();
                    bothLoaded.await(30, TimeUnit.SECONDS);
                    try {
                        claims.update(
                                loaded,
                                loaded.data().withLevel(levels.get(node)),
                                new ChangeNote("two nodes, same claim", "v2"));
                        return "saved " + levels.get(node);
                    } catch (ClaimConflictException e) {
                        return "conflict: " + e.getMessage();
                    } finally {
                        signOutEverywhere();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> save : saves) {
                outcomes.add(save.get(60, TimeUnit.SECONDS));
            }
            System.out.println("Two nodes, one claim: " + outcomes);
            assertThat(outcomes).filteredOn(o -> o.startsWith("saved")).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("conflict")).hasSize(1);
            String saved = outcomes.stream()
                    .filter(o -> o.startsWith("saved"))
                    .findFirst()
                    .orElseThrow();
            signIn("viewer", Roles.VIEWER);
            Claim now =
                    nodeB.getBean(ClaimService.class).find(model, Platform.CUDA).orElseThrow();
            assertThat("saved " + now.data().level())
                    .as("the saved edit is the claim now")
                    .isEqualTo(saved);
            assertThat(historyRows(model, Platform.CUDA)).as("one history row").isEqualTo(historyBefore + 1);
        } finally {
            editors.shutdownNow();
        }
    }

    @Test
    void two_pipelines_posting_overlapping_batches_to_different_nodes_lose_nothing() throws Exception {
        List<AppProcess> nodes = processNodes();
        List<String> models = demoModels();
        List<String> tokens =
                List.of(token("nightly-ci", ApiScope.RESULTS_WRITE), token("hw-test-harness", ApiScope.RESULTS_WRITE));
        int batches = 8;
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService pipelines = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int pipeline = 0; pipeline < 2; pipeline++) {
                int number = pipeline;
                runs.add(pipelines.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    for (int b = 0; b < batches; b++) {
                        String batchId = "overlap-p" + number + "-b" + b;
                        answers.put(
                                batchId,
                                post(http, nodes.get(number), tokens.get(number), batchId, models, number * 1000 + b)
                                        .statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pipelines.shutdownNow();
        }
        System.out.println("Two nodes, overlapping batches: " + new java.util.TreeMap<>(answers));
        assertThat(answers).hasSize(2 * batches);
        assertThat(answers.values()).as("every batch acknowledged: %s", answers).containsOnly(201);
        answers.keySet()
                .forEach(batchId -> assertThat(presence(batchId))
                        .as("batch %s: recorded, automated results, measurements", batchId)
                        .isEqualTo(COMPLETE));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it kills one of the process nodes
    void a_node_killed_during_ingest_leaves_the_other_serving_and_every_acknowledged_batch_complete() throws Exception {
        List<AppProcess> nodes = processNodes();
        List<String> models = demoModels();
        String writer = token("nightly-ci", ApiScope.RESULTS_WRITE);
        String reader = token("nightly-ci", ApiScope.READ);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger acknowledgedOnVictim =
                new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pipelines = Executors.newFixedThreadPool(2);
        try {
            // Pipeline 0 posts to the node that is killed (SIGKILL) just after its 3rd acknowledged batch, pipeline 1
            // to
            // the other node, at the same time.
            List<Future<?>> runs = new ArrayList<>();
            for (int pipeline = 0; pipeline < 2; pipeline++) {
                int number = pipeline;
                runs.add(pipelines.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    for (int b = 0; b < 12; b++) {
                        String batchId = "kill-p" + number + "-b" + b;
                        try {
                            int status = post(http, nodes.get(number), writer, batchId, models, 5000 + number * 100 + b)
                                    .statusCode();
                            answers.put(batchId, status);
                            if (number == 0 && status == 201 && acknowledgedOnVictim.incrementAndGet() == 3) {
                                // Killed a moment later, while its next batch is (most likely) being applied.
                                Thread.ofPlatform().start(() -> {
                                    try {
                                        Thread.sleep(60);
                                        nodes.get(0).kill();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                });
                            }
                        } catch (java.io.IOException e) {
                            answers.put(batchId, -1); // no answer: the node was killed
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pipelines.shutdownNow();
        }
        assertThat(answers.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("kill-p1"))
                        .map(Map.Entry::getValue))
                .as("the surviving node acknowledges every batch: %s", answers)
                .containsOnly(201);
        System.out.println("Two nodes, one killed after 3 acknowledged batches (-1: no answer): "
                + new java.util.TreeMap<>(answers));
        assertThat(answers).as("the killed node stopped answering: %s", answers).containsValue(-1);
        HttpResponse<String> matrix = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(nodes.get(1).url("/api/v1/matrix?limit=1")))
                                .header("Authorization", "Bearer " + reader)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(matrix.statusCode())
                .as("the surviving node reads the matrix: %s", matrix.body())
                .isEqualTo(200);
        answers.forEach((batchId, status) -> {
            String presence = presence(batchId);
            if (status == 201) {
                assertThat(presence).as("acknowledged batch %s", batchId).isEqualTo(COMPLETE);
            } else {
                assertThat(presence)
                        .as("unacknowledged batch %s: all or nothing", batchId)
                        .isIn(COMPLETE, "0:0:0");
            }
        });
    }

    /** Results per batch; a batch's presence when all of it is there: recorded, results, measurements. */
    private static final int PER_BATCH = 40;

    private static final String COMPLETE = "1:" + PER_BATCH + ":" + PER_BATCH;

    private static List<AppProcess> processes;

    /**
     * Two more nodes as processes of their own: the API's token filter keeps the request's identity in Spring's
     * global security-context holder, which two applications in one JVM cannot both own (one process per node, as in
     * production).
     */
    private static synchronized List<AppProcess> processNodes() throws Exception {
        if (processes == null) {
            processes = new ArrayList<>();
            for (String name : List.of("p1", "p2")) {
                Path folder = Files.createTempDirectory("compat-node-" + name + "-");
                processes.add(AppProcess.start(
                        System.getProperty("java.class.path"),
                        "dev.compatmatrix.Application",
                        Map.of(
                                "COMPAT_DB_URL",
                                databaseUrl,
                                "COMPAT_DB_USERNAME",
                                PostgresTestServer.USER,
                                "COMPAT_DB_PASSWORD",
                                PostgresTestServer.PASSWORD,
                                "COMPAT_DB_PATH",
                                folder.resolve("unused.duckdb").toString(),
                                "COMPAT_BACKUP_DIR",
                                folder.resolve("backups").toString(),
                                "COMPAT_DEMO_ENABLED",
                                "false"),
                        folder.resolve(name + ".log"),
                        Duration.ofMinutes(4)));
            }
        }
        return processes;
    }

    private static List<String> demoModels() {
        return database.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_id LIMIT 10")
                .query(String.class)
                .list();
    }

    /** A new token of this automated validator, made by an admin on node A. */
    private static String token(String validator, ApiScope scope) {
        signIn("admin", Roles.ADMIN); // on both nodes' strategies; the support signs in on the global one only
        try {
            return IngestApiSupport.token(nodeA.getBean(ApiTokenService.class), validator, scope);
        } finally {
            signOutEverywhere();
        }
    }

    private static HttpResponse<String> post(
            HttpClient http, AppProcess node, String token, String batchId, List<String> models, long seed)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(node.url("/api/v1/results")))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch(batchId, models, PER_BATCH, seed)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What of a batch is in the database: recorded, automated results, measurements. */
    private static String presence(String batchId) {
        return database.sql("""
                        SELECT (SELECT count(*) FROM ingest_batches WHERE batch_id = :id) || ':'
                            || (SELECT count(*) FROM automated_results WHERE evidence_run = :id) || ':'
                            || (SELECT count(*) FROM performance_results WHERE task_type = :id)""").param("id", batchId).query(String.class).single();
    }

    @Test
    void the_nightly_job_fired_on_both_nodes_runs_once(CapturedOutput output) throws Exception {
        String refused = "Scheduled job 'nightly-backup' left to another node";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(output.getAll(), refused) < 4 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count(output.getAll(), refused)).as("firings refused").isGreaterThanOrEqualTo(4);
        // Each node names itself in the line (host/random): the distinct lines are the nodes that ran the job.
        assertThat(output.getAll()
                        .lines()
                        .filter(line -> line.contains("Scheduled job 'nightly-backup' runs on this node"))
                        .map(line -> line.substring(line.indexOf("Scheduled job")))
                        .distinct())
                .as("nodes that ran the nightly job, both firing every second")
                .hasSize(1);
        assertThat(database.sql("SELECT locked_by FROM scheduled_job_locks WHERE job = 'nightly-backup'")
                        .query(String.class)
                        .single())
                .isNotBlank();
    }

    @Test
    void a_user_disabled_on_node_a_is_signed_out_on_node_b() throws Exception {
        signIn("admin", Roles.ADMIN);
        UserAdminService usersA = nodeA.getBean(UserAdminService.class);
        usersA.create(
                "leaver-b",
                "a good long password",
                new UserAdminService.UserChange("Leaver", Set.of(Roles.VIEWER), null, true));
        Browser onB = new Browser(nodeB);
        assertThat(onB.signIn("leaver-b", "a good long password"))
                .as("signed in on node B")
                .doesNotContain("error");
        assertThat(onB.get("/dashboard").statusCode())
                .as("a page on node B while enabled")
                .isEqualTo(200);

        usersA.update("leaver-b", new UserAdminService.UserChange("Leaver", Set.of(Roles.VIEWER), null, false));
        HttpResponse<String> after = onB.get("/dashboard");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow())
                .as("node B's answer after node A disabled the user")
                .endsWith("login?ended");
    }

    @Test
    void the_sign_in_throttle_counts_failures_on_both_nodes() throws Exception {
        signIn("admin", Roles.ADMIN);
        nodeA.getBean(UserAdminService.class)
                .create(
                        "guessed",
                        "the right long password",
                        new UserAdminService.UserChange("Guessed", Set.of(Roles.VIEWER), null, true));
        signOutEverywhere();
        List<ConfigurableApplicationContext> alternating = List.of(nodeA, nodeB, nodeA);
        for (ConfigurableApplicationContext node : alternating) {
            assertThat(new Browser(node).signIn("guessed", "a wrong guess")).contains("error");
        }
        assertThat(new Browser(nodeB).signIn("guessed", "the right long password"))
                .as("the right password on node B right after three failures over both nodes")
                .contains("error");
    }

    private static int count(String text, String line) {
        return text.split(Pattern.quote(line), -1).length - 1;
    }

    private static String url(ConfigurableApplicationContext node, String path) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
    }

    private static String modelName(int modelId) {
        return database.sql("SELECT model_name FROM models WHERE model_id = :id")
                .param("id", modelId)
                .query(String.class)
                .single();
    }

    private static long historyRows(String model, Platform platform) {
        return database.sql("""
                        SELECT count(*) FROM compatibility_history h JOIN models m ON m.model_id = h.model_id
                        WHERE m.model_name = :model AND h.hardware_type = :platform""")
                .param("model", model)
                .param("platform", platform.key())
                .query(Long.class)
                .single();
    }

    /** A batch of distinct cells of these models, each result and measurement marked with the batch id. */
    private static String batch(String batchId, List<String> models, int size, long seed) {
        List<String> cells = new ArrayList<>();
        for (String model : models) {
            for (Platform platform : Platform.values()) {
                cells.add(model + "\n" + platform.key());
            }
        }
        Collections.shuffle(cells, new java.util.Random(seed));
        String[] levels = {"high", "medium", "low", "unsupported"};
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String[] cell = cells.get(i).split("\n");
            results.add(Map.of(
                    "model", cell[0],
                    "hardware", cell[1],
                    "level", levels[(int) ((seed + i) % levels.length)],
                    "evidence", Map.of("run", batchId, "batch_size", 8, "precision", "fp16", "simulated", false),
                    "performance",
                            List.of(Map.of(
                                    "task",
                                    batchId,
                                    "batch_size",
                                    8,
                                    "precision",
                                    "fp16",
                                    "throughput_items_per_s",
                                    10 + i))));
        }
        return JSON.writeValueAsString(Map.of("batch_id", batchId, "results", results));
    }

    /** A person's browser on one node (sticky): its own cookies, redirects not followed. */
    private static final class Browser {
        private final ConfigurableApplicationContext node;
        private final HttpClient http;

        Browser(ConfigurableApplicationContext node) {
            this.node = node;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url(node, path))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the sign-in form with the page's CSRF token; answers where the node sends the browser next. */
        String signIn(String username, String password) throws Exception {
            Matcher csrf = CSRF.matcher(get("/login").body());
            assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(url(node, "/login")))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("the sign-in answer").isEqualTo(302);
            return answer.headers().firstValue("Location").orElseThrow();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
