package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The claim form on the model page: create for an untested cell, edit with a level change, field errors. */
class ClaimEditorTest extends WritingKaribuTest {

    private static final String MODEL = "microsoft/swin-tiny-patch4-window7-224";

    @Autowired
    ClaimService claims;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_editor_creates_a_claim_for_an_untested_cell_and_the_page_shows_it() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/" + MODEL);
        ModelView view = _get(ModelView.class);
        Platform untested = view.claims.getGenericDataView().getItems()
                .filter(c -> c.claim() == null).findFirst().orElseThrow().platform();

        view.openEditor(untested);
        ClaimEditor editor = _get(ClaimEditor.class);
        editor.level.setValue(CompatibilityLevel.LOW);
        editor.limitations.setValue("<script>alert(1)</script>");
        editor.save.click();
        assertThat(editor.reason.isInvalid()).as("a new claim needs a reason").isTrue();
        assertThat(editor.version.isInvalid()).isTrue();
        assertThat(editor.isOpened()).isTrue();

        editor.reason.setValue("Smoke suite on the dev kit");
        editor.version.setValue("QNN 2.26");
        editor.save.click();

        assertThat(editor.isOpened()).isFalse();
        var shown = _get(ModelView.class).claims.getGenericDataView().getItems()
                .filter(c -> c.platform() == untested).findFirst().orElseThrow();
        assertThat(shown.claim().level()).isEqualTo(CompatibilityLevel.LOW);
        assertThat(shown.claim().limitations()).isEqualTo("<script>alert(1)</script>");
        var newest = _get(ModelView.class).history.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(newest.changedBy()).isEqualTo("editor");
        assertThat(newest.newStatus()).isEqualTo("low");
        assertThat(newest.changeReason()).isEqualTo("Smoke suite on the dev kit");
    }

    @Test
    void bad_input_shows_field_errors_and_keeps_the_form_open() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/bert-base-uncased");
        _get(ModelView.class).openEditor(Platform.CPU);
        ClaimEditor editor = _get(ClaimEditor.class);
        int version = claims.find("bert-base-uncased", Platform.CPU).orElseThrow().version();

        editor.evidenceRun.setValue("not a link with spaces");
        editor.batchSize.setValue(0);
        editor.save.click();

        assertThat(editor.evidenceRun.isInvalid()).isTrue();
        assertThat(editor.batchSize.isInvalid()).isTrue();
        assertThat(editor.batchSize.getErrorMessage()).contains("positive");
        assertThat(editor.isOpened()).isTrue();
        assertThat(claims.find("bert-base-uncased", Platform.CPU).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void a_second_session_saving_the_same_claim_sees_the_conflict_and_keeps_its_input() {
        login("alice", Roles.EDITOR);
        UI.getCurrent().navigate("models/gpt2");
        _get(ModelView.class).openEditor(Platform.ROCM);
        ClaimEditor bobsForm = _get(ClaimEditor.class);
        var loaded = claims.find("gpt2", Platform.ROCM).orElseThrow();
        claims.update(loaded, new dev.compatmatrix.compatibility.ClaimData(CompatibilityLevel.UNSUPPORTED,
                        "Kernel crash", null, null, null, null, null, null, null, false),
                new dev.compatmatrix.compatibility.ChangeNote("Crashes on load", "ROCm 6.3"));

        bobsForm.workarounds.setValue("Bob's workaround");
        bobsForm.save.click();

        assertThat(bobsForm.isOpened()).isTrue();
        assertThat(bobsForm.conflict.isVisible()).isTrue();
        assertThat(bobsForm.conflict.getText()).contains("alice", "unsupported");
        assertThat(bobsForm.workarounds.getValue()).isEqualTo("Bob's workaround");
        assertThat(claims.find("gpt2", Platform.ROCM).orElseThrow().data().workarounds()).isNull();
    }

    @Test
    void a_viewer_sees_no_edit_controls() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("models/bert-base-uncased");
        assertThat(_get(ModelView.class).claims.getColumnByKey("edit")).isNull();
    }

    @Test
    void an_editor_sees_an_edit_button_on_each_platform() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/gpt2");
        var editColumn = _get(ModelView.class).claims.getColumnByKey("edit");
        assertThat(editColumn).isNotNull();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(_get(ModelView.class).claims, 0, "edit"))
                .isInstanceOfSatisfying(Button.class, b -> assertThat(b.getText()).isEqualTo("Edit"));
    }
}
