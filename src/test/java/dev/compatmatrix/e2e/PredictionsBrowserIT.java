package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo's start-up training adopted a run: an admin reaches Predictions from the menu and reads its evaluation
 * (figures beside the baseline, confusion matrices, the run in the history), starts another run and sees it listed;
 * a viewer sees the evaluation without the button.
 */
@BrowserTest
class PredictionsBrowserIT {

    private static final Path SHOTS = Path.of(System.getProperty("compat.shots", "/work/wt/shots"));

    @Test
    void an_admin_reads_the_evaluation_of_the_start_up_run_and_trains_again(Browser browser) {
        browser.signIn("admin");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Predictions']"))
                .click();
        browser.until(d -> browser.path().equals("/predictions"));
        // The start-up run may still be running: the page polls until its evaluation shows.
        browser.until(d -> d.findElement(By.id("predictions-evaluation")).isDisplayed());
        browser.awaitIdle();

        List<Map<String, String>> figures = browser.gridRowsWhen("predictions-figures", r -> r.size() == 9);
        assertThat(figures.getFirst().get("Platform")).isEqualTo("All platforms");
        assertThat(figures.getFirst().get("Accuracy")).matches("\\d+\\.\\d % \\(baseline \\d+\\.\\d %\\)");
        assertThat(figures.subList(1, figures.size()))
                .extracting(row -> row.get("Predictions"))
                .allMatch(shown -> shown.equals("Shown: beats the baseline")
                        || shown.startsWith("Not shown: not enough evidence to predict")
                        || shown.startsWith("Not shown: not evaluated in this run"));
        assertThat(browser.find(By.cssSelector("#predictions-confusions table th"))
                        .getText())
                .contains("Claimed");
        List<Map<String, String>> runs = browser.gridRowsWhen("predictions-runs", r -> !r.isEmpty());
        assertThat(runs.getFirst().get("Trigger")).isEqualTo("Start-up");
        assertThat(runs.getFirst().get("State")).isEqualTo("Adopted");
        shot(browser, "training-predictions-admin");
        browser.resize(1440, 3000);
        browser.awaitIdle();
        shot(browser, "training-predictions-admin-whole-page");
        browser.resize(1400, 900);

        browser.byId("predictions-train").click();
        assertThat(browser.notification("started")).matches("Training run #\\d+ started");
        List<Map<String, String>> after = browser.gridRowsWhen(
                "predictions-runs",
                r -> r.size() == 2 && !"Running".equals(r.getFirst().get("State")));
        assertThat(after.getFirst().get("Trigger")).isEqualTo("Admin");
        assertThat(after.getFirst().get("By")).isEqualTo("admin");
        assertThat(after.getFirst().get("State")).isIn("Adopted", "Not adopted");
        shot(browser, "training-predictions-after-train-now");
    }

    @Test
    void a_viewer_sees_the_evaluation_without_the_train_now_button(Browser browser) {
        browser.signIn("viewer");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Predictions']"))
                .click();
        browser.until(d -> browser.path().equals("/predictions"));
        browser.until(d -> d.findElement(By.id("predictions-evaluation")).isDisplayed());
        assertThat(browser.driver.findElements(By.id("predictions-train")))
                .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());
        shot(browser, "training-predictions-viewer");
    }

    private static void shot(Browser browser, String name) {
        Path file = browser.screenshot(name);
        try {
            Files.createDirectories(SHOTS);
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
