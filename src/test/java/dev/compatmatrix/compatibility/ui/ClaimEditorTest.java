package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

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
        Platform untested = view.claims
                .getGenericDataView()
                .getItems()
                .filter(c -> c.claim() == null)
                .findFirst()
                .orElseThrow()
                .platform();

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
        var shown = _get(ModelView.class)
                .claims
                .getGenericDataView()
                .getItems()
                .filter(c -> c.platform() == untested)
                .findFirst()
                .orElseThrow();
        assertThat(shown.claim().level()).isEqualTo(CompatibilityLevel.LOW);
        assertThat(shown.claim().limitations()).isEqualTo("<script>alert(1)</script>");
        var newest = _get(ModelView.class)
                .history
                .getGenericDataView()
                .getItems()
                .findFirst()
                .orElseThrow();
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
        int version =
                claims.find("bert-base-uncased", Platform.CPU).orElseThrow().version();

        editor.evidenceRun.setValue("not a link with spaces");
        editor.batchSize.setValue(0);
        editor.save.click();

        assertThat(editor.evidenceRun.isInvalid()).isTrue();
        assertThat(editor.batchSize.isInvalid()).isTrue();
        assertThat(editor.batchSize.getErrorMessage()).contains("positive");
        assertThat(editor.isOpened()).isTrue();
        assertThat(claims.find("bert-base-uncased", Platform.CPU).orElseThrow().version())
                .isEqualTo(version);
    }

    @Test
    void a_second_session_saving_the_same_claim_sees_the_conflict_and_keeps_its_input() {
        login("alice", Roles.EDITOR);
        UI.getCurrent().navigate("models/gpt2");
        _get(ModelView.class).openEditor(Platform.ROCM);
        ClaimEditor bobsForm = _get(ClaimEditor.class);
        var loaded = claims.find("gpt2", Platform.ROCM).orElseThrow();
        claims.update(
                loaded,
                new dev.compatmatrix.matrix.ClaimData(
                        CompatibilityLevel.UNSUPPORTED,
                        "Kernel crash",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false),
                new dev.compatmatrix.matrix.ChangeNote("Crashes on load", "ROCm 6.3"));

        bobsForm.workarounds.setValue("Bob's workaround");
        bobsForm.save.click();

        assertThat(bobsForm.isOpened()).isTrue();
        assertThat(bobsForm.conflict.isVisible()).isTrue();
        assertThat(bobsForm.conflict.getText()).contains("alice", "unsupported");
        assertThat(bobsForm.workarounds.getValue()).isEqualTo("Bob's workaround");
        assertThat(claims.find("gpt2", Platform.ROCM).orElseThrow().data().workarounds())
                .isNull();
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
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(
                        _get(ModelView.class).claims, 0, "edit"))
                .isInstanceOfSatisfying(
                        Button.class, b -> assertThat(b.getText()).isEqualTo("Edit"));
    }

    @Test
    void after_a_conflict_a_second_save_does_not_overwrite_the_other_persons_unseen_change() {
        Claim claim = untouchedClaim(0);
        ClaimEditor alicesForm = conflictOverBobsWorkaround(claim);
        assertThat(alicesForm.conflict.getText()).contains("bob", "workarounds");
        assertThat(alicesForm.workarounds.getValue())
                .as("the form shows Bob's text now")
                .isEqualTo("Bob's workaround");
        alicesForm.save.click();

        ClaimData saved =
                claims.find(claim.modelName(), claim.platform()).orElseThrow().data();
        assertThat(saved.workarounds()).isEqualTo("Bob's workaround");
        assertThat(saved.performanceNotes()).isEqualTo("Alice: 41 tokens/s");
    }

    @Test
    void after_a_conflict_the_form_shows_theirs_beside_mine_and_saves_what_was_chosen_per_field() {
        Claim claim = untouchedClaim(1);
        ClaimEditor alicesForm = openAs("alice", claim);
        asBob(() -> claims.update(
                claim,
                with(with(claim.data(), "Bob's workaround", "Bob: 30 tokens/s"), "Bob's limitation"),
                ChangeNote.NONE));

        alicesForm.limitations.setValue("Alice's limitation");
        alicesForm.performanceNotes.setValue("Alice: 41 tokens/s");
        alicesForm.save.click();

        var rows = alicesForm.conflictPanel.rows;
        assertThat(rows)
                .extracting(r -> r.field().key())
                .containsExactly("limitations", "workarounds", "performanceNotes");
        assertThat(text("conflict-theirs-limitations")).isEqualTo("Bob's limitation");
        assertThat(text("conflict-mine-limitations")).isEqualTo("Alice's limitation");
        assertThat(text("conflict-theirs-workarounds")).isEqualTo("Bob's workaround");
        assertThat(text("conflict-mine-workarounds")).isEqualTo("(empty)");
        assertThat(choice(rows, "workarounds").getValue())
                .as("only Bob changed it: his text is taken")
                .isEqualTo(ClaimConflictPanel.Choice.THEIRS);
        assertThat(choice(rows, "limitations").getValue())
                .as("both changed it: the user chooses")
                .isNull();

        alicesForm.save.click();
        assertThat(choice(rows, "limitations").isInvalid())
                .as("no save before every choice is made")
                .isTrue();
        assertThat(claims.find(claim.modelName(), claim.platform())
                        .orElseThrow()
                        .data()
                        .limitations())
                .isEqualTo("Bob's limitation");

        choice(rows, "limitations").setValue(ClaimConflictPanel.Choice.THEIRS);
        assertThat(alicesForm.limitations.getValue()).isEqualTo("Bob's limitation");
        choice(rows, "performanceNotes").setValue(ClaimConflictPanel.Choice.MINE);
        alicesForm.save.click();

        assertThat(alicesForm.isOpened()).isFalse();
        ClaimData saved =
                claims.find(claim.modelName(), claim.platform()).orElseThrow().data();
        assertThat(saved.limitations()).isEqualTo("Bob's limitation");
        assertThat(saved.workarounds()).isEqualTo("Bob's workaround");
        assertThat(saved.performanceNotes()).isEqualTo("Alice: 41 tokens/s");
    }

    @Test
    void a_third_save_while_the_conflict_is_shown_is_a_new_conflict() {
        Claim claim = untouchedClaim(2);
        ClaimEditor alicesForm = conflictOverBobsWorkaround(claim);
        assertThat(alicesForm.conflictPanel.isVisible()).isTrue();

        asBob(() -> {
            Claim shown = claims.find(claim.modelName(), claim.platform()).orElseThrow();
            claims.update(
                    shown,
                    with(shown.data(), "Bob's second workaround", shown.data().performanceNotes()),
                    ChangeNote.NONE);
        });
        alicesForm.save.click();

        assertThat(alicesForm.isOpened()).isTrue();
        assertThat(alicesForm.conflict.getText()).contains("bob");
        assertThat(text("conflict-theirs-workarounds")).isEqualTo("Bob's second workaround");
        assertThat(text("conflict-mine-workarounds")).isEqualTo("Bob's workaround");
        ClaimData stored =
                claims.find(claim.modelName(), claim.platform()).orElseThrow().data();
        assertThat(stored.workarounds()).isEqualTo("Bob's second workaround");
        assertThat(stored.performanceNotes()).isEqualTo(claim.data().performanceNotes());

        alicesForm.save.click();
        stored = claims.find(claim.modelName(), claim.platform()).orElseThrow().data();
        assertThat(stored.workarounds()).isEqualTo("Bob's second workaround");
        assertThat(stored.performanceNotes()).isEqualTo("Alice: 41 tokens/s");
    }

    @Test
    void loading_theirs_after_a_conflict_discards_the_users_input() {
        Claim claim = untouchedClaim(7);
        ClaimEditor alicesForm = conflictOverBobsWorkaround(claim);

        alicesForm.conflictPanel.loadTheirs.click();
        assertThat(alicesForm.conflictPanel.isVisible()).isFalse();
        assertThat(alicesForm.workarounds.getValue()).isEqualTo("Bob's workaround");
        assertThat(alicesForm.performanceNotes.getValue())
                .isEqualTo(
                        claim.data().performanceNotes() == null
                                ? ""
                                : claim.data().performanceNotes());
    }

    @Test
    void all_errors_show_at_once_on_the_first_save() {
        Claim claim = untouchedClaim(3);
        ClaimEditor form = openAs("editor", claim);
        form.level.setValue(
                claim.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.HIGH : CompatibilityLevel.LOW);
        form.evidenceRun.setValue("not a link with spaces");
        form.batchSize.setValue(0);
        form.save.click();

        assertThat(form.evidenceRun.isInvalid()).isTrue();
        assertThat(form.batchSize.isInvalid()).isTrue();
        assertThat(form.reason.isInvalid()).as("reason shown in the same round").isTrue();
        assertThat(form.reason.getErrorMessage()).contains("reason");
        assertThat(form.version.isInvalid())
                .as("version shown in the same round")
                .isTrue();
        assertThat(claims.find(claim.modelName(), claim.platform()).orElseThrow())
                .isEqualTo(claim);
    }

    @Test
    void text_over_two_thousand_characters_shows_a_counter_and_is_refused_not_cut() {
        Claim claim = untouchedClaim(4);
        ClaimEditor form = openAs("editor", claim);
        form.limitations.setValue("x".repeat(2001));

        assertThat(form.limitations.getHelperText()).contains("2,001 / 2,000");
        assertThat(form.limitations.isInvalid()).isTrue();
        assertThat(form.limitations.getErrorMessage()).contains("2,000");
        assertThat(form.limitations.getElement().hasProperty("maxlength"))
                .as("the browser must not cut the text silently")
                .isFalse();
        form.save.click();
        assertThat(form.isOpened()).isTrue();
        assertThat(claims.find(claim.modelName(), claim.platform()).orElseThrow())
                .isEqualTo(claim);

        form.limitations.setValue("x".repeat(2000));
        assertThat(form.limitations.getHelperText()).contains("2,000 / 2,000");
        assertThat(form.limitations.isInvalid()).isFalse();
    }

    @Test
    void the_form_refuses_each_field_in_the_words_the_service_takes_from_claim_data() {
        Claim claim = untouchedClaim(8);
        ClaimEditor form = openAs("editor", claim);
        String workarounds = "w".repeat(ClaimData.TEXT_MAX + 1);
        String run = "r".repeat(ClaimData.SHORT_MAX + 1);
        String version = "v".repeat(ClaimData.VERSION_MAX + 1);
        String device = "d".repeat(ClaimData.VERSION_MAX + 5);
        form.workarounds.setValue(workarounds);
        form.evidenceRun.setValue(run);
        form.frameworkVersion.setValue(version);
        form.device.setValue(device);
        form.batchSize.setValue(0);
        form.save.click();

        var refused = new ClaimData(
                claim.data().level(),
                claim.data().limitations(),
                workarounds,
                claim.data().performanceNotes(),
                run,
                version,
                device,
                0,
                claim.data().precision(),
                false);
        var service = org.assertj.core.api.Assertions.catchThrowableOfType(
                        dev.compatmatrix.matrix.InvalidChangeException.class,
                        () -> claims.update(claim, refused, ChangeNote.NONE))
                .fieldErrors();
        assertThat(java.util.Map.of(
                        "workarounds",
                        form.workarounds.getErrorMessage(),
                        "evidenceRun",
                        form.evidenceRun.getErrorMessage(),
                        "frameworkVersion",
                        form.frameworkVersion.getErrorMessage(),
                        "device",
                        form.device.getErrorMessage(),
                        "batchSize",
                        form.batchSize.getErrorMessage()))
                .isEqualTo(service)
                .containsEntry("device", "At most 120 characters (this has 125): shorten it")
                .containsEntry("batchSize", "A batch size is a positive number");
        assertThat(claims.find(claim.modelName(), claim.platform()).orElseThrow())
                .isEqualTo(claim);
    }

    @Test
    void remove_claim_asks_for_the_reason_in_one_dialog_and_cancel_leaves_the_claim() {
        Claim claim = untouchedClaim(5);
        ClaimEditor form = openAs("editor", claim);
        form.remove.click();
        assertThat(claims.find(claim.modelName(), claim.platform()))
                .as("nothing removed yet")
                .contains(claim);

        _get(Button.class, spec -> spec.withId("remove-confirm")).click();
        TextArea reason = _get(TextArea.class, spec -> spec.withId("remove-reason"));
        assertThat(reason.isInvalid()).as("the reason is required").isTrue();
        assertThat(claims.find(claim.modelName(), claim.platform())).contains(claim);

        reason.setValue("Wrong platform");
        _get(Button.class, spec -> spec.withId("remove-cancel")).click();
        assertThat(_find(TextArea.class, spec -> spec.withId("remove-reason"))).isEmpty();
        assertThat(form.isOpened()).isTrue();
        assertThat(claims.find(claim.modelName(), claim.platform())).contains(claim);
    }

    @Test
    void confirming_the_removal_with_a_reason_removes_the_claim_and_records_the_reason() {
        Claim claim = untouchedClaim(6);
        ClaimEditor form = openAs("editor", claim);
        form.remove.click();
        _get(TextArea.class, spec -> spec.withId("remove-reason")).setValue("Measured on the wrong board");
        _get(Button.class, spec -> spec.withId("remove-confirm")).click();

        assertThat(form.isOpened()).isFalse();
        assertThat(claims.find(claim.modelName(), claim.platform())).isEmpty();
        assertThat(jdbc.sql("""
                SELECT change_reason FROM compatibility_history
                WHERE model_id = :model AND hardware_type = :platform ORDER BY id DESC LIMIT 1""")
                        .param("model", claim.modelId())
                        .param("platform", claim.platform().key())
                        .query(String.class)
                        .single())
                .isEqualTo("Measured on the wrong board");
    }

    /** A claim nobody has edited yet (newest first, skipping {@code skip}), so the tests do not share one. */
    private Claim untouchedClaim(int skip) {
        TestUsers.signIn("setup", Roles.EDITOR);
        return jdbc.sql("""
                SELECT m.model_name, d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE d.updated_by IS NULL AND d.workarounds IS NULL AND NOT d.simulated
                ORDER BY d.id DESC LIMIT 1 OFFSET :skip""")
                .param("skip", skip)
                .query((rs, n) -> claims.find(
                                rs.getString(1),
                                Platform.fromKey(rs.getString(2)).orElseThrow())
                        .orElseThrow())
                .single();
    }

    private ClaimEditor openAs(String user, Claim claim) {
        login(user, Roles.EDITOR);
        UI.getCurrent().navigate("models/" + claim.modelName());
        _get(ModelView.class).openEditor(claim.platform());
        return _get(ClaimEditor.class);
    }

    /** Alice opens the claim, Bob saves a workaround, Alice saves her performance notes: a conflict. */
    private ClaimEditor conflictOverBobsWorkaround(Claim claim) {
        ClaimEditor alicesForm = openAs("alice", claim);
        asBob(() -> claims.update(
                claim, with(claim.data(), "Bob's workaround", claim.data().performanceNotes()), ChangeNote.NONE));
        alicesForm.performanceNotes.setValue("Alice: 41 tokens/s");
        alicesForm.save.click();
        return alicesForm;
    }

    /** Runs a change as a second editor, "bob", in another session, then returns to the form's user. */
    private void asBob(Runnable change) {
        var formUser = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn("bob", Roles.EDITOR);
        try {
            change.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(formUser);
        }
    }

    private static String text(String id) {
        return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId(id))
                .getText();
    }

    private static com.vaadin.flow.component.radiobutton.RadioButtonGroup<ClaimConflictPanel.Choice> choice(
            java.util.List<ClaimConflictPanel.Row> rows, String key) {
        return rows.stream()
                .filter(r -> r.field().key().equals(key))
                .findFirst()
                .orElseThrow()
                .choice();
    }

    private static ClaimData with(ClaimData data, String limitations) {
        return new ClaimData(
                data.level(),
                limitations,
                data.workarounds(),
                data.performanceNotes(),
                data.evidenceRun(),
                data.frameworkVersion(),
                data.device(),
                data.batchSize(),
                data.precision(),
                data.simulated());
    }

    private static ClaimData with(ClaimData data, String workarounds, String performanceNotes) {
        return new ClaimData(
                data.level(),
                data.limitations(),
                workarounds,
                performanceNotes,
                data.evidenceRun(),
                data.frameworkVersion(),
                data.device(),
                data.batchSize(),
                data.precision(),
                data.simulated());
    }
}
