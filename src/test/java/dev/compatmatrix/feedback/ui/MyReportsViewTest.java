package dev.compatmatrix.feedback.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.feedback.repository.CellReportRepository;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My reports": the caller's reports, each state's outcome in words, linking to the model page's Reports tab. */
class MyReportsViewTest extends WritingKaribuTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    FeedbackService feedback;

    @Autowired
    CellReportRepository reports;

    @Autowired
    JdbcClient jdbc;

    private String aModel(int n) {
        return jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 1 OFFSET :n")
                .param("n", n)
                .query(String.class)
                .single();
    }

    private static ReportDraft says(ReportOutcome outcome, String comment) {
        return new ReportDraft(outcome, null, null, null, null, null, null, comment, null);
    }

    @Test
    void a_viewer_sees_each_of_their_reports_outcome_in_words_and_links_to_the_models_reports() {
        String model = aModel(20);
        login("other-reporter", Roles.VIEWER);
        CellReport original = feedback.report(model, Platform.OPENVINO, says(ReportOutcome.FAILS, "Driver crash"));
        CellReport notMine = feedback.report(model, Platform.CPU, says(ReportOutcome.WORKS, null));

        login("my-reports-viewer", Roles.VIEWER);
        CellReport open = feedback.report(model, Platform.CUDA, says(ReportOutcome.WORKS, null));
        CellReport declined = feedback.report(model, Platform.MPS, says(ReportOutcome.FAILS, "<b>crash</b>"));
        CellReport duplicate = feedback.report(model, Platform.OPENVINO, says(ReportOutcome.FAILS, "Driver crash too"));
        CellReport accepted = feedback.report(model, Platform.ROCM, says(ReportOutcome.PARTLY, "fp16 only"));
        login("my-reports-validator", Roles.VALIDATOR);
        feedback.decline(declined, "Not reproducible on <i>macOS 15.2</i>");
        feedback.markDuplicate(duplicate, original.id());
        // Accepting belongs to the claim form (ClaimService.saveFromReport); closing it as that does is enough here.
        reports.close(
                accepted.id(),
                accepted.rowVersion(),
                ReportState.ACCEPTED,
                "my-reports-validator",
                null,
                null,
                42L,
                LocalDateTime.now());

        login("my-reports-viewer", Roles.VIEWER);
        UI.getCurrent().navigate("my-reports");
        MyReportsView view = _get(MyReportsView.class);
        List<CellReport> rows = GridKt._fetch(view.grid, 0, 50);
        Map<Long, String> outcomes = rows.stream()
                .collect(Collectors.toMap(
                        CellReport::id, r -> GridKt._getFormatted(view.grid.getColumnByKey("outcome"), r)));

        assertThat(outcomes)
                .containsOnlyKeys(open.id(), declined.id(), duplicate.id(), accepted.id())
                .doesNotContainKey(notMine.id())
                .containsEntry(open.id(), "Open — waiting for an editor or a validator")
                .containsEntry(accepted.id(), "Accepted — the claim was changed")
                .containsEntry(declined.id(), "Declined: Not reproducible on <i>macOS 15.2</i>")
                .containsEntry(duplicate.id(), "Duplicate of #" + original.id());
        int row = rows.indexOf(
                rows.stream().filter(r -> r.id() == declined.id()).findFirst().orElseThrow());
        Anchor cell = (Anchor) GridKt._getCellComponent(view.grid, row, "cell");
        assertThat(cell.getHref()).isEqualTo("models/" + model + "/reports");
        assertThat(cell.getText()).isEqualTo(model + " on " + Platform.MPS.label());
        assertThat(GridKt._getFormatted(view.grid.getColumnByKey("said"), rows.get(row)))
                .isEqualTo("Fails for me");
    }

    @Test
    void someone_who_never_reported_sees_how_to_report() {
        login("my-reports-nobody", Roles.EDITOR);
        UI.getCurrent().navigate("my-reports");
        MyReportsView view = _get(MyReportsView.class);
        assertThat(GridKt._fetch(view.grid, 0, 10)).isEmpty();
        assertThat(view.grid.getEmptyStateText()).contains("Report on a platform…");
    }

    @Test
    void the_menu_lists_my_reports_after_watching_for_every_signed_in_role() {
        for (String role : Roles.ALL) {
            login("my-reports-menu-" + role.toLowerCase(java.util.Locale.ROOT), role);
            UI.getCurrent().navigate("my-reports");
            _get(MyReportsView.class);
            List<String> labels = _get(SideNav.class).getItems().stream()
                    .map(SideNavItem::getLabel)
                    .toList();
            assertThat(labels.indexOf("My reports")).as(role).isPositive().isEqualTo(labels.indexOf("Watching") + 1);
        }
    }
}
