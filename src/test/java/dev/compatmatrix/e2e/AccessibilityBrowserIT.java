package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * axe-core on every screen of every role (no serious or critical violation), the main actions by keyboard alone,
 * and levels that never rely on colour alone.
 */
@BrowserTest
class AccessibilityBrowserIT {

    /**
     * Findings inside Vaadin's own components that our views cannot change (rule id and the start of the target),
     * still printed with the counts: vaadin-select puts aria-required on its value button (role=button) when the field
     * is required, and vaadin-tabs (role=tablist, used by TabSheet) holds a focusable scroller div.
     */
    private static final List<String> VAADIN_INTERNAL = List.of(
            "aria-allowed-attr [[\"vaadin-select-value-button[aria-required=",
            "aria-required-children [[\"vaadin-tabs\"]");

    /** The words the matrix cells start with: a level's word or its abbreviation (Med, Unsup), or "Not tested". */
    private static final List<String> LEVEL_WORDS = List.of("High", "Med", "Low", "Unsup", "Not tested");

    @Test
    void no_screen_has_serious_or_critical_axe_violations(Browser browser) {
        sweep(browser, "light");
    }

    /** The same sweep with the operating system set to dark (issue 23): every screen dark, contrast still enough. */
    @Test
    void no_screen_has_serious_or_critical_axe_violations_in_the_dark_theme(Browser browser) {
        sweep(browser, "dark");
    }

    /**
     * Every screen with the operating system's colour scheme set to {@code scheme}, which users who did not choose one
     * follow; each screen's screenshot is saved as {@code theme-<screen>-<scheme>.png} for a person to look at.
     */
    private static void sweep(Browser browser, String scheme) {
        browser.prefersColourScheme(scheme);
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        browser.open("/login");
        found.put("anonymous /login", violations(browser, "/login", scheme));
        check(
                scheme,
                browser,
                found,
                "viewer",
                List.of(
                        "/",
                        "/dashboard",
                        "/recommendations",
                        "/predictions",
                        "/history?model=llama-7b",
                        "/models/bert-base-uncased",
                        "/models/bert-base-uncased/cuda",
                        "/account",
                        "/compare?models=bert-base-uncased,prajjwal1/bert-tiny,roberta-base",
                        "/watching",
                        "/feeds",
                        "/webhooks",
                        "/changes",
                        "/snapshots",
                        "/test-next",
                        "/my-reports"),
                null);
        check(scheme, browser, found, "editor", List.of("/?q=whisper-base"), b -> {
            b.gridRowsWhen("matrix-grid", r -> r.size() == 1);
            b.click(b.gridCell("matrix-grid", 0, "ROCm"));
            b.find(By.id("claim-save"));
        });
        check(scheme, browser, found, "validator3", List.of("/queue"), null);
        check(
                scheme,
                browser,
                found,
                "admin",
                List.of(
                        "/admin/users",
                        "/admin/validators",
                        "/admin/tokens",
                        "/admin/badges",
                        "/admin/audit",
                        "/admin/import",
                        "/admin/backups"),
                null);

        List<String> serious = new ArrayList<>();
        System.out.println("axe-core violations per screen (critical / serious / moderate / minor):");
        found.forEach((screen, violations) -> {
            System.out.printf(
                    "  %-42s %d / %d / %d / %d%n",
                    screen,
                    count(violations, "critical"),
                    count(violations, "serious"),
                    count(violations, "moderate"),
                    count(violations, "minor"));
            violations.stream()
                    .filter(v -> List.of("critical", "serious").contains(v.get("impact")))
                    .filter(v -> VAADIN_INTERNAL.stream()
                            .noneMatch(known -> (v.get("id") + " " + v.get("targets")).startsWith(known)))
                    .forEach(v -> serious.add(screen + ": " + v.get("impact") + " " + v.get("id") + " — "
                            + v.get("help") + " " + v.get("targets")));
            violations.forEach(
                    v -> System.out.println("      " + v.get("impact") + " " + v.get("id") + ": " + v.get("help")));
        });
        assertThat(serious).isEmpty();
    }

    private static void check(
            String scheme,
            Browser browser,
            Map<String, List<Map<String, Object>>> found,
            String user,
            List<String> paths,
            Consumer<Browser> then) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(user);
        for (String path : paths) {
            browser.open(path);
            if (then != null) {
                then.accept(browser);
            }
            found.put(
                    user + " " + path + (then == null ? "" : " (claim editor)"),
                    violations(browser, path + (then == null ? "" : "-claim-editor"), scheme));
        }
    }

    /** axe-core's findings on the screen, after checking it shows in the scheme and saving its screenshot. */
    private static List<Map<String, Object>> violations(Browser browser, String screen, String scheme) {
        assertThat(browser.looksDark()).as(screen + " looks " + scheme).isEqualTo(scheme.equals("dark"));
        String name = screen.equals("/")
                ? "matrix"
                : screen.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        browser.screenshot("theme-" + name + "-" + scheme);
        return browser.axeViolations();
    }

    private static long count(List<Map<String, Object>> violations, String impact) {
        return violations.stream().filter(v -> impact.equals(v.get("impact"))).count();
    }

    @Test
    void level_cells_carry_a_word_and_a_label_not_only_a_colour(Browser browser) {
        browser.signIn("viewer");
        browser.open("/");
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> cells = (List<Map<String, String>>) browser.js("""
                return [...document.querySelectorAll('#matrix-grid vaadin-grid-cell-content .level')]
                    .map(level => ({ text: level.textContent.trim(), title: level.getAttribute('title') || '' }));""");
        assertThat(cells).hasSizeGreaterThan(40).allSatisfy(cell -> {
            assertThat(LEVEL_WORDS).anyMatch(word -> cell.get("text").startsWith(word));
            assertThat(cell.get("title")).contains(":");
        });
    }

    @Test
    void the_main_actions_work_with_the_keyboard_alone(Browser browser) {
        browser.open("/login");
        browser.until(d -> browser.focused().startsWith("input"));
        browser.keys()
                .sendKeys("editor")
                .sendKeys(Keys.TAB)
                .sendKeys("editor")
                .sendKeys(Keys.ENTER)
                .perform();
        browser.find(By.id("matrix-grid"));
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());

        // Tab to the search field and filter by typing.
        browser.tabUntil("return document.activeElement.closest('vaadin-text-field')?.accessibleName === 'Search'");
        browser.keys().sendKeys("whisper-tiny").perform();
        browser.gridRowsWhen("matrix-grid", r -> r.size() == 1);

        // Tab to the Filters toggle and unfold the filters with Enter; Tab to the Type filter and open it.
        browser.tabUntil("return document.activeElement.id === 'filter-toggle'");
        browser.keys().sendKeys(Keys.ENTER).perform();
        browser.until(d ->
                browser.js("const panel = document.getElementById('filter-panel'); return !!panel && !panel.hidden"));
        browser.tabUntil("return document.activeElement.closest('vaadin-select')?.label === 'Type'");
        browser.keys().sendKeys(Keys.ENTER).perform();
        browser.until(d -> browser.js("return document.querySelector('vaadin-select[opened]') !== null"));
        browser.keys().sendKeys(Keys.ESCAPE).perform();

        // Tab into the grid, move to the CUDA cell with the arrow keys (past the rows' tick boxes for Compare) and open
        // the claim with Space.
        browser.tabUntil("return !!document.getElementById('matrix-grid').shadowRoot.activeElement?.closest('#items')");
        for (int i = 0; i < 3; i++) {
            browser.keys().sendKeys(Keys.ARROW_RIGHT).perform();
        }
        browser.screenshot("keyboard-cell-focused");
        browser.keys().sendKeys(Keys.SPACE).perform();
        browser.find(By.id("claim-save"));

        // In the claim form: Tab to Limitations, type, Tab on to Save and press Enter.
        browser.tabUntil("return document.activeElement.closest('vaadin-text-area')?.label === 'Limitations'");
        browser.keys().sendKeys("Keyboard test: fine on CUDA 12").perform();
        browser.tabUntil("return document.activeElement.id === 'claim-save'");
        browser.keys().sendKeys(Keys.ENTER).perform();
        browser.notification("Saved CUDA claim for openai/whisper-tiny");
        browser.screenshot("keyboard-after-save");
    }
}
