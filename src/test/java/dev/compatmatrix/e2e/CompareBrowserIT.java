package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person's way to a comparison: tick two models in the matrix, press Compare, read the table, and keep only the
 * platforms where they differ.
 */
@BrowserTest
class CompareBrowserIT {

    private static final List<String> PICKED = List.of("bert-base-uncased", "distilbert-base-uncased");

    @Test
    void two_rows_ticked_in_the_matrix_open_side_by_side_and_only_differences_hides_the_agreeing_platforms(
            Browser browser) {
        browser.signIn("viewer");
        browser.open("/?q=bert");
        List<Map<String, String>> rows = browser.gridRowsWhen("matrix-grid", r -> r.size() >= 4);
        List<String> names = rows.stream().map(r -> r.get("Model")).toList();
        for (String model : PICKED) {
            // The row's tick box, in the first column (its header has no text).
            WebElement tick = browser.gridCell("matrix-grid", names.indexOf(model), "#0")
                    .findElement(By.tagName("vaadin-checkbox"));
            tick.click();
            browser.awaitIdle();
        }
        WebElement compare = browser.byId("compare-models");
        browser.until(d -> compare.getText().equals("Compare (2)") && compare.getAttribute("disabled") == null);
        browser.screenshot("compare-matrix-selection");
        compare.click();

        browser.until(d -> browser.path().startsWith("/compare?models="));
        assertThat(java.net.URLDecoder.decode(browser.path(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("/compare?models=" + String.join(",", PICKED));
        assertThat(browser.find(By.cssSelector("#compare-table thead")).getText())
                .contains(PICKED.get(0), PICKED.get(1));
        List<WebElement> platforms = browser.driver.findElements(By.cssSelector("#compare-table tbody tr"));
        assertThat(platforms).hasSize(8);
        List<String> differing = platforms.stream()
                .filter(tr -> tr.getAttribute("class").contains("differs"))
                .map(tr -> tr.findElement(By.tagName("th")).getText())
                .toList();
        assertThat(differing)
                .isNotEmpty()
                .hasSizeLessThan(8)
                .allSatisfy(t -> assertThat(t).contains("≠ differs"));
        browser.screenshot("compare-table");

        browser.byId("only-differences").click();
        browser.until(d -> browser.driver
                        .findElements(By.cssSelector("#compare-table tbody tr"))
                        .size()
                == differing.size());
        assertThat(browser.driver.findElements(By.cssSelector("#compare-table tbody th")))
                .extracting(WebElement::getText)
                .containsExactlyElementsOf(differing);
        browser.until(d -> browser.path().endsWith("&differences=only"));
        browser.screenshot("compare-only-differences");
    }
}
