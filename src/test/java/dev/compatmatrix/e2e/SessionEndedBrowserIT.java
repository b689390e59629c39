package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A tab whose session has ended goes to the sign-in page with a message, never to "Invalid JSON response". */
@BrowserTest
class SessionEndedBrowserIT {

    @Test
    void a_user_disabled_while_their_tab_is_open_is_sent_to_sign_in_with_a_message(Browser admin, Browser user) {
        String name = "leaver-" + System.currentTimeMillis() % 100_000;
        String password = "a long enough password";
        admin.signIn("admin");
        createUser(admin, name, password);

        user.signIn(name, password);

        List<Map<String, String>> rows =
                admin.gridRowsWhen("users-grid", r -> r.stream().anyMatch(row -> name.equals(row.get("User"))));
        int row = rows.indexOf(rows.stream()
                .filter(r -> name.equals(r.get("User")))
                .findFirst()
                .orElseThrow());
        admin.click(admin.gridCell("users-grid", row, "User"));
        admin.find(By.xpath("//vaadin-checkbox[.//label[normalize-space()='Enabled']]//input"))
                .click();
        admin.find(By.xpath("//vaadin-button[normalize-space()='Save']")).click();
        admin.notification("Saved " + name);

        user.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Dashboard']"))
                .click();
        user.until(d -> user.path().startsWith("/login"));
        assertThat(user.path()).isEqualTo("/login?ended");
        assertThat(user.byId("session-ended-notice").getText())
                .isEqualTo("Your session ended. Sign in again to go on.");
        assertThat((String) user.js("return document.body.innerText")).doesNotContain("Invalid JSON");
        user.screenshot("session-ended");
    }

    /** Creates a viewer in the admin's user editor, as an admin does. */
    static void createUser(Browser admin, String name, String password) {
        admin.open("/admin/users");
        admin.byId("user-create").click();
        admin.fill("User name", name);
        admin.type(By.xpath("//vaadin-password-field//input"), password);
        admin.find(By.xpath("//vaadin-button[normalize-space()='Save']")).click();
        admin.notification("Saved " + name);
    }
}
