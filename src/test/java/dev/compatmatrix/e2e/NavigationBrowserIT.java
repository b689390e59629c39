package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/** Each demo role signs in and sees only the screens its roles allow; other screens are refused. */
@BrowserTest
class NavigationBrowserIT {

    static final List<String> EVERYONE = List.of(
            "Matrix",
            "What to test next",
            "Dashboard",
            "Recommendations",
            "Predictions",
            "History",
            "Changes",
            "Snapshots",
            "Watching",
            "My reports",
            "Feeds",
            "Webhooks");
    static final List<String> VALIDATOR = List.of(
            "Matrix",
            "Validation queue",
            "What to test next",
            "Dashboard",
            "Recommendations",
            "Predictions",
            "History",
            "Changes",
            "Snapshots",
            "Watching",
            "My reports",
            "Feeds",
            "Webhooks");
    static final List<String> ADMIN = List.of(
            "Matrix",
            "What to test next",
            "Dashboard",
            "Recommendations",
            "Predictions",
            "History",
            "Changes",
            "Snapshots",
            "Watching",
            "My reports",
            "Feeds",
            "Webhooks",
            "Users",
            "Validators",
            "API tokens",
            "Badges",
            "Audit log",
            "Import",
            "Backups");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"viewer", "editor", "validator1", "admin"})
    void each_role_sees_only_its_navigation(String user, Browser browser) {
        browser.signIn(user);

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.navigation())
                .containsExactlyElementsOf(
                        switch (user) {
                            case "validator1" -> VALIDATOR;
                            case "admin" -> ADMIN;
                            default -> EVERYONE;
                        });
        browser.screenshot("navigation-" + user);
    }

    @Test
    void a_viewer_who_opens_an_admin_or_validator_screen_by_url_is_refused(Browser browser) {
        browser.signIn("viewer");
        for (String path : List.of("/queue", "/admin/users", "/admin/tokens")) {
            browser.open(path);
            assertThat(browser.find(By.id("access-denied")).getText()).as(path).containsIgnoringCase("access");
        }
    }

    @Test
    void signing_out_returns_to_the_login_page(Browser browser) {
        browser.signIn("editor");
        browser.byId("user-menu").click();
        browser.find(By.id("logout")).click();
        browser.until(d -> browser.path().startsWith("/login"));
        browser.open("/");
        browser.until(d -> browser.path().startsWith("/login"));
    }
}
