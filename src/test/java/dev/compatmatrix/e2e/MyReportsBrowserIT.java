package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.PostgresTestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/** A viewer opens "My reports" from the menu and reads what became of each of their reports, typed text as text. */
@BrowserTest
class MyReportsBrowserIT {

    private static String report(String platform, String outcome, String comment, String state, String closing) {
        return """
                INSERT INTO cell_reports (model_id, hardware_type, reporter, outcome, comment, state, created_at,
                    updated_at, closed_at, closed_by, close_reason, duplicate_of, accepted_claim_id, row_version)
                SELECT model_id, '%s', 'viewer', '%s', %s, '%s', TIMESTAMP '2026-11-30 09:00:00',
                    TIMESTAMP '2026-12-01 10:00:00', %s, 1
                FROM models WHERE model_name = 'bert-base-uncased'""".formatted(platform, outcome, comment, state, closing);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // two start-ups of its own application on a busy machine
    void a_viewer_reads_the_outcome_of_each_report_in_words() {
        Assumptions.assumeFalse(
                PostgresTestServer.requested(), "the reports are stored into the stopped app's DuckDB file");
        String open = "NULL, NULL, NULL, NULL, NULL";
        TestApp.inBrowserWithRowsChanged(
                "MyReportsBrowserIT",
                List.of(
                        report("cuda", "WORKS", "NULL", "OPEN", open),
                        report(
                                "rocm",
                                "FAILS",
                                "'Segfault in attention'",
                                "ACCEPTED",
                                "TIMESTAMP '2026-12-02 08:00:00', 'editor', NULL, NULL, 1"),
                        report(
                                "mps",
                                "PARTLY",
                                "'fp16 only'",
                                "DECLINED",
                                "TIMESTAMP '2026-12-02 08:00:00', 'validator1', '<b>Not reproducible</b> on macOS 15.2', NULL, NULL"),
                        report(
                                "cpu",
                                "FAILS",
                                "'Out of memory'",
                                "DUPLICATE",
                                "TIMESTAMP '2026-12-02 08:00:00', 'validator1', NULL, 1, NULL")),
                browser -> {
                    browser.signIn("viewer");
                    browser.until(
                                    d -> d
                                            .findElements(
                                                    By.xpath("//vaadin-side-nav-item[normalize-space()='My reports']"))
                                            .stream()
                                            .findFirst()
                                            .orElse(null))
                            .click();
                    browser.until(d -> browser.path().equals("/my-reports"));
                    List<Map<String, String>> rows = browser.gridRowsWhen("my-reports-grid", r -> r.size() == 4);

                    assertThat(rows)
                            .extracting(r -> r.get("Outcome"))
                            .containsExactlyInAnyOrder(
                                    "Open — waiting for an editor or a validator",
                                    "Accepted — the claim was changed",
                                    "Declined: <b>Not reproducible</b> on macOS 15.2",
                                    "Duplicate of #1");
                    assertThat(rows).extracting(r -> r.get("Cell")).contains("bert-base-uncased on Apple MPS");
                    assertThat(browser.find(By.id("my-reports-grid")).findElements(By.tagName("b")))
                            .isEmpty();
                    browser.screenshot("my-reports");
                });
    }
}
