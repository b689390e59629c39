package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A person looks at the matrix as it was on a past day: the banner, the rows of then, no editing, back to now. */
@BrowserTest
class AsOfMatrixBrowserIT {

    private static final String DAY = "2026-03-01";

    /** Shown on the page: a hidden Vaadin component is not in the page at all. */
    private static boolean shown(Browser browser, String id) {
        browser.awaitIdle();
        return browser.driver.findElements(By.id(id)).stream().anyMatch(e -> e.isDisplayed());
    }

    @Test
    void an_editor_picks_a_past_day_sees_the_matrix_of_then_cannot_edit_and_goes_back_to_now(Browser browser) {
        browser.signIn("editor");
        List<Map<String, String>> now = browser.gridRowsWhen("matrix-grid", r -> r.size() >= 10);
        assertThat(shown(browser, "new-model")).isTrue();
        assertThat(shown(browser, "as-of-banner")).isFalse();

        browser.type(By.cssSelector("#as-of-date input"), DAY);
        browser.keys().sendKeys(Keys.ENTER).perform();
        browser.until(d -> browser.path().contains("asOf=" + DAY));
        browser.until(d -> shown(browser, "as-of-banner"));
        assertThat(browser.byId("as-of-banner").getText())
                .contains("You are looking at the matrix as it was at the end of " + DAY + " (UTC). Editing is off.")
                .contains("Back to now");
        assertThat(shown(browser, "new-model")).isFalse();
        List<Map<String, String>> then =
                browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty() && !r.equals(now.subList(0, r.size())));
        assertThat(then).isNotEmpty();
        assertThat(browser.js("return document.querySelector('#as-of-date').value"))
                .isEqualTo(DAY);
        browser.screenshot("asof-desktop");
        browser.resize(390, 844);
        browser.awaitIdle();
        assertThat(shown(browser, "as-of-banner")).isTrue();
        browser.screenshot("asof-phone");
        browser.resize(1400, 900);
        browser.awaitIdle();

        // The same link shows the same past; a platform cell opens the model page, not a claim form.
        String shared = browser.path();
        browser.open(shared);
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        browser.click(browser.gridCell("matrix-grid", 0, "CUDA"));
        browser.until(d -> browser.path().startsWith("/models/"));
        assertThat(browser.driver.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")))
                .isEmpty();

        browser.open(shared);
        browser.until(d -> shown(browser, "as-of-banner"));
        browser.byId("back-to-now").click();
        browser.awaitIdle();
        browser.until(d -> !browser.path().contains("asOf="));
        assertThat(shown(browser, "as-of-banner")).isFalse();
        assertThat(shown(browser, "new-model")).isTrue();
        browser.until(d -> browser.byId("row-count").getText().equals("43 models"));
    }
}
