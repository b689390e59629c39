package dev.compatmatrix.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ModelPageService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

class CatalogServiceTest extends WritingIntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    CompatibilityService compatibility;

    @Autowired
    ModelPageService modelPage;

    @Autowired
    JdbcClient jdbc;

    private static ModelData model(String name) {
        return new ModelData(
                name, "test-family", ModelType.VISION, ModelSize.SMALL, 12.5, "https://huggingface.co/x/y");
    }

    @Test
    void an_editor_adds_a_model_that_appears_untested_in_the_matrix() {
        signIn("editor", Roles.EDITOR);
        long before = compatibility.matrixCount(MatrixFilter.NONE);
        MlModel created = catalog.create(model("acme/new-vision-1"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(compatibility.matrixCount(MatrixFilter.NONE)).isEqualTo(before + 1);
        var overview = modelPage.modelOverview("acme/new-vision-1").orElseThrow();
        assertThat(overview.claims()).isEmpty();
        assertThat(overview.header().score()).isZero();
        assertThat(overview.header().recommended()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'model.create' AND entity_id = :id")
                        .param("id", String.valueOf(created.modelId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void names_are_unique_and_bad_input_is_refused_field_by_field() {
        signIn("editor", Roles.EDITOR);
        long models = jdbc.sql("SELECT count(*) FROM models").query(Long.class).single();
        assertThatThrownBy(() -> catalog.create(model("BERT-base-uncased")))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("name"));
        var bad = new ModelData("has spaces", " ", null, ModelSize.BASE, -3.0, "ftp://x");
        assertThatThrownBy(() -> catalog.create(bad))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsKeys("name", "family", "type", "parametersMillions", "sourceUrl"));
        assertThat(jdbc.sql("SELECT count(*) FROM models").query(Long.class).single())
                .isEqualTo(models);
    }

    @Test
    void editing_a_model_updates_the_matrix_row_and_a_stale_edit_is_refused() {
        signIn("editor", Roles.EDITOR);
        MlModel created = catalog.create(model("acme/edit-me"));
        var changed = new ModelData("acme/edit-me", "acme", ModelType.MULTIMODAL, ModelSize.LARGE, 1200.0, null);
        catalog.update(created, changed);
        assertThat(jdbc.sql("""
                SELECT c.model_type || '/' || c.model_size FROM cross_platform_compatibility c
                WHERE c.model_id = :id""")
                        .param("id", created.modelId())
                        .query(String.class)
                        .single())
                .isEqualTo("multimodal/large");
        assertThatThrownBy(() -> catalog.update(created, model("acme/edit-me")))
                .isInstanceOf(ModelConflictException.class)
                .hasMessageContaining("Nothing was saved");
        assertThat(catalog.find("acme/edit-me").orElseThrow().data()).isEqualTo(changed);
    }

    @Test
    void only_an_admin_deletes_a_model_and_its_history_is_kept() {
        signIn("editor", Roles.EDITOR);
        MlModel target = catalog.find("facebook/opt-125m").orElseThrow();
        assertThatThrownBy(() -> catalog.delete(target, "duplicate")).isInstanceOf(AccessDeniedException.class);
        long historyBefore = history(target.modelId());
        assertThat(performanceResults(target.modelId())).isPositive();
        long claims =
                jdbc.sql("""
                SELECT count(*) FROM compatibility_details d JOIN cross_platform_compatibility c
                ON c.id = d.compatibility_id WHERE c.model_id = :id""").param("id", target.modelId()).query(Long.class).single();

        signIn("admin", Roles.ADMIN);
        assertThatThrownBy(() -> catalog.delete(target, " ")).isInstanceOf(InvalidChangeException.class);
        catalog.delete(target, "Duplicate of another entry");

        assertThat(modelPage.modelOverview("facebook/opt-125m")).isEmpty();
        assertThat(history(target.modelId())).isEqualTo(historyBefore + claims);
        assertThat(jdbc.sql("SELECT count(*) FROM cross_platform_compatibility WHERE model_id = :id")
                        .param("id", target.modelId())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(performanceResults(target.modelId())).isZero();
        assertThat(jdbc.sql("SELECT model_name FROM models WHERE model_id = :id AND deleted_at IS NOT NULL")
                        .param("id", target.modelId())
                        .query(String.class)
                        .single())
                .isEqualTo("facebook/opt-125m");
        // The name stays taken: the kept history refers to it.
        assertThatThrownBy(() -> catalog.create(model("facebook/opt-125m"))).isInstanceOf(InvalidChangeException.class);
    }

    @Test
    void a_viewer_cannot_add_models() {
        signIn("viewer", Roles.VIEWER);
        assertThatThrownBy(() -> catalog.create(model("acme/viewer-made"))).isInstanceOf(AccessDeniedException.class);
        assertThat(catalog.find("acme/viewer-made")).isEmpty();
    }

    private long performanceResults(int modelId) {
        return jdbc.sql("SELECT count(*) FROM performance_results WHERE model_id = :id")
                .param("id", modelId)
                .query(Long.class)
                .single();
    }

    private long history(int modelId) {
        return jdbc.sql("SELECT count(*) FROM compatibility_history WHERE model_id = :id")
                .param("id", modelId)
                .query(Long.class)
                .single();
    }
}
