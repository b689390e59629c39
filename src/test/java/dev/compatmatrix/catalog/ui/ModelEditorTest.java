package dev.compatmatrix.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.base.ui.NotFoundView;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.Test;

class ModelEditorTest extends WritingKaribuTest {

    @Test
    void an_editor_adds_a_model_from_the_matrix_and_lands_on_its_page() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("");
        _get(Button.class, spec -> spec.withId("new-model")).click();
        ModelEditor form = _get(ModelEditor.class);
        form.name.setValue("acme/tiny-vit");
        form.family.setValue("vit");
        form.type.setValue(ModelType.VISION);
        form.size.setValue(ModelSize.TINY);
        form.parameters.setValue(5.0);
        form.save.click();
        assertThat(_get(H2.class, spec -> spec.withId("model-name")).getText()).isEqualTo("acme/tiny-vit");
    }

    @Test
    void bad_input_shows_field_errors() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("");
        _get(Button.class, spec -> spec.withId("new-model")).click();
        ModelEditor form = _get(ModelEditor.class);
        form.name.setValue("gpt2");
        form.family.setValue("gpt2");
        form.type.setValue(ModelType.TEXT_GENERATION);
        form.size.setValue(ModelSize.SMALL);
        form.sourceUrl.setValue("not a link");
        form.save.click();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).contains("exists already");
        assertThat(form.sourceUrl.isInvalid()).isTrue();
        assertThat(form.isOpened()).isTrue();
    }

    @Test
    void markup_control_and_text_direction_characters_in_name_or_family_are_refused_on_the_field() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("");
        _get(Button.class, spec -> spec.withId("new-model")).click();
        ModelEditor form = _get(ModelEditor.class);
        form.type.setValue(ModelType.VISION);
        form.size.setValue(ModelSize.TINY);
        form.name.setValue("abc\u202Egnp.exe");
        form.family.setValue("<img src=x onerror=alert(1)>");
        form.save.click();
        assertThat(form.name.getErrorMessage())
                .isEqualTo("A model name cannot contain invisible characters that change how text reads (U+202E)");
        assertThat(form.family.getErrorMessage()).startsWith("A family cannot contain ‘<’");
        assertThat(form.isOpened()).isTrue();
        form.name.setValue("bell\u0007model");
        form.family.setValue("vit");
        form.save.click();
        assertThat(form.name.getErrorMessage()).isEqualTo("A model name cannot contain control characters (U+0007)");
        assertThat(form.family.isInvalid()).isFalse();
        form.name.setValue("ünïcødé-模型");
        form.family.setValue("Vision (tiny)");
        form.save.click();
        assertThat(_get(H2.class, spec -> spec.withId("model-name")).getText()).isEqualTo("ünïcødé-模型");
    }

    @Test
    void a_viewer_has_no_new_model_button() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("");
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Button.class, spec -> spec.withId("new-model"));
    }

    @Test
    void an_admin_deletes_a_model_with_a_reason() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("models/facebook/bart-base");
        _get(Button.class, spec -> spec.withId("edit-model")).click();
        ModelEditor form = _get(ModelEditor.class);
        assertThat(form.delete.isVisible()).isTrue();
        form.delete.click();
        assertThat(form.deleteReason.isInvalid()).isTrue();
        form.deleteReason.setValue("Imported twice");
        form.delete.click();
        _assertOne(MatrixView.class);
        UI.getCurrent().navigate("models/facebook/bart-base");
        _assertOne(NotFoundView.class);
    }
}
