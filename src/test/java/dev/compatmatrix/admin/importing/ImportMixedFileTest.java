package dev.compatmatrix.admin.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ScoreRule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file mixing every kind of row, written in chunks, leaves exactly the rows that writing one row after the
 * other gave: claims, history, audit (ids and order included) and derived columns, written out below.
 */
class ImportMixedFileTest extends WritingIntegrationTest {

    // Demo models no other test names, from the middle of the demo data: other writing tests take claims of the first
    // and of the last models by id, and the first untested cells by name. CLAP and MUSICGEN have all eight platforms
    // tested, WHISPER all but Qualcomm.
    private static final String CLAP = "laion/clap-htsat-unfused";
    private static final String MUSICGEN = "facebook/musicgen-small";
    private static final String WHISPER = "openai/whisper-base";
    /** Model-only rows that fill the first chunk, so that the last row lands in the second. */
    private static final int PADDING = ImportProgress.STEP - 9;

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private static byte[] mixedFile() {
        StringBuilder csv = new StringBuilder("""
                model,family,type,size,parameters_millions,hardware,level,limitations,workarounds,notes,framework_version,reason
                mixed-new-a,mixfam,vision,small,12,cuda,high,,,,torch 2.6,
                mixed-only,mixfam,audio,tiny,,,,,,,,
                laion/clap-htsat-unfused,,,,,rocm,medium,,,,,Regression in ROCm 6.3
                laion/clap-htsat-unfused,,,,,cpu,high,,,,,
                laion/clap-htsat-unfused,,,,,webgpu,medium,Needs Chrome 127,,,,
                laion/clap-htsat-unfused,,,,,webnn,medium,,,,Chrome 130 / ORT-web 1.20,
                openai/whisper-base,,,,,qualcomm,low,,,,,
                openai/whisper-base,,,,,,,,,,,
                facebook/musicgen-small,,,,,cuda,unsupported,Driver crash on load,Use ROCm,,,
                """);
        for (int i = 0; i < PADDING; i++) {
            csv.append("mixed-pad-").append(i).append(",padfam,text_embedding,tiny,,,,,,,,\n");
        }
        csv.append("mixed-new-a,mixfam,vision,small,,cpu,low,Slow without AVX-512,,,,Measured on CPU\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    record ClaimRow(
            String level,
            String limitations,
            String workarounds,
            String notes,
            String framework,
            String run,
            String status,
            Integer validatorId,
            LocalDateTime validationDate,
            int version,
            String updatedBy,
            LocalDateTime updatedAt) {

        ClaimRow written(
                String newLevel,
                String newLimitations,
                String newWorkarounds,
                String newFramework,
                boolean resetValidation,
                LocalDateTime when) {
            return new ClaimRow(
                    newLevel,
                    newLimitations,
                    newWorkarounds,
                    notes,
                    newFramework,
                    run,
                    resetValidation ? "unvalidated" : status,
                    resetValidation ? null : validatorId,
                    resetValidation ? null : validationDate,
                    version + 1,
                    "admin",
                    when);
        }

        static ClaimRow created(String level, String limitations, String framework, LocalDateTime when) {
            return new ClaimRow(
                    level, limitations, null, null, framework, null, "unvalidated", null, null, 1, "admin", when);
        }
    }

    private ClaimRow claim(String model, String platform) {
        return jdbc.sql("""
                        SELECT d.compatibility_level, d.limitations, d.workarounds, d.performance_notes,
                               d.framework_version, d.evidence_run, d.validation_status, d.validator_id,
                               d.validation_date, d.row_version, d.updated_by, d.updated_at
                        FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        WHERE m.model_name = :model AND d.hardware_type = :platform""")
                .param("model", model)
                .param("platform", platform)
                .query((rs, n) -> new ClaimRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        (Integer) rs.getObject(8),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getInt(10),
                        rs.getString(11),
                        rs.getObject(12, LocalDateTime.class)))
                .optional()
                .orElse(null);
    }

    private long claimId(String model, String platform) {
        return jdbc.sql("""
                        SELECT d.id FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id WHERE m.model_name = :model AND d.hardware_type = :platform""")
                .param("model", model)
                .param("platform", platform)
                .query(Long.class)
                .single();
    }

    private int modelId(String model) {
        return jdbc.sql("SELECT model_id FROM models WHERE model_name = :model")
                .param("model", model)
                .query(Integer.class)
                .single();
    }

    private long maxId(String table) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table)
                .query(Long.class)
                .single();
    }

    record HistoryRow(
            String model,
            String platform,
            String previous,
            String next,
            String reason,
            String version,
            LocalDateTime when,
            String changedBy) {}

    private List<HistoryRow> historyAfter(long id) {
        return jdbc.sql("""
                        SELECT m.model_name, h.hardware_type, h.previous_status, h.new_status, h.change_reason,
                               h.change_version, h.change_date, h.changed_by
                        FROM compatibility_history h JOIN models m ON m.model_id = h.model_id
                        WHERE h.id > :id ORDER BY h.id""")
                .param("id", id)
                .query((rs, n) -> new HistoryRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDateTime.class),
                        rs.getString(8)))
                .list();
    }

    record AuditRow(
            String action, String entity, String entityId, String summary, Map<?, ?> oldValue, Map<?, ?> newValue) {}

    private List<AuditRow> auditAfter(long id, LocalDateTime when) {
        return jdbc.sql("""
                        SELECT action, entity, entity_id, summary, old_value, new_value, occurred_at, actor
                        FROM audit_log WHERE id > :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> {
                    assertThat(rs.getObject(7, LocalDateTime.class)).isEqualTo(when);
                    assertThat(rs.getString(8)).isEqualTo("admin");
                    return new AuditRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            map(rs.getString(5)),
                            map(rs.getString(6)));
                })
                .list();
    }

    private Map<?, ?> map(String jsonText) {
        return jsonText == null ? null : json.readValue(jsonText, Map.class);
    }

    /** The derived columns: support flags in the order cpu, cuda, rocm, mps, openvino, qualcomm, webnn, webgpu. */
    record DerivedRow(String supports, double score, String recommended, LocalDateTime lastUpdated) {}

    private DerivedRow derived(String model) {
        return jdbc.sql("""
                        SELECT concat(cpu_support::INT, cuda_support::INT, rocm_support::INT, mps_support::INT,
                                      openvino_support::INT, qualcomm_support::INT, webnn_support::INT, webgpu_support::INT),
                               compatibility_score, recommended_platform, last_updated
                        FROM cross_platform_compatibility c JOIN models m ON m.model_id = c.model_id
                        WHERE m.model_name = :model""")
                .param("model", model)
                .query((rs, n) -> new DerivedRow(
                        rs.getString(1),
                        ScoreRule.fromStored(rs.getDouble(2)),
                        rs.getString(3),
                        rs.getObject(4, LocalDateTime.class)))
                .single();
    }

    @Test
    void a_mixed_file_writes_what_writing_row_by_row_wrote() {
        signIn("admin", Roles.ADMIN);
        // The demo cells the file changes, as the demo data set has them.
        ClaimRow clapRocm = claim(CLAP, "rocm");
        ClaimRow clapCpu = claim(CLAP, "cpu");
        ClaimRow clapWebgpu = claim(CLAP, "webgpu");
        ClaimRow clapWebnn = claim(CLAP, "webnn");
        ClaimRow musicgenCuda = claim(MUSICGEN, "cuda");
        assertThat(List.of(
                        clapRocm.level(), clapCpu.level(), clapWebgpu.level(), clapWebnn.level(), musicgenCuda.level()))
                .containsExactly("high", "high", "medium", "medium", "high");
        assertThat(List.of(clapRocm.status(), clapWebgpu.status(), clapWebnn.status(), musicgenCuda.status()))
                .containsOnly("validated");
        assertThat(clapWebgpu.limitations()).isNotEqualTo("Needs Chrome 127");
        assertThat(claim(WHISPER, "qualcomm")).isNull();
        assertThat(List.of(derived(CLAP), derived(MUSICGEN), derived(WHISPER)))
                .extracting(DerivedRow::supports, DerivedRow::score, DerivedRow::recommended)
                .containsExactly(
                        tuple("11111111", 0.888, "cuda"),
                        tuple("11111111", 0.888, "cuda"),
                        tuple("11111011", 0.725, "cuda"));
        long history = maxId("compatibility_history");
        long audit = maxId("audit_log");
        List<Integer> reported = new ArrayList<>();

        ImportResult result = imports.apply("mixed.csv", mixedFile(), (done, total) -> reported.add(done));

        assertThat(result).isEqualTo(new ImportResult(ImportProgress.STEP + 1, 2 + PADDING, 3, 4, 1));
        assertThat(reported).containsExactly(ImportProgress.STEP, ImportProgress.STEP + 1);
        LocalDateTime now = derived("mixed-only").lastUpdated();

        // Claims: created; level changed (validation reset); unchanged; limitations only (reset); framework only
        // (kept).
        assertThat(claim("mixed-new-a", "cuda")).isEqualTo(ClaimRow.created("high", null, "torch 2.6", now));
        assertThat(claim("mixed-new-a", "cpu")).isEqualTo(ClaimRow.created("low", "Slow without AVX-512", null, now));
        assertThat(claim(WHISPER, "qualcomm")).isEqualTo(ClaimRow.created("low", null, null, now));
        assertThat(claim(CLAP, "rocm"))
                .isEqualTo(clapRocm.written(
                        "medium", clapRocm.limitations(), clapRocm.workarounds(), clapRocm.framework(), true, now));
        assertThat(claim(CLAP, "cpu")).isEqualTo(clapCpu);
        assertThat(claim(CLAP, "webgpu"))
                .isEqualTo(clapWebgpu.written(
                        "medium", "Needs Chrome 127", clapWebgpu.workarounds(), clapWebgpu.framework(), true, now));
        assertThat(claim(CLAP, "webnn"))
                .isEqualTo(clapWebnn.written(
                        "medium",
                        clapWebnn.limitations(),
                        clapWebnn.workarounds(),
                        "Chrome 130 / ORT-web 1.20",
                        false,
                        now));
        assertThat(claim(MUSICGEN, "cuda"))
                .isEqualTo(musicgenCuda.written(
                        "unsupported", "Driver crash on load", "Use ROCm", musicgenCuda.framework(), true, now));

        // History: creations and level changes only, in file order.
        String imported = "Imported from mixed.csv";
        assertThat(historyAfter(history))
                .containsExactly(
                        new HistoryRow("mixed-new-a", "cuda", null, "high", imported, "torch 2.6", now, "admin"),
                        new HistoryRow(
                                CLAP,
                                "rocm",
                                "high",
                                "medium",
                                "Regression in ROCm 6.3",
                                clapRocm.framework(),
                                now,
                                "admin"),
                        new HistoryRow(WHISPER, "qualcomm", null, "low", imported, null, now, "admin"),
                        new HistoryRow(
                                MUSICGEN,
                                "cuda",
                                "high",
                                "unsupported",
                                imported,
                                musicgenCuda.framework(),
                                now,
                                "admin"),
                        new HistoryRow("mixed-new-a", "cpu", null, "low", "Measured on CPU", null, now, "admin"));

        // Ids in file order, as one statement per row drew them.
        int newA = modelId("mixed-new-a");
        assertThat(List.of(modelId("mixed-only"), modelId("mixed-pad-0"), modelId("mixed-pad-" + (PADDING - 1))))
                .containsExactly(newA + 1, newA + 2, newA + 1 + PADDING);
        long newACuda = claimId("mixed-new-a", "cuda");
        assertThat(List.of(claimId(WHISPER, "qualcomm"), claimId("mixed-new-a", "cpu")))
                .containsExactly(newACuda + 1, newACuda + 2);

        // Audit: one row per write, in file order, then the import's own.
        List<AuditRow> rows = auditAfter(audit, now);
        assertThat(rows).hasSize(2 + PADDING + 3 + 4 + 1);
        assertThat(rows.subList(0, 8))
                .containsExactly(
                        new AuditRow(
                                "model.create",
                                "models",
                                String.valueOf(newA),
                                "Imported model mixed-new-a",
                                null,
                                Map.of("family", "mixfam", "type", "vision", "size", "small")),
                        new AuditRow(
                                "claim.create",
                                "compatibility_details",
                                String.valueOf(newACuda),
                                "Imported CUDA claim for mixed-new-a: High",
                                null,
                                Map.of("level", "high")),
                        new AuditRow(
                                "model.create",
                                "models",
                                String.valueOf(newA + 1),
                                "Imported model mixed-only",
                                null,
                                Map.of("family", "mixfam", "type", "audio", "size", "tiny")),
                        new AuditRow(
                                "claim.update",
                                "compatibility_details",
                                String.valueOf(claimId(CLAP, "rocm")),
                                "Imported change of the ROCm claim for " + CLAP,
                                Map.of("level", "high"),
                                Map.of("level", "medium")),
                        new AuditRow(
                                "claim.update",
                                "compatibility_details",
                                String.valueOf(claimId(CLAP, "webgpu")),
                                "Imported change of the WebGPU claim for " + CLAP,
                                Map.of("level", "medium"),
                                Map.of("level", "medium")),
                        new AuditRow(
                                "claim.update",
                                "compatibility_details",
                                String.valueOf(claimId(CLAP, "webnn")),
                                "Imported change of the WebNN claim for " + CLAP,
                                Map.of("level", "medium"),
                                Map.of("level", "medium")),
                        new AuditRow(
                                "claim.create",
                                "compatibility_details",
                                String.valueOf(newACuda + 1),
                                "Imported Qualcomm claim for " + WHISPER + ": Low",
                                null,
                                Map.of("level", "low")),
                        new AuditRow(
                                "claim.update",
                                "compatibility_details",
                                String.valueOf(claimId(MUSICGEN, "cuda")),
                                "Imported change of the CUDA claim for " + MUSICGEN,
                                Map.of("level", "high"),
                                Map.of("level", "unsupported")));
        assertThat(rows.get(8))
                .isEqualTo(new AuditRow(
                        "model.create",
                        "models",
                        String.valueOf(newA + 2),
                        "Imported model mixed-pad-0",
                        null,
                        Map.of("family", "padfam", "type", "text_embedding", "size", "tiny")));
        assertThat(rows.subList(8, 8 + PADDING)).extracting(AuditRow::action).containsOnly("model.create");
        assertThat(rows.subList(8 + PADDING, rows.size()))
                .containsExactly(
                        new AuditRow(
                                "claim.create",
                                "compatibility_details",
                                String.valueOf(newACuda + 2),
                                "Imported CPU claim for mixed-new-a: Low",
                                null,
                                Map.of("level", "low")),
                        new AuditRow(
                                "import.apply",
                                "import",
                                "mixed.csv",
                                "Imported mixed.csv: " + (ImportProgress.STEP + 1) + " rows",
                                null,
                                Map.of("models_created", 2 + PADDING, "claims_created", 3, "claims_changed", 4)));

        // Derived columns of every touched model; a new model without claims stays untested.
        assertThat(derived(CLAP)).isEqualTo(new DerivedRow("11111111", 0.85, "cuda", now));
        assertThat(derived(MUSICGEN)).isEqualTo(new DerivedRow("10111111", 0.763, "rocm", now));
        assertThat(derived(WHISPER)).isEqualTo(new DerivedRow("11111111", 0.775, "cuda", now));
        assertThat(derived("mixed-new-a")).isEqualTo(new DerivedRow("11000000", 0.175, "cuda", now));
        assertThat(derived("mixed-only")).isEqualTo(new DerivedRow("00000000", 0.0, null, now));
        assertThat(derived("mixed-pad-0")).isEqualTo(new DerivedRow("00000000", 0.0, null, now));
    }
}
