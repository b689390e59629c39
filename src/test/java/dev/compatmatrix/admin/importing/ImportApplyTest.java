package dev.compatmatrix.admin.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ImportApplyTest extends WritingIntegrationTest {

    /** More than two chunks of {@link ImportProgress#STEP} rows, the last one partial. */
    private static final int ROWS = 2 * ImportProgress.STEP + ImportProgress.STEP / 2;

    private static final String[] PLATFORMS = {"cpu", "cuda", "rocm", "mps", "openvino", "qualcomm", "webnn", "webgpu"};

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static byte[] csv(boolean withBadRows) {
        StringBuilder csv = new StringBuilder("model,family,type,size,hardware,level,reason\n");
        for (int i = 0; i < ROWS; i++) {
            String type = withBadRows && i == 10 ? "robot" : "audio";
            String hardware = withBadRows && i == 20 ? "tpu" : PLATFORMS[i % 8];
            String name = withBadRows && i == 30 ? "has a space" : "apply-model-" + i;
            csv.append(name)
                    .append(",applyfam,")
                    .append(type)
                    .append(",small,")
                    .append(hardware)
                    .append(",low,First import\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_file_with_bad_rows_changes_nothing_and_once_fixed_imports_everything_with_history() {
        signIn("admin", Roles.ADMIN);
        long models = count("SELECT count(*) FROM models");
        long history = count("SELECT count(*) FROM compatibility_history");
        assertThatThrownBy(() -> imports.apply("batch.csv", csv(true), ImportProgress.NONE))
                .isInstanceOfSatisfying(
                        ImportRefusedException.class,
                        e -> assertThat(e.preview().errors())
                                .extracting(ImportPreview.RowError::line)
                                .containsExactly(12, 22, 32));
        assertThat(count("SELECT count(*) FROM models")).isEqualTo(models);
        assertThat(count("SELECT count(*) FROM compatibility_history")).isEqualTo(history);

        List<Integer> reported = new ArrayList<>();
        ImportResult result = imports.apply("batch.csv", csv(false), (done, total) -> {
            assertThat(total).isEqualTo(ROWS);
            reported.add(done);
        });
        // After each chunk, the last one partial.
        assertThat(reported).isSorted().containsExactly(ImportProgress.STEP, 2 * ImportProgress.STEP, ROWS);
        assertThat(result.modelsCreated()).isEqualTo(ROWS);
        assertThat(result.claimsCreated()).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM models")).isEqualTo(models + ROWS);
        assertThat(count("""
                SELECT count(*) FROM compatibility_history WHERE changed_by = 'admin' AND change_reason = 'First import'
                  AND new_status = 'low'""")).isEqualTo(ROWS);
        Boolean supported = jdbc.sql("""
                SELECT cuda_support FROM cross_platform_compatibility c JOIN models m ON m.model_id = c.model_id
                WHERE m.model_name = 'apply-model-1'""").query(Boolean.class).single();
        assertThat(supported).isTrue();
        assertThat(dev.compatmatrix.MatrixInvariants.derivedColumnsNotFollowingClaims(jdbc, "apply-model-%"))
                .isEmpty();

        // The same file again changes nothing.
        ImportResult again = imports.apply("batch.csv", csv(false), ImportProgress.NONE);
        assertThat(again.unchanged()).isEqualTo(ROWS);
        assertThat(again.modelsCreated()).isZero();
    }
}
