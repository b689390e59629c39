package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.MatrixInvariants;
import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/**
 * A full batch of 1,000 results on either database: one transaction (a reader running beside it sees none of the
 * batch or all of it), a handful of set-based statements (its time is printed, for BENCHMARKS.md), and a replay
 * that changes nothing.
 */
class IngestBatchTest extends WritingIntegrationTest {

    private static final int MODELS = 125; // × 8 platforms = 1,000 cells

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_batch_of_1000_results_lands_whole_in_one_transaction_and_a_replay_changes_nothing() throws Exception {
        List<String> models = createModels();
        var api = IngestApiSupport.caller(context, tokens, ApiScope.RESULTS_WRITE);
        String[] levels = {"high", "medium", "low", "unsupported"};

        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String run = "bulk-run-" + round;
            String body = batch("bulk-" + round, run, models, levels[round]);
            Set<Long> seen = new TreeSet<>();
            long started = System.nanoTime();
            readWhile(
                    run,
                    seen,
                    () -> postBatch(api, body)
                            .andExpect(status().isCreated())
                            .andExpect(jsonPath("$.replayed").value(false)));
            millis.add((System.nanoTime() - started) / 1_000_000);
            // Every count a reader saw beside the write: the batch's rows were there all at once or not at all.
            assertThat(seen).isSubsetOf(Set.of(0L, 1000L));
            assertThat(resultsOf(run)).isEqualTo(1000);
        }
        System.out.println(
                "1,000-result batch POST on " + database() + ": " + millis + " ms (creating, then updating)");

        assertThat(jdbc.sql("SELECT count(*) FROM ingest_batches WHERE batch_id LIKE 'bulk-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(MatrixInvariants.derivedColumnsNotFollowingClaims(jdbc, "zz-bulk-%"))
                .isEmpty();
        assertThat(MatrixInvariants.cellStatesNotFollowingClaims(jdbc)).isEmpty();
        assertThat(bulkLevels()).containsExactly("unsupported");

        TableFingerprint tables = TableFingerprint.of(jdbc, Set.of("*"));
        String before = tables.take();
        postBatch(api, batch("bulk-1", "bulk-run-replayed", models, "high"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        assertThat(tables.take()).isEqualTo(before);
    }

    private List<String> createModels() {
        signIn("editor", Roles.EDITOR);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            names.add("zz-bulk-%03d".formatted(i));
            catalog.create(new ModelData(names.getLast(), "bulk", ModelType.VISION, ModelSize.SMALL, 10.0, null));
        }
        SecurityContextHolder.clearContext();
        return names;
    }

    /** One result per cell of the models, all at {@code level}, each with a measurement. */
    private static String batch(String batchId, String run, List<String> models, String level) {
        List<String> results = new ArrayList<>();
        for (String model : models) {
            for (Platform platform : Platform.values()) {
                results.add("""
                        {"model": "%s", "hardware": "%s", "level": "%s", "evidence": {"run": "%s",
                          "framework_version": "torch 2.6.0"}, "performance": [{"task": "bulk", "batch_size": 8,
                          "precision": "fp16", "throughput_items_per_s": 100.5, "latency_p50_ms": 9.5}]}""".formatted(model, platform.key(), level, run));
            }
        }
        return "{\"batch_id\": \"%s\", \"results\": [%s]}".formatted(batchId, String.join(",", results));
    }

    private static ResultActions postBatch(IngestApiSupport.ApiCaller api, String body) throws Exception {
        return api.perform(
                post("/api/v1/results").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private interface Write {
        void run() throws Exception;
    }

    /** Runs the write while another thread counts the run's automated results again and again. */
    private void readWhile(String run, Set<Long> seen, Write write) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Long> counts = new ConcurrentSkipListSet<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                counts.add(resultsOf(run));
                try {
                    Thread.sleep(1); // a light load beside the write being timed
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            write.run();
        } finally {
            writing.set(false);
            reader.join();
        }
        seen.addAll(counts);
    }

    private long resultsOf(String run) {
        return jdbc.sql("SELECT count(*) FROM automated_results WHERE evidence_run = :run")
                .param("run", run)
                .query(Long.class)
                .single();
    }

    private List<String> bulkLevels() {
        return jdbc.sql("""
                        SELECT DISTINCT d.compatibility_level FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id WHERE m.model_name LIKE 'zz-bulk-%'""").query(String.class).list();
    }

    private String database() {
        String version = jdbc.sql("SELECT version()").query(String.class).single();
        return version.startsWith("PostgreSQL")
                ? version.split(" ")[0] + " " + version.split(" ")[1]
                : "DuckDB " + version;
    }
}
