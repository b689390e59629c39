package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** At phone width the drawer collapses behind its toggle and the page does not scroll sideways. */
@BrowserTest
class PhoneLayoutBrowserIT {

    @Test
    void at_phone_width_the_navigation_opens_from_the_toggle_and_nothing_overflows(Browser browser) {
        browser.resize(390, 844);
        browser.signIn("viewer");
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());

        assertThat(browser.js("return document.querySelector('vaadin-app-layout').hasAttribute('overlay')"))
                .isEqualTo(true);
        assertThat(browser.js("return document.querySelector('vaadin-app-layout').drawerOpened"))
                .isEqualTo(false);
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        browser.screenshot("phone-matrix");

        browser.find(By.cssSelector("vaadin-drawer-toggle")).click();
        browser.until(d -> browser.js("return document.querySelector('vaadin-app-layout').drawerOpened"));
        browser.screenshot("phone-drawer-open");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Dashboard']"))
                .click();

        browser.until(d -> browser.path().equals("/dashboard"));
        browser.until(d ->
                Boolean.FALSE.equals(browser.js("return document.querySelector('vaadin-app-layout').drawerOpened")));
        browser.awaitIdle();
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        browser.screenshot("phone-dashboard");
    }
}
