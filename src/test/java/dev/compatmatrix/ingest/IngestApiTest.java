package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code POST /api/v1/results} through the real filter chains, into a real DuckDB file. */
class IngestApiTest extends WritingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.compatmatrix.validation.query.QueueQuery queue;

    @Autowired
    dev.compatmatrix.catalog.CatalogService catalog;

    MockMvc mvc;
    String writer;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        writer = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
    }

    private ResultActions postResults(String token, String body) throws Exception {
        var request =
                post("/api/v1/results").contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    /** A cell of the demo data with no claim yet. */
    private Map<String, Object> untestedCell() {
        return jdbc.sql("""
                SELECT m.model_name, p.platform FROM models m
                JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                CROSS JOIN (VALUES ('cpu'), ('cuda'), ('rocm'), ('mps'), ('openvino'), ('qualcomm'), ('webnn'), ('webgpu')) p(platform)
                WHERE NOT EXISTS (SELECT 1 FROM compatibility_details d WHERE d.compatibility_id = c.id AND d.hardware_type = p.platform)
                ORDER BY m.model_name, p.platform LIMIT 1""").query().singleRow();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void without_a_valid_token_the_api_answers_401_with_problem_details() throws Exception {
        String body = "{\"batch_id\":\"b1\",\"results\":[]}";
        postResults(null, body)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Authentication required"));
        postResults("cmc_nonsense", body).andExpect(status().isUnauthorized());
        postResults("cmc_" + "A".repeat(40), body)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Invalid API token"));
    }

    @Test
    void revoked_and_expired_tokens_are_refused() throws Exception {
        long batches = count("ingest_batches");
        String body =
                "{\"batch_id\":\"b-revoked\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"high\"}]}";
        String revoked = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
        int id = jdbc.sql("SELECT max(token_id) FROM api_tokens")
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE api_tokens SET revoked_at = now() WHERE token_id = :id")
                .param("id", id)
                .update();
        postResults(revoked, body).andExpect(status().isUnauthorized());

        String expired = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
        int expiredId = jdbc.sql("SELECT max(token_id) FROM api_tokens")
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE api_tokens SET expires_at = TIMESTAMP '2020-01-01' WHERE token_id = :id")
                .param("id", expiredId)
                .update();
        postResults(expired, body).andExpect(status().isUnauthorized());
        assertThat(count("ingest_batches")).isEqualTo(batches);
    }

    @Test
    void a_token_without_the_write_scope_gets_403() throws Exception {
        String reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
        postResults(
                        reader,
                        "{\"batch_id\":\"b2\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"high\"}]}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"));
    }

    @Test
    void a_browser_session_alone_does_not_open_the_api() throws Exception {
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("admin"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(
                        post("/api/v1/results")
                                .session(session)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"batch_id\":\"b3\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"high\"}]}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void malformed_json_unknown_fields_and_oversized_bodies_are_refused_clearly() throws Exception {
        long batches = count("ingest_batches");
        postResults(writer, "{\"batch_id\": \"b4\", \"results\": [")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line 1")));
        postResults(
                        writer,
                        "{\"batch_id\":\"b4\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"levle\":\"high\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("levle")));
        String huge =
                "{\"batch_id\":\"b5\",\"results\":[{\"model\":\"gpt2\",\"hardware\":\"cpu\",\"level\":\"high\",\"notes\":\""
                        + "x".repeat(5 * 1024 * 1024) + "\"}]}";
        postResults(writer, huge)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("Body too large"));
        assertThat(count("ingest_batches")).isEqualTo(batches);
    }

    @Test
    void one_bad_result_refuses_the_whole_batch_and_names_it() throws Exception {
        long details = count("compatibility_details");
        long history = count("compatibility_history");
        long automated = count("automated_results");
        long batches = count("ingest_batches");
        postResults(writer, """
                {"batch_id": "b6", "results": [
                  {"model": "gpt2", "hardware": "cpu", "level": "high"},
                  {"model": "gpt2", "hardware": "tpu", "level": "high"},
                  {"model": "no-such-model", "hardware": "cuda", "level": "low"}
                ]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("hardware"));
        // The unknown model is found once the shape is right; it too is named, and nothing is written.
        postResults(writer, """
                {"batch_id": "b6", "results": [
                  {"model": "gpt2", "hardware": "cpu", "level": "high"},
                  {"model": "no-such-model", "hardware": "cuda", "level": "low"}
                ]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].message").value("No model named 'no-such-model'"));
        assertThat(count("compatibility_details")).isEqualTo(details);
        assertThat(count("compatibility_history")).isEqualTo(history);
        assertThat(count("automated_results")).isEqualTo(automated);
        assertThat(count("ingest_batches")).isEqualTo(batches);
    }

    @Test
    void a_result_for_an_untested_cell_creates_a_validated_claim_with_history_and_a_replay_changes_nothing()
            throws Exception {
        Map<String, Object> cell = untestedCell();
        String model = (String) cell.get("model_name");
        String platform = (String) cell.get("platform");
        String body = """
                {"batch_id": "nightly-42", "results": [{"model": "%s", "hardware": "%s", "tests_passed": 99, "tests_failed": 1,
                  "notes": "≈ 120 items/s", "evidence": {"run": "https://ci.example.org/run/42",
                  "framework_version": "torch 2.6.0", "device": "CI runner", "batch_size": 8, "precision": "fp16"},
                  "performance": [{"task": "ci_smoke", "batch_size": 8, "precision": "fp16", "throughput_items_per_s": 120.5,
                    "latency_p50_ms": 66.4, "latency_p95_ms": 80.1, "memory_mb": 900}]}]}
                """.formatted(model, platform);
        postResults(writer, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.performance_rows").value(1))
                .andExpect(jsonPath("$.replayed").value(false));
        Double throughput = jdbc.sql("""
                SELECT p.throughput_items_per_s FROM performance_results p JOIN models m ON m.model_id = p.model_id
                WHERE m.model_name = :model AND p.hardware_type = :platform AND p.task_type = 'ci_smoke'
                  AND p.source = 'ci:nightly-ci'""")
                .param("model", model)
                .param("platform", platform)
                .query(Double.class)
                .single();
        assertThat(throughput).isEqualTo(120.5);
        var claim = jdbc.sql("""
                SELECT d.compatibility_level, d.validation_status, d.updated_by, d.evidence_run, d.row_version
                FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                JOIN models m ON m.model_id = c.model_id WHERE m.model_name = :model AND d.hardware_type = :platform""")
                .param("model", model)
                .param("platform", platform)
                .query()
                .singleRow();
        assertThat(claim.get("compatibility_level")).isEqualTo("high"); // 99 % passed
        assertThat(claim.get("updated_by")).asString().startsWith("api:test nightly-ci");
        // nightly-ci verifies at level 2; a high claim needs level 3: partially validated.
        assertThat(claim.get("validation_status")).isEqualTo("partially_validated");
        long historyRows = jdbc.sql("""
                SELECT count(*) FROM compatibility_history ch JOIN models m ON m.model_id = ch.model_id
                WHERE m.model_name = :model AND ch.hardware_type = :platform AND ch.changed_by LIKE 'api:%'
                  AND ch.new_status = 'high' AND ch.change_version = 'torch 2.6.0'""")
                .param("model", model)
                .param("platform", platform)
                .query(Long.class)
                .single();
        assertThat(historyRows).isEqualTo(1);
        Boolean supported = jdbc.sql("SELECT " + platform + "_support FROM cross_platform_compatibility c "
                        + "JOIN models m ON m.model_id = c.model_id WHERE m.model_name = :model")
                .param("model", model)
                .query(Boolean.class)
                .single();
        assertThat(supported).isTrue();

        long automated = count("automated_results");
        long batches = count("ingest_batches");
        postResults(writer, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        assertThat(count("automated_results")).isEqualTo(automated);
        assertThat(count("ingest_batches")).isEqualTo(batches);
    }

    private long lowResultsOnGpt2Cuda() {
        return jdbc.sql("""
                SELECT count(*) FROM automated_results a JOIN models m ON m.model_id = a.model_id
                WHERE m.model_name = 'gpt2' AND a.hardware_type = 'cuda' AND a.reported_level = 'low'""").query(Long.class).single();
    }

    @Test
    void a_result_that_disagrees_with_a_persons_claim_leaves_it_and_marks_the_cell_disputed() throws Exception {
        var claim = jdbc.sql("""
                SELECT m.model_name, d.hardware_type, d.compatibility_level, d.row_version FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m ON m.model_id = c.model_id
                WHERE d.compatibility_level = 'high' AND m.model_name = 'gpt2' AND d.hardware_type = 'cuda'""").query().singleRow();
        long earlierLowResults = lowResultsOnGpt2Cuda();
        postResults(writer, """
                {"batch_id": "dispute-1", "results": [{"model": "gpt2", "hardware": "cuda", "level": "low",
                  "evidence": {"framework_version": "CUDA 12.8 / torch 2.7"}}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.disputed").value(1));
        var after = jdbc.sql("""
                SELECT d.compatibility_level, d.row_version FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m ON m.model_id = c.model_id
                WHERE m.model_name = 'gpt2' AND d.hardware_type = 'cuda'""").query().singleRow();
        assertThat(after.get("compatibility_level")).isEqualTo("high");
        assertThat(after.get("row_version")).isEqualTo(claim.get("row_version"));
        // Other tests (the fuzz test) may have reported on this cell before: one more result, this one.
        assertThat(lowResultsOnGpt2Cuda()).isEqualTo(earlierLowResults + 1);
        // The validation queue shows the cell as disputed, with the automated side.
        var disputed = queue
                .page(
                        new dev.compatmatrix.validation.query.QueueFilter(
                                null, null, dev.compatmatrix.matrix.Platform.CUDA, "gpt2", null),
                        0,
                        50)
                .stream()
                .filter(row -> row.modelName().equals("gpt2"))
                .findFirst()
                .orElseThrow();
        assertThat(disputed.automatedDisagrees()).contains("Low");
    }

    @Test
    void two_pipelines_reporting_the_same_new_cell_at_once_both_land_and_make_one_claim() throws Exception {
        for (int round = 0; round < 3; round++) {
            Map<String, Object> cell = untestedCell();
            String result = "{\"model\": \"%s\", \"hardware\": \"%s\", \"level\": \"medium\"}"
                    .formatted(cell.get("model_name"), cell.get("platform"));
            List<List<String>> pipelines = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                pipelines.add(List.of("{\"batch_id\": \"race-%d-%d\", \"results\": [%s]}".formatted(round, t, result)));
            }
            List<Integer> statuses = postAtOnce(pipelines);
            assertThat(statuses).containsExactly(201, 201);
            long claims = jdbc.sql("""
                    SELECT count(*) FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                    JOIN models m ON m.model_id = c.model_id WHERE m.model_name = :model AND d.hardware_type = :platform""")
                    .param("model", cell.get("model_name"))
                    .param("platform", cell.get("platform"))
                    .query(Long.class)
                    .single();
            assertThat(claims).isEqualTo(1);
        }
    }

    @Test
    void several_pipelines_posting_overlapping_batches_at_once_all_land() throws Exception {
        signIn("editor", dev.compatmatrix.matrix.Roles.EDITOR);
        List<String> models = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            models.add("zz-overlap-" + m);
            catalog.create(new dev.compatmatrix.matrix.ModelData(
                    models.getLast(),
                    "overlap",
                    dev.compatmatrix.matrix.ModelType.VISION,
                    dev.compatmatrix.matrix.ModelSize.SMALL,
                    10.0,
                    null));
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        String[] levels = {"high", "medium", "low", "unsupported"};
        var random = new Random(9);
        List<List<String>> pipelines = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<String> bodies = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                List<String> results = new ArrayList<>();
                for (String model : models) {
                    for (String platform :
                            List.of("cpu", "cuda", "rocm", "mps", "openvino", "qualcomm", "webnn", "webgpu")) {
                        results.add("{\"model\": \"%s\", \"hardware\": \"%s\", \"level\": \"%s\"}"
                                .formatted(model, platform, levels[random.nextInt(levels.length)]));
                    }
                }
                bodies.add("{\"batch_id\": \"overlap-%d-%d\", \"results\": [%s]}"
                        .formatted(p, b, String.join(",", results)));
            }
            pipelines.add(bodies);
        }
        List<Integer> statuses = postAtOnce(pipelines);
        assertThat(statuses).hasSize(16).containsOnly(201);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest_batches WHERE batch_id LIKE 'overlap-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(16);
        // Whichever batch wrote a cell last, every matrix row follows its claims (support, ranks, score).
        assertThat(dev.compatmatrix.MatrixInvariants.derivedColumnsNotFollowingClaims(jdbc, "zz-overlap-%"))
                .isEmpty();
    }

    /** Each pipeline posts its batches in order on its own thread, all starting at once; every answer's status. */
    private List<Integer> postAtOnce(List<List<String>> pipelines) throws InterruptedException {
        var start = new CountDownLatch(1);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        List<Thread> threads = new ArrayList<>();
        for (List<String> bodies : pipelines) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (String body : bodies) {
                        statuses.add(postResults(writer, body)
                                .andReturn()
                                .getResponse()
                                .getStatus());
                    }
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(statuses);
    }
}
