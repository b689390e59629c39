package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Platform;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The matrix is seen at once: counted as a person sees it — grid rows wholly inside the window and the grid, and
 * platform headers wholly inside the grid's visible width, with nothing to scroll sideways.
 */
@BrowserTest
class MatrixLayoutBrowserIT {

    private static final List<String> PLATFORMS =
            Arrays.stream(Platform.values()).map(Platform::label).toList();

    /**
     * What the matrix grid shows now: {@code rows} wholly visible, {@code headers} (the column headers wholly inside
     * the grid's visible width and the window), and the grid's and the page's scroll and client widths.
     */
    private static final String VISIBLE = """
            const grid = document.getElementById('matrix-grid');
            const table = grid.shadowRoot.querySelector('#table');
            const box = grid.getBoundingClientRect();
            const right = Math.min(box.left + table.clientWidth, window.innerWidth) + 0.5;
            const bottom = Math.min(box.top + table.clientHeight, window.innerHeight) + 0.5;
            const headerBottom = grid.shadowRoot.querySelector('#header').getBoundingClientRect().bottom - 0.5;
            const text = cell => {
              const slot = cell.querySelector('slot');
              const content = slot ? slot.assignedElements()[0] : null;
              return content ? content.textContent.replace(/\\s+/g, ' ').trim() : '';
            };
            const inside = r => r.width > 0 && r.left >= box.left - 0.5 && r.right <= right;
            const headerRows = [...grid.shadowRoot.querySelectorAll('#header tr')];
            // The rows' tick boxes for Compare (a selection column, no header text) are not a data column.
            const headers = [...headerRows[headerRows.length - 1].children]
                .filter(th => !th.hidden && inside(th.getBoundingClientRect()))
                .filter(th => th._column?.localName !== 'vaadin-grid-flow-selection-column').map(text);
            const rows = [...grid.shadowRoot.querySelectorAll('#items tr')]
                .filter(tr => !tr.hidden && tr.index !== undefined && tr.index < grid.size)
                .map(tr => tr.getBoundingClientRect())
                .filter(r => r.height > 0 && r.top >= headerBottom && r.bottom <= bottom).length;
            return { rows, headers, gridTop: Math.round(box.top), innerWidth: window.innerWidth,
                     innerHeight: window.innerHeight, tableScrollWidth: table.scrollWidth,
                     tableClientWidth: table.clientWidth,
                     pageScrollWidth: document.documentElement.scrollWidth };""";

    @Test
    void at_1440_by_900_all_eight_platforms_and_15_rows_show_without_sideways_scrolling(Browser browser) {
        Map<String, Object> seen = matrixAt(browser, 1440, 900, "matrixui-matrix-1440x900");

        assertThat(seen.get("headers"))
                .as("headers wholly visible")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .startsWith("Model")
                .containsAll(PLATFORMS);
        assertThat(number(seen, "rows")).as("rows wholly visible").isGreaterThanOrEqualTo(15);
        assertNoSidewaysScrolling(seen);
    }

    @Test
    void at_1920_by_1080_25_rows_show_without_sideways_scrolling(Browser browser) {
        Map<String, Object> seen = matrixAt(browser, 1920, 1080, "matrixui-matrix-1920x1080");

        assertThat(seen.get("headers"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                .containsAll(PLATFORMS);
        assertThat(number(seen, "rows")).as("rows wholly visible").isGreaterThanOrEqualTo(25);
        assertNoSidewaysScrolling(seen);
    }

    @Test
    void on_a_phone_each_model_is_a_card_with_all_eight_platforms_and_the_legend_is_on_the_page(Browser browser) {
        viewport(browser, 390, 844);
        browser.signIn("viewer");
        browser.until(d -> browser.js("return !!document.querySelector('.matrix-view.matrix-cards')"));
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        browser.screenshot("matrixui-matrix-390x844");

        // Every card in the window: the model's name and the eight platforms, each wholly inside the window.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cards = (List<Map<String, Object>>) browser.js("""
                const inWindow = e => { const r = e.getBoundingClientRect();
                  return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5
                      && r.top >= 0 && r.bottom <= window.innerHeight + 0.5; };
                return [...document.querySelectorAll('#matrix-grid .matrix-card')].filter(inWindow).map(card => ({
                  name: card.querySelector('.card-name').textContent.trim(),
                  platforms: [...card.querySelectorAll('.card-cell')]
                      .filter(cell => inWindow(cell.querySelector('.level')))
                      .map(cell => cell.querySelector('.card-platform').textContent.trim()) }));""");
        assertThat(cards)
                .as("cards wholly in the window")
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(card -> {
                    assertThat((String) card.get("name")).isNotBlank();
                    assertThat(card.get("platforms")).isEqualTo(PLATFORMS);
                });
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);

        // The legend is on the page and readable where it is.
        assertThat(browser.js("""
                const legend = document.getElementById('matrix-legend');
                legend.scrollIntoView();
                const r = legend.getBoundingClientRect();
                return r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5
                    && getComputedStyle(legend).visibility === 'visible';""")).isEqualTo(true);
        assertThat(browser.byId("matrix-legend").getText()).contains("✓ validated", "◷ stale", "⚠ disputed");
    }

    @Test
    void a_column_chosen_in_the_columns_menu_shows_and_stays_after_a_reload(Browser browser) {
        browser.signIn("viewer");
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        assertThat(browser.gridRows("matrix-grid").getFirst()).doesNotContainKey("Family");

        browser.find(By.cssSelector("#column-menu vaadin-menu-bar-button")).click();
        browser.find(By.xpath("//vaadin-menu-bar-item[normalize-space()='Family']"))
                .click();
        browser.awaitIdle();
        browser.keys().sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        assertThat(browser.gridRowsWhen("matrix-grid", r -> r.getFirst().containsKey("Family"))
                        .getFirst()
                        .get("Family"))
                .isNotBlank();

        browser.driver.navigate().refresh();
        browser.awaitIdle();
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty() && r.getFirst().containsKey("Family"));
    }

    /** Signs in at that window size and measures the matrix; saves a screenshot as {@code shot}. */
    private static Map<String, Object> matrixAt(Browser browser, int width, int height, String shot) {
        viewport(browser, width, height);
        browser.signIn("viewer");
        browser.gridRowsWhen("matrix-grid", r -> r.size() > 10);
        browser.awaitIdle();
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.js(VISIBLE);
        System.out.println("Matrix at " + width + "×" + height + ": " + seen);
        browser.screenshot(shot);
        return seen;
    }

    private static void assertNoSidewaysScrolling(Map<String, Object> seen) {
        assertThat(number(seen, "tableScrollWidth"))
                .as("grid scroll width")
                .isLessThanOrEqualTo(number(seen, "tableClientWidth"));
        assertThat(number(seen, "pageScrollWidth"))
                .as("page scroll width")
                .isLessThanOrEqualTo(number(seen, "innerWidth"));
    }

    /** Sets the window so the page itself (the viewport) has exactly this size. */
    static void viewport(Browser browser, int width, int height) {
        browser.resize(width, height);
        long innerWidth = ((Number) browser.js("return window.innerWidth")).longValue();
        long innerHeight = ((Number) browser.js("return window.innerHeight")).longValue();
        browser.resize(width + (int) (width - innerWidth), height + (int) (height - innerHeight));
        assertThat(browser.js("return [window.innerWidth, window.innerHeight]"))
                .isEqualTo(List.of((long) width, (long) height));
    }

    private static long number(Map<String, Object> seen, String key) {
        return ((Number) seen.get(key)).longValue();
    }
}
