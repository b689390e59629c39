package dev.compatmatrix.admin.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ImportPreviewTest extends IntegrationTest {

    private static final String[] PLATFORMS = {"cpu", "cuda", "rocm", "mps", "openvino", "qualcomm", "webnn", "webgpu"};

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "someone", null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    /** 1,000 rows (lines 2–1001): new models with a claim each, bad rows at lines 102, 502 and 902. */
    private static String csvWithThreeBadRows() {
        StringBuilder csv = new StringBuilder("model,family,type,size,parameters_millions,hardware,level,notes\n");
        for (int i = 0; i < 1000; i++) {
            String type = i == 100 ? "robot" : "vision";
            String hardware = i == 500 ? "tpu" : PLATFORMS[i % 8];
            String level = i == 900 ? "" : "medium";
            csv.append("import-model-")
                    .append(i)
                    .append(",importfam,")
                    .append(type)
                    .append(",base,86,")
                    .append(hardware)
                    .append(',')
                    .append(level)
                    .append(",\"runs, with a comma\"\n");
        }
        return csv.toString();
    }

    @Test
    void the_dry_run_lists_exactly_the_bad_rows_with_their_reasons_and_changes_nothing() {
        signIn(Roles.ADMIN);
        long models = jdbc.sql("SELECT count(*) FROM models").query(Long.class).single();
        ImportPreview preview =
                imports.preview("models.csv", csvWithThreeBadRows().getBytes(StandardCharsets.UTF_8));
        assertThat(preview.rows()).isEqualTo(1000);
        assertThat(preview.errors()).extracting(ImportPreview.RowError::line).containsExactly(102, 502, 902);
        assertThat(preview.errors().get(0).message()).contains("type");
        assertThat(preview.errors().get(1).message()).contains("hardware");
        assertThat(preview.errors().get(2).message()).contains("level");
        assertThat(preview.applicable()).isFalse();
        assertThat(preview.modelsToCreate()).isEqualTo(997);
        assertThat(preview.claimsToCreate()).isEqualTo(997);
        assertThat(jdbc.sql("SELECT count(*) FROM models").query(Long.class).single())
                .isEqualTo(models);
    }

    @Test
    void existing_claims_count_as_changed_or_unchanged_and_json_reads_the_same_way() {
        signIn(Roles.ADMIN);
        String cudaLevel = jdbc.sql("""
                SELECT d.compatibility_level FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                JOIN models m ON m.model_id = c.model_id WHERE m.model_name = 'gpt2' AND d.hardware_type = 'cuda'""").query(String.class).single();
        String other = cudaLevel.equals("low") ? "high" : "low";
        String json = """
                [{"model": "gpt2", "hardware": "cuda", "level": "%s"},
                 {"model": "gpt2", "hardware": "cpu", "level": "%s"},
                 {"model": "brand-new", "family": "new", "type": "audio", "size": "tiny"}]
                """.formatted(cudaLevel, other);
        ImportPreview preview = imports.preview("claims.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.unchanged()).isEqualTo(1);
        assertThat(preview.modelsToCreate()).isEqualTo(1);
        assertThat(preview.claimsToChange() + preview.claimsToCreate()).isEqualTo(1);
    }

    @Test
    void an_unreadable_file_is_refused_as_a_whole() {
        signIn(Roles.ADMIN);
        assertThatThrownBy(() -> imports.preview("x.txt", new byte[0])).hasMessageContaining(".csv or .json");
        assertThatThrownBy(() -> imports.preview("x.csv", "model,colour\na,b\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown: [colour]");
        assertThatThrownBy(() -> imports.preview("x.json", "{\"model\": 1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportFileException.class);
        assertThatThrownBy(() -> imports.preview("x.json", "[{\"modell\": \"a\"}]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown key 'modell'");
    }

    @Test
    void only_admins_import() {
        signIn(Roles.EDITOR);
        assertThatThrownBy(() -> imports.preview("models.csv", "model\na\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
