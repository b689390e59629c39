package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Dates read as ISO yyyy-MM-dd in every date field, and a new API token's secret is copied with one button. */
@BrowserTest
class DatesAndTokenCopyBrowserIT {

    private static final String FIELD_TEXT = "return document.querySelector(arguments[0] + ' input').value";

    @Test
    void the_history_and_audit_log_date_fields_show_iso_dates(Browser browser) {
        browser.signIn("viewer");
        browser.open("/history?from=2026-06-01&to=2026-07-15");
        assertThat(browser.js(FIELD_TEXT, "#history-from")).isEqualTo("2026-06-01");
        assertThat(browser.js(FIELD_TEXT, "#history-to")).isEqualTo("2026-07-15");

        // A date typed the ISO way is read as such.
        browser.type(By.cssSelector("#history-to input"), "2026-08-02");
        browser.keys().sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.until(d -> browser.path().contains("to=2026-08-02"));

        browser.driver.manage().deleteAllCookies();
        browser.signIn("admin");
        browser.open("/admin/audit");
        browser.type(By.xpath("//vaadin-date-picker[.//label[normalize-space()='From']]//input"), "2026-06-01");
        browser.keys().sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.awaitIdle();
        assertThat(browser.js("return document.querySelector('vaadin-date-picker').value"))
                .isEqualTo("2026-06-01");
        assertThat(browser.js("return document.querySelector('vaadin-date-picker input').value"))
                .isEqualTo("2026-06-01");
    }

    @Test
    void a_new_tokens_secret_is_copied_by_its_button_which_confirms_it(Browser admin) {
        admin.signIn("admin");
        String secret = ApiToMatrixBrowserIT.createToken(admin, "copy button test");
        // What the page hands to the clipboard (headless Chromium has no clipboard to read back).
        admin.js("navigator.clipboard.writeText = text => { window.__copied = text; return Promise.resolve(); }");

        assertThat(admin.byId("token-copy").getAttribute("aria-label")).isEqualTo("Copy the secret to the clipboard");
        admin.byId("token-copy").click();

        admin.until(d -> "Copied".equals(admin.byId("token-copied").getText()));
        assertThat(admin.js("return window.__copied")).isEqualTo(secret);
        assertThat(admin.byId("token-copied").getAttribute("role")).isEqualTo("status");
        admin.screenshot("matrixui-token-copied");
    }
}
