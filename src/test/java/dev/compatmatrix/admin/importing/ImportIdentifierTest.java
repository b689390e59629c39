package dev.compatmatrix.admin.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An import cannot name a model or family with markup, control or text-direction characters (issue 15, items 1, 10). */
class ImportIdentifierTest extends WritingIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rows_naming_new_models_or_families_with_markup_or_invisible_characters_are_refused_and_nothing_is_written() {
        signIn("admin", Roles.ADMIN);
        byte[] csv = """
                model,family,type,size,hardware,level
                import-xss-1,<img src=x onerror=alert(1)>,vision,small,cpu,high
                "import-xss-2"">",vit,vision,small,cpu,high
                abc\u202Egnp.exe,vit,vision,small,cpu,high
                import-fine-ünïcødé-模型,Vision (tiny),vision,small,cpu,high
                """.getBytes(StandardCharsets.UTF_8);
        long models = jdbc.sql("SELECT count(*) FROM models").query(Long.class).single();
        ImportPreview preview = imports.preview("models.csv", csv);
        assertThat(preview.errors()).extracting(ImportPreview.RowError::line).containsExactly(2, 3, 4);
        assertThat(preview.errors().get(0).message()).contains("family: A family cannot contain ‘<’");
        assertThat(preview.errors().get(1).message()).contains("name: A model name cannot contain ‘\"’");
        assertThat(preview.errors().get(2).message())
                .contains("name: A model name cannot contain invisible characters that change how text reads (U+202E)");
        assertThatThrownBy(() -> imports.apply("models.csv", csv, ImportProgress.NONE))
                .isInstanceOf(ImportRefusedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM models").query(Long.class).single())
                .isEqualTo(models);
    }
}
