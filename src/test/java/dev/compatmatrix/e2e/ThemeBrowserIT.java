package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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

    /** Opens the user menu's Theme entry and picks the choice with this id, as a mouse user does. */
    private static void choose(Browser browser, String id) {
        browser.byId("user-menu").click();
        browser.find(By.id("theme-menu")).click();
        browser.find(By.id(id)).click();
        browser.awaitIdle();
    }

    /** ApexCharts' mode of the first chart drawn on the page (null before it is drawn). */
    private static String chartMode(Browser browser) {
        return (String) browser.js("""
                const chart = document.querySelector('.apex-chart')?.$compatChart;
                return chart ? chart.w.config.theme.mode : null;""");
    }
}
