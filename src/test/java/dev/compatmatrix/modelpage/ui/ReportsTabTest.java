package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ui.ClaimEditor;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.feedback.ui.ReportDialog;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The model page's Reports tab: a viewer reports (a second report updates the first); editors and validators triage. */
class ReportsTabTest extends WritingKaribuTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackService feedback;

    String modelName;

    /** Each test its own model (the writing tests share a database): the n-th from the 20th on. */
    void useModel(int n) {
        modelName = jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 1"
                        + " OFFSET :n")
                .param("n", 20 + n)
                .query(String.class)
                .single();
    }

    private ReportsTab open(String user, String role) {
        login(user, role);
        UI.getCurrent().navigate("models/" + modelName, QueryParameters.of("tab", "reports"));
        ModelView page = _get(ModelView.class);
        assertThat(page.tabs.getSelectedTab()).as("?tab=reports opens the tab").isSameAs(page.reports.tab());
        return page.reports;
    }

    private static List<CellReport> rows(ReportsTab tab) {
        return GridKt._fetch(tab.grid, 0, 100);
    }

    private CellReport reportAs(String user, String role, ReportOutcome outcome, String comment) {
        login(user, role);
        return feedback.report(
                modelName,
                Platform.ROCM,
                new ReportDraft(outcome, "PyTorch", "2.5.1", "ROCm 6.2", "MI300X", Precision.FP16, 8, comment, null));
    }

    @Test
    void a_viewer_reports_on_a_platform_and_a_second_report_updates_the_first() {
        useModel(0);
        ReportsTab tab = open("reports-viewer", Roles.VIEWER);
        assertThat(tab.tab().getLabel()).isEqualTo("Reports (0 open)");
        _click(tab.report);
        var dialog = tab.reportDialog;
        fill(dialog, Platform.ROCM, ReportOutcome.FAILS, "");
        _click(dialog.save);
        assertThat(dialog.comment.isInvalid()).as("a failure needs a comment").isTrue();
        assertThat(rows(tab)).isEmpty();

        fill(dialog, Platform.ROCM, ReportOutcome.FAILS, "<b>Segfault</b> in the attention kernel");
        dialog.link.setValue("https://github.com/org/repo/issues/12");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        List<CellReport> shown = rows(tab);
        assertThat(shown).hasSize(1);
        assertThat(tab.tab().getLabel()).isEqualTo("Reports (1 open)");
        assertThat(GridKt._getFormatted(tab.grid, 0, "comment")).isEqualTo("<b>Segfault</b> in the attention kernel");
        assertThat(GridKt._getFormatted(tab.grid, 0, "environment"))
                .isEqualTo("PyTorch 2.5.1 · ROCm 6.2 · MI300X · fp16 · batch 8");
        assertThat(GridKt._getCellComponent(tab.grid, 0, "link").getElement().getAttribute("rel"))
                .contains("nofollow")
                .contains("noopener");
        assertThat(tab.grid.getColumnByKey("triage"))
                .as("a viewer triages nothing")
                .isNull();

        _click(tab.report);
        dialog = tab.reportDialog;
        dialog.platform.setValue(Platform.ROCM);
        assertThat(dialog.comment.getValue())
                .as("the open report is loaded")
                .isEqualTo("<b>Segfault</b> in the attention kernel");
        assertThat(dialog.updating.isVisible()).isTrue();
        dialog.outcome.setValue(ReportOutcome.PARTLY);
        dialog.comment.setValue("Runs with batch size 1 only");
        _click(dialog.save);

        List<CellReport> after = rows(tab);
        assertThat(after).hasSize(1);
        assertThat(after.getFirst().id()).isEqualTo(shown.getFirst().id());
        assertThat(after.getFirst().draft().outcome()).isEqualTo(ReportOutcome.PARTLY);
        assertThat(after.getFirst().draft().comment()).isEqualTo("Runs with batch size 1 only");
    }

    @Test
    void declining_needs_a_reason_and_closes_the_report_with_it() {
        useModel(1);
        CellReport report = reportAs("decline-reporter", Roles.VIEWER, ReportOutcome.FAILS, "Crashes at load");
        ReportsTab tab = open("decline-editor", Roles.EDITOR);
        _click(triageButton(tab, "decline-", report.id()));
        _click(_get(tab.triageDialog, Button.class, spec -> spec.withId("decline-confirm")));
        TextArea reason = _get(tab.triageDialog, TextArea.class, spec -> spec.withId("decline-reason"));
        assertThat(reason.isInvalid()).as("a decline needs a reason").isTrue();
        assertThat(feedback.modelReports(modelName))
                .filteredOn(r -> r.id() == report.id())
                .extracting(CellReport::state)
                .containsExactly(ReportState.OPEN);

        reason.setValue("Fixed in driver 6.3: update the driver");
        _click(_get(tab.triageDialog, Button.class, spec -> spec.withId("decline-confirm")));
        CellReport declined = rows(tab).stream()
                .filter(r -> r.id() == report.id())
                .findFirst()
                .orElseThrow();
        assertThat(declined.state()).isEqualTo(ReportState.DECLINED);
        assertThat(declined.closeReason()).isEqualTo("Fixed in driver 6.3: update the driver");
        assertThat(GridKt._getFormatted(tab.grid, rowOf(tab, report.id()), "state"))
                .isEqualTo("Declined by decline-editor: Fixed in driver 6.3: update the driver");
    }

    @Test
    void a_validator_marks_a_report_a_duplicate_of_another_on_the_same_cell() {
        useModel(2);
        CellReport first = reportAs("dup-reporter-1", Roles.VIEWER, ReportOutcome.FAILS, "OOM at batch 8");
        CellReport second = reportAs("dup-reporter-2", Roles.EDITOR, ReportOutcome.FAILS, "Out of memory");
        ReportsTab tab = open("dup-validator", Roles.VALIDATOR);
        _click(triageButton(tab, "duplicate-", second.id()));
        @SuppressWarnings("unchecked")
        var original = (com.vaadin.flow.component.select.Select<CellReport>) _get(
                tab.triageDialog, com.vaadin.flow.component.select.Select.class, spec -> spec.withId("duplicate-of"));
        original.setValue(
                rows(tab).stream().filter(r -> r.id() == first.id()).findFirst().orElseThrow());
        _click(_get(tab.triageDialog, Button.class, spec -> spec.withId("duplicate-confirm")));

        assertThat(GridKt._getFormatted(tab.grid, rowOf(tab, second.id()), "state"))
                .isEqualTo("Duplicate of #" + first.id());
        assertThat(tab.tab().getLabel()).isEqualTo("Reports (1 open)");
    }

    @Test
    void an_editor_accepts_a_fails_report_on_a_high_claim_from_the_prefilled_claim_form() {
        modelName = jdbc.sql("""
                        SELECT m.model_name FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                        WHERE d.compatibility_level = 'high' AND d.hardware_type = 'rocm' AND d.updated_by IS NULL
                          AND m.deleted_at IS NULL
                        ORDER BY d.id DESC LIMIT 1 OFFSET 5""").query(String.class).single();
        login("accept-reporter", Roles.VIEWER);
        CellReport report = feedback.report(
                modelName,
                Platform.ROCM,
                new ReportDraft(
                        ReportOutcome.FAILS,
                        "PyTorch",
                        "2.5.1",
                        "ROCm 6.2",
                        "MI300X",
                        Precision.FP16,
                        8,
                        "Segfault at load",
                        "https://github.com/org/repo/issues/12"));
        ReportsTab tab = open("accept-editor", Roles.EDITOR);
        _click(triageButton(tab, "accept-", report.id()));

        ClaimEditor form = _get(ClaimEditor.class);
        assertThat(form.getHeaderTitle())
                .isEqualTo("Edit claim from report #" + report.id() + ": " + modelName + " on ROCm");
        assertThat(_get(form, Select.class, spec -> spec.withLabel("Level")).getValue())
                .isEqualTo(CompatibilityLevel.UNSUPPORTED);
        assertThat(field(form, "Framework / runtime / driver version")).isEqualTo("PyTorch 2.5.1 · ROCm 6.2");
        assertThat(field(form, "Device")).isEqualTo("MI300X");
        assertThat(field(form, "Test run (id or link)")).isEqualTo("https://github.com/org/repo/issues/12");
        assertThat(_get(form, IntegerField.class, spec -> spec.withLabel("Batch size"))
                        .getValue())
                .isEqualTo(8);
        assertThat(_get(form, Select.class, spec -> spec.withLabel("Precision")).getValue())
                .isEqualTo(Precision.FP16);
        assertThat(_get(form, TextArea.class, spec -> spec.withLabel("Reason for the change"))
                        .getValue())
                .isEqualTo("From report #" + report.id() + ": Segfault at load");
        _click(_get(form, Button.class, spec -> spec.withId("claim-save")));

        CellReport accepted = rows(tab).stream()
                .filter(r -> r.id() == report.id())
                .findFirst()
                .orElseThrow();
        assertThat(accepted.state()).as("no longer open").isEqualTo(ReportState.ACCEPTED);
        assertThat(accepted.acceptedClaimId()).isNotNull();
        assertThat(tab.tab().getLabel()).isEqualTo("Reports (0 open)");
        ModelView page = _get(ModelView.class);
        var newest = GridKt._fetch(page.history, 0, 1).getFirst();
        assertThat(newest.reportId()).isEqualTo(report.id());
        assertThat(newest.newStatus()).isEqualTo("unsupported");
        assertThat(GridKt._getFormatted(page.history, 0, "report")).isEqualTo("from report #" + report.id());
    }

    private static String field(ClaimEditor form, String label) {
        return _get(form, TextField.class, spec -> spec.withLabel(label)).getValue();
    }

    @Test
    void a_viewer_sees_no_triage_buttons_and_the_service_refuses_them() {
        useModel(3);
        CellReport report = reportAs("refused-reporter", Roles.VIEWER, ReportOutcome.FAILS, "Wrong output");
        ReportsTab tab = open("refused-viewer", Roles.VIEWER);
        assertThat(tab.grid.getColumnByKey("triage")).isNull();
        assertThat(rows(tab)).extracting(CellReport::id).contains(report.id());
        assertThatThrownBy(() -> feedback.decline(report, "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> feedback.markDuplicate(report, report.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(feedback.modelReports(modelName))
                .filteredOn(r -> r.id() == report.id())
                .extracting(CellReport::state)
                .containsExactly(ReportState.OPEN);
    }

    private static void fill(ReportDialog dialog, Platform platform, ReportOutcome outcome, String comment) {
        dialog.platform.setValue(platform);
        dialog.outcome.setValue(outcome);
        dialog.framework.setValue("PyTorch");
        dialog.frameworkVersion.setValue("2.5.1");
        dialog.driver.setValue("ROCm 6.2");
        dialog.device.setValue("MI300X");
        dialog.precision.setValue(Precision.FP16);
        dialog.batchSize.setValue(8);
        dialog.comment.setValue(comment);
    }

    /** A triage button of a report's row, as the grid renders it. */
    static Button triageButton(ReportsTab tab, String prefix, long id) {
        return _get(
                GridKt._getCellComponent(tab.grid, rowOf(tab, id), "triage"),
                Button.class,
                spec -> spec.withId(prefix + id));
    }

    private static int rowOf(ReportsTab tab, long id) {
        List<CellReport> rows = rows(tab);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("No row for report #" + id);
    }
}
