package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A viewer reports on a cell from the model page; an editor accepts it into the claim; the viewer sees the outcome. */
@BrowserTest
class ReportsBrowserIT {

    private static final String MODEL = "bert-base-uncased";

    @Test
    void a_viewer_reports_a_failure_and_an_editor_accepts_it_through_the_prefilled_claim_form(
            Browser viewer, Browser editor) {
        viewer.resize(1440, 1000);
        viewer.signIn("viewer");
        openReports(viewer);
        viewer.byId("report-open").click();
        viewer.awaitIdle();
        viewer.choose("Platform", "CUDA");
        viewer.find(By.xpath("//vaadin-radio-button[.//label[normalize-space()='Fails for me']]"))
                .click();
        viewer.fill("Framework", "PyTorch");
        viewer.fill("Framework version", "2.5.1");
        viewer.fill("Driver / runtime", "CUDA 12.6");
        viewer.fill("Device", "RTX 4090");
        viewer.fill("Comment", "<b>Segfault</b> when loading the tokenizer");
        viewer.fill("Link (optional)", "https://github.com/org/repo/issues/12");
        viewer.screenshot("fb-triage-report-dialog");
        viewer.byId("report-save").click();
        viewer.awaitIdle();
        List<Map<String, String>> reports = viewer.gridRowsWhen("reports-grid", r -> !r.isEmpty());
        assertThat(reports.getFirst().get("Comment")).isEqualTo("<b>Segfault</b> when loading the tokenizer");
        assertThat(reports.getFirst().get("State")).isEqualTo("Open");
        String id = reports.getFirst().get("Report").substring(1);

        editor.resize(1440, 1000);
        editor.signIn("editor");
        openReports(editor);
        assertThat(editor.find(By.id("reports-tab")).getText()).contains("open)");
        editor.gridRowsWhen("reports-grid", r -> !r.isEmpty());
        editor.screenshot("fb-triage-reports-tab");
        editor.click(editor.byId("accept-" + id));
        editor.find(By.id("claim-from-report"));
        editor.screenshot("fb-triage-claim-from-report");
        editor.byId("claim-save").click();
        editor.awaitIdle();
        assertThat(editor.gridRowsWhen(
                        "reports-grid",
                        r -> r.stream()
                                .anyMatch(row -> row.get("Report").equals("#" + id)
                                        && row.get("State").startsWith("Accepted"))))
                .isNotEmpty();
        editor.tab("History");
        assertThat(editor.gridRowsWhen("history-grid", r -> !r.isEmpty())
                        .getFirst()
                        .get("Report"))
                .isEqualTo("from report #" + id);
        editor.screenshot("fb-triage-history-from-report");

        openReports(viewer);
        assertThat(viewer.gridRowsWhen("reports-grid", r -> !r.isEmpty()).stream()
                        .filter(row -> row.get("Report").equals("#" + id))
                        .findFirst()
                        .orElseThrow()
                        .get("State"))
                .isEqualTo("Accepted by editor — the claim was changed");
    }

    /** From the matrix as a person gets there: search the model, open its row, then its "Reports" tab. */
    private static void openReports(Browser browser) {
        browser.open("/");
        browser.type(By.cssSelector("input[placeholder='Search name or family']"), MODEL);
        int row = browser
                .gridRowsWhen(
                        "matrix-grid",
                        r -> !r.isEmpty()
                                && r.stream().allMatch(m -> m.get("Model").contains(MODEL)))
                .stream()
                .map(r -> r.get("Model"))
                .toList()
                .indexOf(MODEL);
        browser.click(browser.gridCell("matrix-grid", row, "Model"));
        browser.until(d -> browser.path().startsWith("/models/" + MODEL));
        browser.tab("Reports");
    }
}
