package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Search from anywhere and the keyboard (issue 23): from the matrix to a model page with the keyboard alone, through
 * / or Ctrl+K; Enter on a matrix row; ? lists the shortcuts; a / typed into a field stays in the field.
 */
@BrowserTest
class QuickSearchBrowserIT {

    private static final Path SHOTS = Path.of("/work/wt/shots");

    @Test
    void slash_a_partial_name_arrow_down_and_enter_open_the_model_page(Browser browser) {
        onTheMatrix(browser);
        shot(browser, "search-top-bar");

        browser.keys().sendKeys("/").perform();
        browser.until(d -> browser.focused().startsWith("input"));
        browser.keys().sendKeys("whisper").perform();
        browser.until(d -> options(browser) >= 2);
        assertThat(optionTexts(browser)).contains("openai/whisper-tiny", "openai/whisper-base");
        assertThat(browser.byId("quick-search-status").getText()).startsWith("3 results");
        browser.keys().sendKeys(Keys.ARROW_DOWN).perform();
        browser.until(d -> "quick-search-option-0".equals(activeDescendant(browser)));
        shot(browser, "search-open-with-results");
        assertThat(browser.axeViolations())
                .filteredOn(v -> java.util.List.of("serious", "critical").contains(v.get("impact")))
                .isEmpty();
        String highlighted = browser.find(By.cssSelector("#quick-search-option-0 .quick-search-name"))
                .getText();
        browser.keys().sendKeys(Keys.ENTER).perform();

        browser.until(d -> browser.path().equals("/models/" + highlighted));
        assertThat(browser.find(By.tagName("h2")).getText()).isEqualTo(highlighted);
    }

    @Test
    void ctrl_k_opens_the_quick_search_and_esc_closes_it(Browser browser) {
        onTheMatrix(browser);
        browser.keys().keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        browser.until(d -> browser.focused().startsWith("input"));
        browser.keys().sendKeys("t5-sm").perform();
        browser.until(d -> optionTexts(browser).contains("t5-small"));
        browser.keys().sendKeys(Keys.ESCAPE).perform();
        browser.until(d -> d.findElements(By.id("quick-search-field")).isEmpty());
        assertThat(browser.path()).isEqualTo("/");

        // Typing a / in a text field types it: the matrix's own search field keeps it, no dialog opens.
        browser.type(By.cssSelector("#matrix-search input"), "openai/");
        browser.awaitIdle();
        assertThat(browser.js("return document.getElementById('quick-search-field') === null"))
                .isEqualTo(true);
    }

    @Test
    void enter_on_a_matrix_row_opens_the_model_page(Browser browser) {
        onTheMatrix(browser);
        browser.tabUntil("return !!document.getElementById('matrix-grid').shadowRoot.activeElement?.closest('#items')");
        // Down a row, then right from the row's tick box (Enter there ticks it) to the model's name.
        browser.keys().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_RIGHT).perform();
        String model = (String) browser.js(
                "return document.getElementById('matrix-grid').shadowRoot.activeElement._content.textContent.trim();");
        browser.keys().sendKeys(Keys.ENTER).perform();
        browser.until(d -> browser.path().equals("/models/" + model));
        assertThat(browser.find(By.tagName("h2")).getText()).isEqualTo(model);
    }

    @Test
    void question_mark_shows_every_keyboard_shortcut(Browser browser) {
        onTheMatrix(browser);
        browser.keys().sendKeys("?").perform();
        browser.until(d -> !browser.find(By.cssSelector("#keyboard-shortcuts dl"))
                .getText()
                .isEmpty());
        String shown = (String) browser.js("return document.getElementById('keyboard-shortcuts').innerText");
        assertThat(shown).contains("Keyboard shortcuts", "Ctrl+K", "Open the quick search", "Enter", "Space", "?");
        shot(browser, "search-shortcuts-dialog");
        browser.keys().sendKeys(Keys.ESCAPE).perform();
        browser.until(
                d -> d.findElements(By.cssSelector("#keyboard-shortcuts dl")).isEmpty());

        // The help button in the top bar opens the same list.
        browser.byId("shortcuts-open").click();
        browser.find(By.cssSelector("#keyboard-shortcuts dl"));
    }

    /** Signed in as a viewer, the matrix loaded, the focus on the page (not in a field), as after a click on it. */
    private static void onTheMatrix(Browser browser) {
        browser.signIn("viewer");
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        if (browser.focused().startsWith("input")) {
            browser.find(By.cssSelector("h2, h1")).click();
        }
    }

    private static long options(Browser browser) {
        return (Long) browser.js("return document.querySelectorAll('#quick-search-results [role=option]').length");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> optionTexts(Browser browser) {
        return (java.util.List<String>)
                browser.js(
                        "return [...document.querySelectorAll('#quick-search-results .quick-search-name')].map(n => n.textContent)");
    }

    private static String activeDescendant(Browser browser) {
        return (String) browser.js(
                "return document.querySelector('#quick-search-field input')?.getAttribute('aria-activedescendant')");
    }

    private static void shot(Browser browser, String name) {
        try {
            Files.createDirectories(SHOTS);
            Files.copy(browser.screenshot(name), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
