package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A level-3 validator approves a claim in the queue: it is validated and the model's validation trail keeps it. */
@BrowserTest
class ValidationBrowserIT {

    @Test
    void a_validator_approves_a_claim_and_the_trail_shows_the_approval(Browser browser) {
        browser.signIn("validator3");
        browser.open("/queue");
        List<Map<String, String>> rows = browser.gridRowsWhen("queue-grid", r -> !r.isEmpty());
        int before = waiting(browser);
        int row = 0;
        while (!rows.get(row).get("You may").toLowerCase().equals("fully validate")
                || rows.get(row).get("Status").contains("simulated")) {
            row++;
        }
        String model = rows.get(row).get("Model");
        String platform = rows.get(row).get("Platform");
        browser.screenshot("validation-queue");

        String actions = rows.get(row).keySet().stream().filter(k -> k.startsWith("#"))
                .max(java.util.Comparator.comparingInt(k -> Integer.parseInt(k.substring(1)))).orElseThrow();
        browser.gridCell("queue-grid", row, actions).findElement(By.xpath(".//vaadin-button[normalize-space()='Approve']"))
                .click();

        assertThat(browser.notification("Approved " + platform + " claim of " + model)).endsWith("Validated");
        browser.until(d -> waiting(browser) <= before); // disputed and stale claims stay in the queue after approval
        browser.open("/models/" + model);
        browser.tab("Validation trail");
        assertThat(browser.gridRows("reviews-grid")).anySatisfy(r -> {
            assertThat(r.get("Platform")).isEqualTo(platform);
            assertThat(r.get("Decision")).isEqualTo("Approved");
            assertThat(r.get("Validator")).contains("Mei Chen");
        });
    }

    private static int waiting(Browser browser) {
        String text = browser.byId("queue-count").getText();
        return text.isBlank() ? -1 : Integer.parseInt(text.split(" ")[0]);
    }
}
