package dev.compatmatrix.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Each change keeps PRODUCT.md §2's invariants, in one transaction, with history and audit. */
class ClaimServiceTest extends WritingIntegrationTest {

    @Autowired
    ClaimService service;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void editor() {
        signIn("editor", Roles.EDITOR);
    }

    @Test
    void creating_a_claim_for_an_untested_cell_writes_history_audit_and_derived_columns() {
        var cell = untestedCell();
        long history = historyRows(cell.model());
        long audits = count("SELECT count(*) FROM audit_log WHERE action = 'claim.create'");

        Claim created = service.create(
                cell.model(),
                cell.platform(),
                data(CompatibilityLevel.MEDIUM, "fp16 only"),
                new ChangeNote("Ran the smoke suite", "torch 2.5.1"));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(ValidationStatus.UNVALIDATED);
        assertThat(created.updatedBy()).isEqualTo("editor");
        assertThat(historyRows(cell.model())).isEqualTo(history + 1);
        assertThat(jdbc.sql("""
                SELECT previous_status IS NULL, new_status, change_reason, change_version, changed_by
                FROM compatibility_history h JOIN models m USING (model_id)
                WHERE m.model_name = :name AND hardware_type = :platform ORDER BY h.id DESC LIMIT 1""")
                        .param("name", cell.model())
                        .param("platform", cell.platform().key())
                        .query((rs, n) -> List.of(
                                rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                        .single())
                .containsExactly(true, "medium", "Ran the smoke suite", "torch 2.5.1", "editor");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'claim.create'"))
                .isEqualTo(audits + 1);
        assertDerivedColumnsFollowTheClaims(cell.model());
    }

    @Test
    void a_level_change_needs_a_reason_and_a_version_and_then_writes_history() {
        Claim claim = anyClaim(CompatibilityLevel.HIGH);
        long history = historyRows(claim.modelName());
        var lower = claim.data().withLevel(CompatibilityLevel.LOW);

        assertThatThrownBy(() -> service.update(claim, lower, ChangeNote.NONE))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("reason", "version"));
        assertThat(service.find(claim.modelName(), claim.platform()).orElseThrow())
                .isEqualTo(claim);

        Claim saved = service.update(claim, lower, new ChangeNote("Driver 550 regressed fp16 kernels", "CUDA 12.6"));
        assertThat(saved.version()).isEqualTo(claim.version() + 1);
        assertThat(saved.data().level()).isEqualTo(CompatibilityLevel.LOW);
        assertThat(saved.status()).isEqualTo(ValidationStatus.UNVALIDATED);
        assertThat(historyRows(claim.modelName())).isEqualTo(history + 1);
        assertDerivedColumnsFollowTheClaims(claim.modelName());
    }

    @Test
    void changing_substance_resets_validation_but_evidence_alone_does_not() {
        Claim validated = jdbc.sql("""
                SELECT m.model_name, d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE d.validation_status = 'validated' ORDER BY d.id LIMIT 2""")
                .query((rs, n) -> service.find(
                                rs.getString(1),
                                Platform.fromKey(rs.getString(2)).orElseThrow())
                        .orElseThrow())
                .list()
                .getFirst();
        var evidenceOnly = new ClaimData(
                validated.data().level(),
                validated.data().limitations(),
                validated.data().workarounds(),
                validated.data().performanceNotes(),
                "run-4711",
                "torch 2.5.1",
                "A100 80GB",
                32,
                Precision.FP16,
                false);
        Claim afterEvidence = service.update(validated, evidenceOnly, ChangeNote.NONE);
        assertThat(afterEvidence.status()).isEqualTo(ValidationStatus.VALIDATED);
        assertThat(afterEvidence.data().device()).isEqualTo("A100 80GB");

        var newNotes = new ClaimData(
                evidenceOnly.level(),
                evidenceOnly.limitations(),
                evidenceOnly.workarounds(),
                "≈ 250 items/s at batch 32",
                evidenceOnly.evidenceRun(),
                evidenceOnly.frameworkVersion(),
                evidenceOnly.device(),
                evidenceOnly.batchSize(),
                evidenceOnly.precision(),
                false);
        Claim afterNotes = service.update(afterEvidence, newNotes, ChangeNote.NONE);
        assertThat(afterNotes.status()).isEqualTo(ValidationStatus.UNVALIDATED);
        assertThat(jdbc.sql(
                                "SELECT validator_id IS NULL AND validation_date IS NULL FROM compatibility_details WHERE id = :id")
                        .param("id", afterNotes.claimId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void removing_a_claim_needs_a_reason_and_returns_the_cell_to_not_tested() {
        Claim claim = anyClaim(CompatibilityLevel.MEDIUM);
        assertThatThrownBy(() -> service.remove(claim, " "))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("reason"));
        long history = historyRows(claim.modelName());

        service.remove(claim, "Measured on the wrong device");

        assertThat(service.find(claim.modelName(), claim.platform())).isEmpty();
        assertThat(historyRows(claim.modelName())).isEqualTo(history + 1);
        assertThat(jdbc.sql("""
                SELECT new_status IS NULL AND previous_status = 'medium' FROM compatibility_history h
                JOIN models m USING (model_id) WHERE m.model_name = :name AND hardware_type = :platform
                ORDER BY h.id DESC LIMIT 1""")
                        .param("name", claim.modelName())
                        .param("platform", claim.platform().key())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertDerivedColumnsFollowTheClaims(claim.modelName());
    }

    @Test
    void the_second_of_two_editors_is_refused_with_what_the_first_changed() {
        Claim loadedByA = anyClaim(CompatibilityLevel.HIGH);
        Claim loadedByB =
                service.find(loadedByA.modelName(), loadedByA.platform()).orElseThrow();

        signIn("alice", Roles.EDITOR);
        service.update(
                loadedByA,
                loadedByA.data().withLevel(CompatibilityLevel.LOW),
                new ChangeNote("OOM at batch 32", "ROCm 6.3"));

        signIn("bob", Roles.EDITOR);
        var bobs = new ClaimData(
                CompatibilityLevel.HIGH, "Bob's limitation", null, null, null, null, null, null, null, false);
        assertThatThrownBy(() -> service.update(loadedByB, bobs, ChangeNote.NONE))
                .isInstanceOfSatisfying(ClaimConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("alice", "level high → low", "Nothing was saved");
                    assertThat(e.current().data().level()).isEqualTo(CompatibilityLevel.LOW);
                });
        Claim stored = service.find(loadedByA.modelName(), loadedByA.platform()).orElseThrow();
        assertThat(stored.data().level()).isEqualTo(CompatibilityLevel.LOW);
        assertThat(stored.updatedBy()).isEqualTo("alice");
        assertThat(stored.data().limitations()).isNotEqualTo("Bob's limitation");
    }

    @Test
    void bad_input_is_refused_field_by_field_and_changes_nothing() {
        Claim claim = anyClaim(CompatibilityLevel.HIGH);
        String state = snapshot();
        var tooLong = new ClaimData(
                claim.data().level(),
                "x".repeat(ClaimData.TEXT_MAX + 1),
                null,
                null,
                "htp:/not a link",
                null,
                null,
                0,
                null,
                false);
        assertThatThrownBy(() -> service.update(claim, tooLong, ChangeNote.NONE))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("limitations", "evidenceRun", "batchSize"));
        var negativeBatch = new ClaimData(
                CompatibilityLevel.LOW, null, null, null, "https://ci.example.org/runs/1", null, null, -4, null, false);
        assertThatThrownBy(() -> service.update(claim, negativeBatch, new ChangeNote(null, "v1")))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("batchSize", "reason"));
        assertThat(snapshot()).isEqualTo(state);
    }

    @Test
    void markup_in_notes_is_stored_as_plain_text() {
        Claim claim = anyClaim(CompatibilityLevel.HIGH);
        String script = "<script>alert(1)</script>";
        var data = new ClaimData(claim.data().level(), script, null, script, null, null, null, null, null, false);
        Claim saved = service.update(claim, data, ChangeNote.NONE);
        assertThat(saved.data().limitations()).isEqualTo(script);
        assertThat(saved.data().performanceNotes()).isEqualTo(script);
    }

    @Test
    void text_past_the_limit_is_refused_whole_not_cut_and_every_problem_is_named_at_once() {
        Claim claim = anyClaim(CompatibilityLevel.HIGH);
        String state = snapshot();
        var tooLong = new ClaimData(
                CompatibilityLevel.LOW,
                "x".repeat(ClaimData.TEXT_MAX + 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
        assertThatThrownBy(() -> service.update(claim, tooLong, ChangeNote.NONE))
                .isInstanceOfSatisfying(InvalidChangeException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("limitations", "reason", "version");
                    assertThat(e.fieldErrors().get("reason")).isEqualTo("A level change needs a reason");
                });
        assertThatThrownBy(() -> service.remove(claim, "y".repeat(ChangeNote.REASON_MAX + 1)))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors().get("reason")).contains("1,000", "1,001"));
        assertThat(snapshot()).isEqualTo(state);
    }

    @Test
    void a_save_based_on_the_version_a_conflict_showed_is_refused_again_when_a_newer_one_exists() {
        Claim opened = anyClaim(CompatibilityLevel.MEDIUM);
        Claim second = service.update(opened, withWorkarounds(opened.data(), "second"), ChangeNote.NONE);
        ClaimConflictException first = catchThrowableOfType(
                ClaimConflictException.class,
                () -> service.update(opened, withWorkarounds(opened.data(), "mine"), ChangeNote.NONE));
        assertThat(first.current()).isEqualTo(second);
        Claim third = service.update(second, withWorkarounds(second.data(), "third"), ChangeNote.NONE);

        assertThatThrownBy(
                        () -> service.update(first.current(), withWorkarounds(second.data(), "mine"), ChangeNote.NONE))
                .isInstanceOfSatisfying(
                        ClaimConflictException.class,
                        e -> assertThat(e.current()).isEqualTo(third));
        assertThat(service.find(opened.modelName(), opened.platform()).orElseThrow())
                .isEqualTo(third);
    }

    @Test
    void a_viewer_may_read_but_not_write() {
        Claim claim = anyClaim(CompatibilityLevel.HIGH);
        String state = snapshot();
        signIn("viewer", Roles.VIEWER);
        assertThat(service.find(claim.modelName(), claim.platform())).isPresent();
        assertThatThrownBy(() ->
                        service.update(claim, claim.data().withLevel(CompatibilityLevel.LOW), new ChangeNote("x", "y")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.remove(claim, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        service.create(claim.modelName(), claim.platform(), claim.data(), new ChangeNote("x", "y")))
                .isInstanceOf(AccessDeniedException.class);
        signIn("validator", Roles.VALIDATOR);
        assertThatThrownBy(() -> service.remove(claim, "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(snapshot()).isEqualTo(state);
    }

    private record Cell(String model, Platform platform) {}

    private Cell untestedCell() {
        return jdbc.sql("""
                SELECT m.model_name, p.platform FROM models m
                JOIN cross_platform_compatibility c USING (model_id),
                     (VALUES ('rocm'), ('mps'), ('openvino'), ('qualcomm'), ('webnn'), ('webgpu')) p(platform)
                WHERE NOT EXISTS (SELECT 1 FROM compatibility_details d WHERE d.compatibility_id = c.id
                                  AND d.hardware_type = p.platform)
                ORDER BY m.model_name, p.platform LIMIT 1""")
                .query((rs, n) -> new Cell(
                        rs.getString(1), Platform.fromKey(rs.getString(2)).orElseThrow()))
                .single();
    }

    /** A claim of this level not touched by other tests yet (each test takes a fresh one by offset). */
    private Claim anyClaim(CompatibilityLevel level) {
        return jdbc.sql("""
                SELECT m.model_name, d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE d.compatibility_level = :level AND d.updated_by IS NULL AND d.validation_status <> 'validated'
                ORDER BY d.id LIMIT 1""")
                .param("level", level.key())
                .query((rs, n) -> service.find(
                                rs.getString(1),
                                Platform.fromKey(rs.getString(2)).orElseThrow())
                        .orElseThrow())
                .single();
    }

    private static ClaimData data(CompatibilityLevel level, String limitations) {
        return new ClaimData(
                level,
                limitations,
                null,
                null,
                "https://ci.example.org/runs/42",
                "torch 2.5.1",
                "M2 Max",
                8,
                Precision.FP16,
                false);
    }

    private static ClaimData withWorkarounds(ClaimData data, String workarounds) {
        return new ClaimData(
                data.level(),
                data.limitations(),
                workarounds,
                data.performanceNotes(),
                data.evidenceRun(),
                data.frameworkVersion(),
                data.device(),
                data.batchSize(),
                data.precision(),
                data.simulated());
    }

    private long historyRows(String modelName) {
        return jdbc.sql("SELECT count(*) FROM compatibility_history JOIN models USING (model_id) WHERE model_name = :n")
                .param("n", modelName)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Everything a refused change must leave as it was. */
    private String snapshot() {
        return jdbc.sql("""
                SELECT (SELECT md5(string_agg(concat_ws('|', id, row_version, compatibility_level, limitations,
                                validation_status), ',' ORDER BY id))
                        FROM compatibility_details)
                    || '/' || (SELECT count(*) FROM compatibility_history)
                    || '/' || (SELECT count(*) FROM audit_log)
                    || '/' || (SELECT md5(string_agg(concat_ws('|', id, compatibility_score, recommended_platform), ','
                                ORDER BY id)) FROM cross_platform_compatibility)
                """).query(String.class).single();
    }

    private void assertDerivedColumnsFollowTheClaims(String modelName) {
        Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
        jdbc.sql("""
                SELECT d.hardware_type, d.compatibility_level FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE m.model_name = :n""").param("n", modelName).query(rs -> {
            levels.put(
                    Platform.fromKey(rs.getString(1)).orElseThrow(),
                    CompatibilityLevel.fromKey(rs.getString(2)).orElseThrow());
        });
        var expected = ScoreRule.derive(levels);
        Map<String, Object> row = jdbc.sql("""
                SELECT c.* FROM cross_platform_compatibility c JOIN models m USING (model_id) WHERE m.model_name = :n""").param("n", modelName).query().singleRow();
        for (Platform platform : Platform.values()) {
            assertThat(row.get(platform.supportColumn())).as(platform.key()).isEqualTo(expected.supports(platform));
            Object rank = row.get(platform.levelRankColumn());
            assertThat(rank == null ? null : ((Number) rank).intValue())
                    .as(platform.levelRankColumn())
                    .isEqualTo(expected.levelRank(platform));
        }
        assertThat(ScoreRule.fromStored(((Number) row.get("compatibility_score")).doubleValue()))
                .isEqualTo(expected.score());
        assertThat(row.get("recommended_platform"))
                .isEqualTo(
                        expected.recommended() == null
                                ? null
                                : expected.recommended().key());
    }
}
