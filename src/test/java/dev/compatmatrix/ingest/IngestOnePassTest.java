package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.MatrixInvariants;
import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ReviewChange;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;

/**
 * A batch written in one pass ({@link MatrixWriter#writeAutomatedBatch}, issue 24): the rows, events, cell states
 * and derived columns that the three separate writes (claims, approvals, results) made, as one change with one
 * version mark; and nothing at all when a write late in the pass fails.
 */
class IngestOnePassTest extends WritingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatrixWriter writer;

    @Autowired
    ClaimRepository claims;

    @Autowired
    DerivedColumnsRepository matrixRows;

    @Test
    void a_mixed_batch_is_one_change_with_the_events_states_and_columns_its_rules_give() throws Exception {
        createModels("zz-onepass-a", "zz-onepass-b");
        var api = IngestApiSupport.caller(context, tokens, ApiScope.RESULTS_WRITE);
        postBatch(api, "onepass-1", result("zz-onepass-a", "cpu", "high"), result("zz-onepass-a", "cuda", "medium"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(2));
        // Two people's claims: one the batch confirms (same level), one it disputes (another level).
        List<Map<String, Object>> people = jdbc.sql("""
                        SELECT m.model_name, d.hardware_type, d.compatibility_level FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        WHERE coalesce(d.updated_by, '') NOT LIKE 'api:%' AND m.deleted_at IS NULL
                        ORDER BY m.model_name, d.hardware_type LIMIT 2""").query().listOfRows();
        String confirmed = (String) people.get(0).get("compatibility_level");
        String disputedLevel = (String) people.get(1).get("compatibility_level");
        String reported = disputedLevel.equals("low") ? "high" : "low";
        long marks = count("SELECT count(*) FROM matrix_changes");
        long lastEvent = count("SELECT coalesce(max(id), 0) FROM matrix_events");

        postBatch(
                        api,
                        "onepass-2",
                        result("zz-onepass-a", "cpu", "low"), // the pipeline's own claim: overwritten
                        result("zz-onepass-b", "rocm", "high"), // not tested: created
                        result(
                                (String) people.get(0).get("model_name"),
                                (String) people.get(0).get("hardware_type"),
                                confirmed),
                        result(
                                (String) people.get(1).get("model_name"),
                                (String) people.get(1).get("hardware_type"),
                                reported))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.confirmed").value(1))
                .andExpect(jsonPath("$.disputed").value(1));

        assertThat(count("SELECT count(*) FROM matrix_changes")).isEqualTo(marks + 1);
        List<Map<String, Object>> events =
                jdbc.sql("""
                        SELECT change_id, kind, hardware_type, previous_level, new_level FROM matrix_events
                        WHERE id > :last ORDER BY id""").param("last", lastEvent).query().listOfRows();
        assertThat(events.stream().map(e -> e.get("change_id")).distinct()).hasSize(1);
        // The claims' events in the batch's order, the approvals' (overwritten and confirmed, then created), the
        // results.
        assertThat(events.stream().map(e -> (String) e.get("kind")))
                .containsExactly(
                        "level_changed",
                        "claim_created",
                        "validation",
                        "validation",
                        "validation",
                        "result",
                        "result",
                        "result",
                        "result");
        // A result's event names the level claimed after the batch beside the one reported.
        assertThat(events.subList(5, 9).stream().map(e -> e.get("previous_level") + ">" + e.get("new_level")))
                .containsExactly("low>low", "high>high", confirmed + ">" + confirmed, disputedLevel + ">" + reported);

        assertThat(MatrixInvariants.derivedColumnsNotFollowingClaims(jdbc)).isEmpty();
        assertThat(MatrixInvariants.cellStatesNotFollowingClaims(jdbc)).isEmpty();
        assertThat(count("""
                        SELECT count(*) FROM cell_states s JOIN models m ON m.model_id = s.model_id
                        WHERE m.model_name = 'zz-onepass-a' AND s.hardware_type = 'cpu' AND s.valid_to IS NULL
                          AND s.compatibility_level = 'low' AND NOT s.version_changed""")).isEqualTo(1);

        TableFingerprint tables = TableFingerprint.of(jdbc, Set.of("*"));
        String before = tables.take();
        postBatch(api, "onepass-2", result("zz-onepass-a", "cpu", "unsupported"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        assertThat(tables.take()).isEqualTo(before);
    }

    @Test
    void a_pass_that_fails_at_its_approvals_leaves_no_row_of_the_batch() {
        createModels("zz-onepass-c");
        var model = matrixRows.findByModelName("zz-onepass-c").orElseThrow();
        int validator = jdbc.sql("SELECT min(validator_id) FROM validators")
                .query(Integer.class)
                .single();
        long claimId = claims.newIds(1).getFirst();
        LocalDateTime now = LocalDateTime.of(2026, 12, 5, 12, 0);
        ClaimData data =
                new ClaimData(CompatibilityLevel.HIGH, null, null, null, "run-c", "torch 2.6", null, null, null, false);
        var batch = new MatrixWriter.AutomatedBatch(
                List.of(new ClaimChange.Create(
                        claimId,
                        model,
                        Platform.CPU,
                        data,
                        Validation.by(ValidationStatus.VALIDATED, validator),
                        "onepass",
                        "torch 2.6")),
                // Verification level 9 breaks the reviews' CHECK: the claim, its history, the derived columns and
                // the audit row are written by then.
                List.of(new ReviewChange(
                        new ReviewRow(
                                claimId,
                                1,
                                model.modelId(),
                                Platform.CPU,
                                CompatibilityLevel.HIGH,
                                validator,
                                "api:onepass",
                                9,
                                Review.Decision.APPROVE,
                                ValidationStatus.VALIDATED,
                                "onepass",
                                "torch 2.6",
                                now),
                        null,
                        null)),
                List.of(new AutomatedResultRow(
                        model.modelId(), Platform.CPU, validator, CompatibilityLevel.HIGH, "run-c", "torch 2.6", now)),
                Map.of(),
                List.of());
        TableFingerprint tables = TableFingerprint.of(jdbc, Set.of("*"));
        String before = tables.take();
        long marks = count("SELECT count(*) FROM matrix_changes");

        assertThatThrownBy(() -> writer.writeAutomatedBatch(batch, "api:onepass", now))
                .isInstanceOf(RuntimeException.class);

        assertThat(tables.take()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM matrix_changes")).isEqualTo(marks);
    }

    private void createModels(String... names) {
        signIn("editor", Roles.EDITOR);
        for (String name : names) {
            catalog.create(new ModelData(name, "one pass", ModelType.VISION, ModelSize.SMALL, 10.0, null));
        }
        SecurityContextHolder.clearContext();
    }

    private static String result(String model, String platform, String level) {
        return """
                {"model": "%s", "hardware": "%s", "level": "%s", "evidence": {"run": "onepass",
                  "framework_version": "torch 2.6.0"}}""".formatted(model, platform, level);
    }

    private static org.springframework.test.web.servlet.ResultActions postBatch(
            IngestApiSupport.ApiCaller api, String batchId, String... results) throws Exception {
        return api.perform(post("/api/v1/results")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"batch_id\": \"%s\", \"results\": [%s]}".formatted(batchId, String.join(",", results))));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
