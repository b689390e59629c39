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
import org.openqa.selenium.WebElement;

/**
 * An editor marks now as a snapshot in the dialog and finds it in the grid with its links; a viewer sees the
 * snapshots without the button; the model page says since when each claim has had its level.
 */
@BrowserTest
class SnapshotsBrowserIT {

    /** Where the screenshots for people to look at are gathered (besides target/browser-screenshots). */
    private static final Path SHOTS = Path.of(System.getProperty("compat.shots", "/work/wt/shots"));

    @Test
    void an_editor_marks_a_snapshot_in_the_dialog_and_sees_it_in_the_grid_with_its_links(Browser browser) {
        browser.signIn("editor");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Snapshots']"))
                .click();
        browser.until(d -> browser.path().equals("/snapshots"));
        browser.awaitIdle();

        browser.byId("snapshot-mark").click();
        browser.awaitIdle();
        browser.fill("Name", "2026-11-20");
        browser.byId("snapshot-save").click();
        browser.awaitIdle();
        String refusal = browser.until(d -> (String) browser.js("const f = document.querySelector('#snapshot-name');"
                + " return f && f.invalid ? f.errorMessage : null"));
        assertThat(refusal).startsWith("A snapshot name cannot look like a date");
        shot(browser, "snapshots-dialog-refusal");

        browser.fill("Name", "v2.1 release");
        browser.fill("Note (optional)", "First release with <b>snapshots</b>");
        browser.byId("snapshot-save").click();
        browser.awaitIdle();
        browser.until(d -> d.findElements(By.id("snapshot-dialog")).stream().noneMatch(WebElement::isDisplayed));

        List<Map<String, String>> rows = browser.gridRowsWhen(
                "snapshots-grid", r -> r.stream().anyMatch(row -> "v2.1 release".equals(row.get("Name"))));
        Map<String, String> row = rows.stream()
                .filter(r -> "v2.1 release".equals(r.get("Name")))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("By")).isEqualTo("editor");
        assertThat(row.get("Note")).as("shown as typed, not as HTML").isEqualTo("First release with <b>snapshots</b>");
        assertThat(row.get("Taken at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(row.get("See")).contains("Matrix as of this", "Changes since");
        WebElement since = browser.find(By.cssSelector("#snapshots-grid a.snapshot-changes-since"));
        assertThat(since.getDomAttribute("href")).matches("changes\\?from=v2\\.1\\+release&to=\\d{4}-\\d{2}-\\d{2}");
        shot(browser, "snapshots-desktop");
        browser.resize(390, 844);
        browser.awaitIdle();
        shot(browser, "snapshots-phone");
        browser.resize(1440, 900);

        browser.click(browser.find(By.cssSelector("#snapshots-grid a.snapshot-as-of")));
        browser.until(d -> browser.path().equals("/?asOf=v2.1+release"));
    }

    @Test
    void a_viewer_sees_the_snapshots_but_no_button_to_mark_one(Browser browser) {
        browser.signIn("viewer");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Snapshots']"))
                .click();
        browser.until(d -> browser.path().equals("/snapshots"));
        browser.gridRows("snapshots-grid");
        assertThat(browser.driver.findElements(By.id("snapshot-mark"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver.findElements(By.xpath("//vaadin-button[contains(., 'Mark now')]")))
                .noneMatch(WebElement::isDisplayed);
    }

    @Test
    void the_model_page_says_since_when_each_claim_has_had_its_level(Browser browser) {
        browser.signIn("viewer");
        browser.open("/models/bert-base-uncased");
        List<Map<String, String>> claims = browser.gridRowsWhen(
                "claims-grid", r -> r.size() == 8 && r.stream().allMatch(row -> row.get("Since") != null));
        assertThat(claims)
                .allSatisfy(row -> assertThat(row.get("Since")).matches("\\S.* since \\d{4}-\\d{2}-\\d{2}( · .+)?"));
        shot(browser, "snapshots-model-page-since-desktop");
        browser.resize(390, 844);
        browser.awaitIdle();
        // On a phone the platforms grid scrolls sideways (PhoneLayoutBrowserIT): scroll to the Since column.
        browser.js("const grid = document.querySelector('#claims-grid'); grid.scrollIntoView({block: 'start'});"
                + " grid.$.table.scrollLeft = 260;");
        browser.awaitIdle();
        shot(browser, "snapshots-model-page-since-phone");
        browser.resize(1440, 900);
    }

    private static void shot(Browser browser, String name) {
        Path taken = browser.screenshot(name);
        try {
            Files.createDirectories(SHOTS);
            Files.copy(taken, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
