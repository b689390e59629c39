package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model page as a viewer sees it: the matrix's marks with their reasons, and lists that grow with the page. */
@BrowserTest
class ModelPageBrowserIT {

    @Test
    void the_platforms_tab_shows_the_disputing_result_and_the_history_fills_a_tall_window(Browser browser) {
        browser.resize(1440, 900);
        browser.signIn("viewer");
        browser.open("/models/bert-base-uncased");
        List<Map<String, String>> platforms = browser.gridRowsWhen("claims-grid", r -> r.size() == 8);
        Map<String, String> qualcomm = platforms.stream()
                .filter(r -> r.get("Platform").equals("Qualcomm"))
                .findFirst()
                .orElseThrow();
        assertThat(qualcomm.get("Level")).endsWith("⚠");
        assertThat(qualcomm.get("Validation")).contains("⚠ disputed");
        assertThat(qualcomm.get("Stale / disputed")).contains("Disputed: nightly-ci (CI pipeline) reports Medium");
        assertThat(platforms)
                .anySatisfy(r -> assertThat(r.get("Stale / disputed")).contains("◷ Stale: validated"));
        browser.js("arguments[0].scrollIntoView({block: 'end'})", browser.gridCell("claims-grid", 5, "Platform"));
        browser.screenshot("modelpage-bert-platforms-1440x900");

        browser.resize(1440, 1800);
        browser.tab("History");
        int changes = Integer.parseInt(
                browser.find(org.openqa.selenium.By.xpath("//vaadin-tab[starts-with(normalize-space(), 'History')]"))
                        .getText()
                        .replaceAll("\\D", ""));
        assertThat(changes).isGreaterThan(9);
        // Every change is on the page: the grid is as tall as its rows, with no box of its own to scroll.
        assertThat(browser.gridRowsWhen("history-grid", r -> r.size() == changes))
                .hasSize(changes)
                .allSatisfy(r -> assertThat(r.get("By")).isNotBlank());
        Number height =
                (Number) browser.js("return document.getElementById('history-grid').getBoundingClientRect().height");
        Boolean scrollsInside = (Boolean) browser.js("const t = document.getElementById('history-grid').$.table;"
                + " return t.scrollHeight > t.clientHeight + 1;");
        assertThat(height.doubleValue()).isGreaterThan(changes * 30.0);
        assertThat(scrollsInside).isFalse();
        browser.screenshot("modelpage-bert-history-1440x1800");

        browser.tab("Validation trail");
        assertThat(browser.gridRowsWhen("reviews-grid", r -> !r.isEmpty())).isNotEmpty();
        browser.screenshot("modelpage-bert-trail-1440x1800");

        browser.driver.get(browser.url("/badge/bert-base-uncased/qualcomm.svg"));
        assertThat(browser.driver.getPageSource()).contains("⚠");
        browser.screenshot("badge-bert-qualcomm");
    }
}
