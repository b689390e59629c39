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
 * "Show predictions" as a person uses it: signed in, the switch turned on from the matrix, an untested cell reads
 * "≈ likely High · 82 %" with its own label and a tooltip naming its reasons; turned off, it says "Not tested" again.
 * The app runs on a database where an adopted training run, stored while the app was stopped, predicts every untested
 * cell (the app offers no way to store one by hand; training itself is another part of the issue).
 */
class PredictedCellsBrowserIT {

    private static final String RUN = "Stored by PredictedCellsBrowserIT";
    private static final String PLATFORMS =
            "(SELECT unnest(string_to_array('cpu,cuda,rocm,mps,openvino,qualcomm,webnn,webgpu',"
                    + " ',')) AS hardware_type)";

    /** An adopted run beating the baseline everywhere, predicting High at 82 % for every untested cell. */
    static List<String> adoptedRunPredictingEveryUntestedCell() {
        String now = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String run = "(SELECT max(id) FROM prediction_runs WHERE message = '" + RUN + "')";
        return List.of(
                "INSERT INTO prediction_runs (id, started_at, finished_at, trigger_kind, requested_by, state, message,"
                        + " claims_used, models_used, folds, accuracy, baseline_accuracy, macro_f1, baseline_macro_f1,"
                        + " ece, baseline_ece, train_millis) VALUES (nextval('prediction_runs_seq'), TIMESTAMP '" + now
                        + "', TIMESTAMP '" + now + "', 'ADMIN', 'admin', 'ADOPTED', '" + RUN
                        + "', 300, 43, 5, 0.9, 0.6, 0.85, 0.4, 0.05, 0.2, 60000)",
                "INSERT INTO prediction_platform_metrics SELECT " + run + ", hardware_type, 40, 0.9, 0.6, 0.85, 0.4,"
                        + " 0.05, 0.2, '[[9,1,0,0],[1,8,1,0],[0,1,9,0],[0,0,1,9]]', true FROM " + PLATFORMS + " p",
                "DELETE FROM predictions",
                "INSERT INTO predictions SELECT " + run
                        + ", m.model_id, p.hardware_type, 'high', 0.82, 0.06, 0.06, 0.06,"
                        + " 0.99, '7 of 8 ' || m.model_family || ' models are High here' || chr(10)"
                        + " || 'its type is High on 5 other platforms' FROM models m CROSS JOIN " + PLATFORMS + " p"
                        + " WHERE m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM compatibility_details d"
                        + " JOIN cross_platform_compatibility c ON c.id = d.compatibility_id"
                        + " WHERE c.model_id = m.model_id AND d.hardware_type = p.hardware_type)");
    }

    /** What axe-core finds on the predicted cells and the predictions section (the rest is AccessibilityBrowserIT's). */
    private static List<String> predictionViolations(Browser browser) {
        return browser.axeViolations().stream()
                .filter(v -> String.valueOf(v.get("targets")).matches("(?s).*(level-predicted|predictions-).*"))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " " + v.get("targets"))
                .toList();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // two start-ups of its own application on a busy machine
    void turning_show_predictions_on_shows_a_likely_cell_with_its_label_and_reasons_and_off_shows_not_tested() {
        Assumptions.assumeFalse(PostgresTestServer.requested(), "the run is stored into the stopped app's DuckDB file");
        TestApp.inBrowserWithRowsChanged(
                "PredictedCellsBrowserIT", adoptedRunPredictingEveryUntestedCell(), browser -> {
                    browser.signIn("viewer");
                    browser.open("/");
                    List<Map<String, String>> rows = browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
                    int row = -1;
                    String platform = null;
                    for (int i = 0; i < rows.size() && row < 0; i++) {
                        for (Map.Entry<String, String> cell : rows.get(i).entrySet()) {
                            if (cell.getValue().equals("Not tested")) {
                                row = i;
                                platform = cell.getKey();
                                break;
                            }
                        }
                    }
                    assertThat(row).as("an untested cell on the first screen").isNotNegative();
                    String model = rows.get(row).get("Model");
                    assertThat(browser.byId("show-predictions").getAttribute("checked"))
                            .isNull();

                    browser.byId("show-predictions").click();
                    browser.awaitIdle();
                    browser.until(d -> browser.path().contains("predictions=on"));
                    int at = row;
                    String header = platform;
                    browser.gridRowsWhen(
                            "matrix-grid",
                            r -> r.size() > at
                                    && String.valueOf(r.get(at).get(header)).startsWith("≈"));
                    assertThat(browser.gridRows("matrix-grid").get(row).get("Model"))
                            .isEqualTo(model);
                    assertThat(browser.gridRows("matrix-grid").get(row).get(platform))
                            .isEqualTo("≈ likely High · 82 %");
                    WebElement predicted = browser.gridCell("matrix-grid", row, platform)
                            .findElement(By.cssSelector(".level-predicted"));
                    assertThat(predicted.getAttribute("aria-label"))
                            .isEqualTo("Prediction, not a claim: likely High, 82 %");
                    assertThat(predicted.getCssValue("font-style")).isEqualTo("italic");
                    assertThat(predicted.getCssValue("border-top-style")).isEqualTo("dotted");

                    assertThat(predictionViolations(browser))
                            .as("axe on the predicted cells")
                            .isEmpty();

                    browser.keys().moveToElement(predicted).perform();
                    String tooltip = browser.until(d -> (String) browser.js("""
                    const overlay = [...document.querySelectorAll('vaadin-tooltip-overlay, vaadin-tooltip')]
                        .find(o => o.opened || o.hasAttribute('opened'));
                    const text = overlay && overlay.textContent.trim();
                    return text ? text : null;"""));
                    assertThat(tooltip)
                            .contains("Prediction, not a claim: likely High, 82 %")
                            .contains("Strongest reasons")
                            .contains("models are High here");
                    browser.screenshot("display-matrix-predictions-tooltip");

                    browser.keys().moveToElement(browser.byId("row-count")).perform();
                    browser.resize(390, 844);
                    browser.until(
                            d -> (Boolean)
                                    browser.js(
                                            "return [...document.querySelectorAll('#matrix-grid .matrix-card .level-predicted')].length > 0"));
                    assertThat((String) browser.js(
                                    "return document.querySelector('#matrix-grid .matrix-card .level-predicted')"
                                            + ".getAttribute('aria-label')"))
                            .isEqualTo("Prediction, not a claim: likely High, 82 %");
                    browser.screenshot("display-matrix-predictions-phone");
                    browser.resize(1400, 900);
                    browser.awaitIdle();
                    browser.byId("show-predictions").click();
                    browser.awaitIdle();
                    browser.until(d -> !browser.path().contains("predictions=on"));
                    browser.gridRowsWhen(
                            "matrix-grid",
                            r -> r.size() > at && "Not tested".equals(r.get(at).get(header)));
                    assertThat(browser.gridRows("matrix-grid").stream().flatMap(r -> r.values().stream()))
                            .noneMatch(text -> text.contains("likely"));
                    browser.screenshot("display-matrix-predictions-off");

                    // A row opens its model page, as a person opens it.
                    browser.click(browser.gridCell("matrix-grid", at, "Model"));
                    browser.until(d -> browser.path().startsWith("/models/"));
                    browser.tab("Predictions (not claims)");
                    browser.until(d -> browser.byId("predictions-grid").isDisplayed());
                    assertThat(browser.byId("predictions-section").getText())
                            .contains(
                                    "Predictions (not claims)",
                                    "≈ likely High · 82 %",
                                    "Accuracy 0.90 (baseline 0.60)");
                    assertThat(predictionViolations(browser))
                            .as("axe on the model page's predictions")
                            .isEmpty();
                    browser.screenshot("display-model-page-predictions");
                });
    }
}
