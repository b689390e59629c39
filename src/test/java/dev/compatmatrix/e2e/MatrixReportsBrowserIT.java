package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.PostgresTestServer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Users' open reports on the matrix as a person sees them: under a claim they contradict, "⚑ 2 reports contradict"
 * in words with its assistive text; under an untested cell, "community: works for 2", the cell still "Not tested".
 * The reports are stored while the app is stopped (reporting from the page is another part of the issue).
 */
class MatrixReportsBrowserIT {

    private static final String PLATFORMS =
            "(SELECT unnest(string_to_array('cpu,cuda,rocm,mps,openvino,qualcomm,webnn,webgpu',"
                    + " ',')) AS hardware_type)";

    /** Two reporters on every cell of the first three models by name: "fails" on a claim, "works" on an untested one. */
    static List<String> reportsOnTheFirstModels() {
        String now = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return List.of(
                "INSERT INTO cell_reports (id, model_id, hardware_type, reporter, outcome, comment, state,"
                        + " created_at, updated_at, row_version)"
                        + " SELECT nextval('cell_reports_seq'), m.model_id, p.hardware_type, 'browser-' || r.n,"
                        + " CASE WHEN d.id IS NULL THEN 'WORKS' ELSE 'FAILS' END, '<b>it fails</b>', 'OPEN', TIMESTAMP '"
                        + now
                        + "', TIMESTAMP '" + now + "', 1"
                        + " FROM (SELECT model_id FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 3) m"
                        + " CROSS JOIN " + PLATFORMS
                        + " p CROSS JOIN (SELECT unnest(string_to_array('1,2', ',')) AS n) r"
                        + " JOIN cross_platform_compatibility c ON c.model_id = m.model_id"
                        + " LEFT JOIN compatibility_details d ON d.compatibility_id = c.id AND d.hardware_type = p.hardware_type");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void a_viewer_sees_how_many_open_reports_contradict_a_cell_and_the_community_evidence_on_an_untested_one() {
        Assumptions.assumeFalse(
                PostgresTestServer.requested(), "the reports are stored into the stopped app's DuckDB file");
        TestApp.inBrowserWithRowsChanged("MatrixReportsBrowserIT", reportsOnTheFirstModels(), browser -> {
            browser.signIn("viewer");
            browser.open("/");
            List<Map<String, String>> rows = browser.gridRowsWhen(
                    "matrix-grid", r -> !r.isEmpty() && r.getFirst().toString().contains("⚑"));
            String firstRow = rows.getFirst().toString();
            assertThat(firstRow).contains("⚑ 2 reports contradict");
            WebElement counter = browser.find(By.cssSelector("#matrix-grid .cell-reports"));
            assertThat(counter.getAttribute("aria-label")).contains("Reports are not claims");
            assertThat(browser.byId("matrix-legend").getText()).contains("⚑ n reports contradict");
            boolean anyUntested =
                    rows.stream().limit(3).anyMatch(r -> r.toString().contains("Not tested"));
            if (anyUntested) {
                assertThat(rows.stream().limit(3).map(Map::toString).toList().toString())
                        .contains("community: works for 2");
            }
            browser.screenshot("fb-seen-matrix-reports");
            browser.resize(390, 844);
            browser.until(d -> (Boolean) browser.js(
                    "return [...document.querySelectorAll('#matrix-grid .matrix-card .cell-reports')].length > 0"));
            browser.screenshot("fb-seen-matrix-reports-phone");
        });
    }
}
