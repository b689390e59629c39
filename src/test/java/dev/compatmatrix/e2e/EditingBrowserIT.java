package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An editor edits a claim from the matrix; two sessions saving the same claim: the second is refused. */
@BrowserTest
class EditingBrowserIT {

    @Test
    void an_editor_changes_a_level_with_reason_and_version_and_the_matrix_and_model_page_show_it(Browser browser) {
        browser.signIn("editor");
        browser.open("/?q=bert-base-uncased");
        var rows = browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        int row = rows.stream().map(r -> r.get("Model")).toList().indexOf("bert-base-uncased");
        String target = rows.get(row).get("CUDA").startsWith("Low") ? "Medium" : "Low";

        browser.click(browser.gridCell("matrix-grid", row, "CUDA"));
        browser.find(By.id("claim-save"));
        browser.choose("Level", target);
        browser.fill("Reason for the change", "Browser test: re-measured on the nightly run");
        browser.fill("Version the change is about", "CUDA 12.4");
        browser.screenshot("claim-editor");
        browser.byId("claim-save").click();

        browser.notification("Saved CUDA claim for bert-base-uncased");
        // The cell shows the level's abbreviation (Med for Medium).
        browser.gridRowsWhen("matrix-grid", r -> r.get(row).get("CUDA").startsWith(target.substring(0, 3) + " "));
        browser.open("/models/bert-base-uncased");
        assertThat(browser.gridRows("claims-grid")).filteredOn(r -> "CUDA".equals(r.get("Platform")))
                .singleElement().satisfies(r -> assertThat(r.get("Level")).startsWith(target));
        browser.tab("History");
        assertThat(browser.gridRows("history-grid")).anySatisfy(r -> {
            assertThat(r.get("Reason")).isEqualTo("Browser test: re-measured on the nightly run");
            assertThat(r.get("By")).contains("editor");
        });
    }

    @Test
    void the_second_of_two_sessions_saving_the_same_claim_sees_a_conflict_and_the_first_save_stays(Browser first,
                                                                                                   Browser second) {
        for (Browser browser : new Browser[] {first, second}) {
            browser.signIn("editor");
            browser.open("/?q=t5-small");
            browser.gridRowsWhen("matrix-grid", r -> r.size() == 1);
            browser.click(browser.gridCell("matrix-grid", 0, "CPU"));
            browser.find(By.id("claim-save"));
        }
        first.fill("Limitations", "First session: fails above batch 64");
        first.byId("claim-save").click();
        first.notification("Saved CPU claim");

        second.fill("Limitations", "Second session: needs 8 GB");
        second.byId("claim-save").click();

        String conflict = second.until(d -> {
            var message = d.findElement(By.id("claim-conflict"));
            return message.isDisplayed() ? message.getText() : null;
        });
        assertThat(conflict).isNotBlank();
        second.screenshot("claim-conflict");
        assertThat(second.find(By.xpath("//vaadin-text-area[.//label[normalize-space()='Limitations']]//textarea"))
                .getDomProperty("value")).isEqualTo("Second session: needs 8 GB");
        first.open("/models/t5-small");
        assertThat(first.gridRows("claims-grid")).filteredOn(r -> "CPU".equals(r.get("Platform"))).singleElement()
                .satisfies(r -> assertThat(r.get("Limitations")).isEqualTo("First session: fails above batch 64"));
    }
}
