package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dark theme (issue 23): the operating system's setting by default, a person's own choice from the user menu
 * applied at once and on every later page load (also after signing out and in again), and charts that follow.
 */
@BrowserTest
class ThemeBrowserIT {

    @Test
    void without_a_choice_the_pages_follow_the_operating_systems_light_or_dark_setting(Browser browser) {
        browser.prefersColourScheme("dark");
        browser.open("/login");
        assertThat(browser.looksDark()).as("login page, system dark").isTrue();
        browser.signIn("viewer");
        assertThat(browser.looksDark()).as("matrix, system dark").isTrue();

        browser.prefersColourScheme("light");
        browser.until(d -> !browser.looksDark());
        browser.open("/dashboard");
        assertThat(browser.looksDark()).as("dashboard, system light").isFalse();
    }

    @Test
    void dark_chosen_in_the_user_menu_shows_at_once_and_again_after_signing_out_and_in(Browser browser) {
        browser.prefersColourScheme("light");
        browser.signIn("validator2");
        browser.open("/dashboard");
        assertThat(browser.looksDark()).as("before the choice").isFalse();
        browser.until(d -> "light".equals(chartMode(browser)));

        choose(browser, "theme-dark");
        browser.until(d -> browser.looksDark());
        browser.until(d -> "dark".equals(chartMode(browser)));

        browser.byId("user-menu").click();
        browser.find(By.id("logout")).click();
        browser.until(d -> browser.path().startsWith("/login"));
        assertThat(browser.looksDark())
                .as("login page follows the system (light)")
                .isFalse();

        browser.signIn("validator2");
        assertThat(browser.looksDark()).as("right after signing in again").isTrue();
        browser.open("/dashboard");
        assertThat(browser.looksDark()).as("a page loaded later").isTrue();
        browser.until(d -> "dark".equals(chartMode(browser)));

        choose(browser, "theme-system");
        browser.until(d -> !browser.looksDark());
        browser.until(d -> "light".equals(chartMode(browser)));
    }

    @Test
    void predicted_cells_the_as_of_banner_and_the_model_pages_tabs_read_in_the_dark(Browser browser) {
        browser.prefersColourScheme("dark");
        browser.signIn("viewer");
        Map<String, List<String>> serious = new LinkedHashMap<>();

        browser.byId("show-predictions").click();
        browser.until(d -> browser.path().contains("predictions=on"));
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        serious.put("matrix with predictions", seriousViolations(browser, "matrix-predictions"));

        browser.open("/?asOf=2026-03-01");
        browser.until(d -> browser.byId("as-of-banner").isDisplayed());
        serious.put("matrix as of a past day", seriousViolations(browser, "matrix-as-of"));

        browser.open("/models/bert-base-uncased");
        for (String tab : List.of("Performance", "Level timeline", "Predictions", "History", "Validation trail")) {
            browser.tab(tab);
            serious.put("model page, " + tab, seriousViolations(browser, "model-" + tab.replace(' ', '-')));
        }
        assertThat(serious)
                .allSatisfy((screen, violations) ->
                        assertThat(violations).as(screen).isEmpty());
    }

    @Test
    void the_not_found_and_access_denied_pages_read_in_the_dark(Browser browser) {
        browser.prefersColourScheme("dark");
        browser.signIn("viewer");
        browser.open("/no-such-screen");
        assertThat(seriousViolations(browser, "not-found")).isEmpty();
        browser.open("/admin/users");
        browser.byId("access-denied");
        assertThat(seriousViolations(browser, "access-denied")).isEmpty();
    }

    /** axe-core's serious and critical findings on the page as it is, after checking it is dark and saving it. */
    private static List<String> seriousViolations(Browser browser, String screen) {
        assertThat(browser.looksDark()).as(screen).isTrue();
        browser.screenshot("theme-" + screen + "-dark");
        return browser.axeViolations().stream()
                .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .filter(v ->
                        !String.valueOf(v.get("targets")).matches("(?s).*(vaadin-tabs|vaadin-select-value-button).*"))
                .map(v -> v.get("id") + ": " + v.get("help") + " " + v.get("targets"))
                .toList();
    }

    /** Opens the user menu's Theme entry and picks the choice with this id, as a mouse user does. */
    private static void choose(Browser browser, String id) {
        browser.byId("user-menu").click();
        browser.find(By.id("theme-menu")).click();
        WebElement choice = browser.find(By.id(id));
        browser.screenshot("theme-user-menu-before-" + id);
        choice.click();
        browser.awaitIdle();
    }

    /** ApexCharts' mode of the first chart drawn on the page (null before it is drawn). */
    private static String chartMode(Browser browser) {
        return (String) browser.js("""
                const chart = document.querySelector('.apex-chart')?.$compatChart;
                return chart ? chart.w.config.theme.mode : null;""");
    }
}
