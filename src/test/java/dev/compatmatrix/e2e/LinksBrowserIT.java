package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Links to everything: a model page's tab and a platform's cell have addresses of their own, which open directly,
 * after sign-in (exactly the address asked for) and through "Copy link"; and "Your account" from the user menu.
 */
@BrowserTest
class LinksBrowserIT {

    private static final String CELL = "/models/bert-base-uncased/cuda";

    @Test
    void a_cell_address_asked_for_signed_out_opens_exactly_after_sign_in_with_the_cell_shown(Browser browser) {
        browser.open(CELL);
        browser.until(d -> browser.path().startsWith("/login"));
        signInHere(browser, "viewer", "viewer");
        browser.until(d -> browser.path().equals(CELL));
        assertThat(browser.byId("cell-details-title").getText()).isEqualTo("CUDA · bert-base-uncased");
        assertThat(browser.byId("cell-facts").getText()).contains("NVIDIA A100 80GB");
        browser.screenshot("links-cell-details");
    }

    @Test
    void a_tab_address_and_a_filtered_matrix_asked_for_signed_out_open_exactly_after_sign_in(Browser browser) {
        String tab = "/models/bert-base-uncased/performance";
        browser.open(tab);
        browser.until(d -> browser.path().startsWith("/login"));
        signInHere(browser, "viewer", "viewer");
        browser.until(d -> browser.path().equals(tab));
        assertThat(browser.find(By.cssSelector("vaadin-tab[selected]")).getText())
                .isEqualTo("Performance");
        browser.screenshot("links-model-tab");

        signOut(browser);
        String matrix = "/?q=whisper-base";
        browser.open(matrix);
        browser.until(d -> browser.path().startsWith("/login"));
        signInHere(browser, "viewer", "viewer");
        browser.until(d -> browser.path().equals(matrix));
    }

    @Test
    void choosing_a_tab_or_a_platform_changes_the_address_and_copy_link_copies_it_whole(Browser browser) {
        browser.signIn("viewer");
        browser.open("/models/bert-base-uncased");
        browser.js("navigator.clipboard.writeText = text => { window.__copied = text; return Promise.resolve(); }");

        browser.tab("History");
        browser.until(d -> browser.path().equals("/models/bert-base-uncased/history"));
        browser.byId("tab-link-copy").click();
        browser.until(d -> "Copied".equals(browser.byId("tab-link-copied").getText()));
        assertThat(browser.js("return window.__copied")).isEqualTo(browser.url("/models/bert-base-uncased/history"));

        browser.tab("Platforms");
        browser.until(d -> browser.path().equals("/models/bert-base-uncased"));
        browser.find(By.xpath("//vaadin-grid-cell-content//a[normalize-space()='CUDA']"))
                .click();
        browser.until(d -> browser.path().equals(CELL));
        browser.awaitIdle();
        browser.js("navigator.clipboard.writeText = text => { window.__copied = text; return Promise.resolve(); }");
        browser.byId("cell-link-copy").click();
        browser.until(d -> "Copied".equals(browser.byId("cell-link-copied").getText()));
        assertThat(browser.js("return window.__copied")).isEqualTo(browser.url(CELL));
        assertThat(browser.js("return window.__copied").toString()).startsWith("http://");

        // The old ?tab= form still opens its tab, in the new form.
        browser.open("/models/bert-base-uncased?tab=reports");
        browser.until(d -> browser.path().equals("/models/bert-base-uncased/reports"));
        assertThat(browser.find(By.cssSelector("vaadin-tab[selected]")).getText())
                .startsWith("Reports");
    }

    @Test
    void an_unknown_platform_or_model_in_a_models_address_gets_the_not_found_page_with_404(Browser browser)
            throws Exception {
        browser.signIn("viewer");
        browser.open("/models/bert-base-uncased/quantum");
        assertThat(browser.byId("not-found-message").getText()).contains("'quantum'");
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(NotFoundBrowserIT.status(browser.url("/models/bert-base-uncased/quantum"), session))
                .isEqualTo(404);
        assertThat(NotFoundBrowserIT.status(browser.url("/models/no-such-model/cuda"), session))
                .isEqualTo(404);
        assertThat(NotFoundBrowserIT.status(browser.url(CELL), session)).isEqualTo(200);
    }

    @Test
    void your_account_changes_the_password_and_signs_out_the_other_session_only(Browser here, Browser elsewhere) {
        String name = "account-" + System.currentTimeMillis() % 100_000;
        String first = "a long enough password";
        String second = "another long enough password";
        here.signIn("admin");
        SessionEndedBrowserIT.createUser(here, name, first);
        signOut(here);
        here.signIn(name, first);
        elsewhere.signIn(name, first);

        here.byId("user-menu").click();
        here.find(By.id("account")).click();
        here.until(d -> here.path().equals("/account"));
        assertThat(here.byId("account-roles").getText()).startsWith("Roles: ");
        here.screenshot("links-account");
        here.type(By.cssSelector("#account-old-password input"), "not the password at all");
        here.type(By.cssSelector("#account-new-password input"), second);
        here.type(By.cssSelector("#account-repeated-password input"), second);
        press(here, "account-change-password");
        here.until(d -> "That is not your current password; nothing was changed"
                .equals(here.js("return document.querySelector('#account-old-password').errorMessage")));
        here.type(By.cssSelector("#account-old-password input"), first);
        press(here, "account-change-password");
        here.until(d -> here.byId("account-password-changed").getText().startsWith("Your password was changed"));
        here.screenshot("links-account-password-changed");

        press(here, "account-sign-out-others");
        here.until(d -> !here.byId("account-others-ended").getText().isEmpty());
        elsewhere
                .find(By.xpath("//vaadin-side-nav-item[normalize-space()='Dashboard']"))
                .click();
        elsewhere.until(d -> elsewhere.path().startsWith("/login"));
        here.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Dashboard']"))
                .click();
        here.until(d -> here.path().equals("/dashboard"));
        assertThat(here.find(By.cssSelector("vaadin-app-layout")).isDisplayed()).isTrue();

        // The new password signs in, the old one no longer does.
        elsewhere.open("/login");
        signInHere(elsewhere, name, first);
        elsewhere.until(d -> elsewhere.path().startsWith("/login?error"));
        elsewhere.signIn(name, second);
    }

    /** Signs out with the user menu, as a person does (deleting cookies races the open page's own requests). */
    private static void signOut(Browser browser) {
        browser.byId("user-menu").click();
        browser.find(By.id("logout")).click();
        browser.until(d -> browser.path().startsWith("/login"));
        browser.awaitIdle();
    }

    /** Clicks a button as a mouse does (the field typed in loses the focus and sends its value), scrolled to. */
    private static void press(Browser browser, String id) {
        var button = browser.byId(id);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        browser.awaitIdle();
    }

    /** Signs in on the sign-in page the browser shows now, as a person does after being sent there. */
    private static void signInHere(Browser browser, String user, String password) {
        browser.type(By.cssSelector("input[name=username]"), user);
        browser.type(By.cssSelector("input[name=password]"), password);
        browser.find(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]"))
                .click();
    }
}
