package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An editor edits a claim from the matrix; two sessions saving the same claim: the second sees the first's values
 * beside its own and chooses; removing asks first; the form shows all its errors at once.
 */
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
        fillInView(browser, "Reason for the change", "Browser test: re-measured on the nightly run");
        fillInView(browser, "Version the change is about", "CUDA 12.4");
        browser.screenshot("claim-editor");
        browser.byId("claim-save").click();

        browser.notification("Saved CUDA claim for bert-base-uncased");
        // The cell shows the level's abbreviation (Med for Medium).
        browser.gridRowsWhen("matrix-grid", r -> r.get(row).get("CUDA").startsWith(target.substring(0, 3) + " "));
        browser.open("/models/bert-base-uncased");
        assertThat(browser.gridRows("claims-grid"))
                .filteredOn(r -> "CUDA".equals(r.get("Platform")))
                .singleElement()
                .satisfies(r -> assertThat(r.get("Level")).startsWith(target));
        browser.tab("History");
        assertThat(browser.gridRows("history-grid")).anySatisfy(r -> {
            assertThat(r.get("Reason")).isEqualTo("Browser test: re-measured on the nightly run");
            assertThat(r.get("By")).contains("editor");
        });
    }

    @Test
    void after_a_conflict_the_second_session_sees_theirs_beside_its_own_chooses_per_field_and_keeps_the_first_text(
            Browser first, Browser second) {
        for (Browser browser : new Browser[] {first, second}) {
            browser.signIn("editor");
            browser.open("/?q=t5-small");
            browser.gridRowsWhen("matrix-grid", r -> r.size() == 1);
            browser.click(browser.gridCell("matrix-grid", 0, "CPU"));
            browser.find(By.id("claim-save"));
        }
        first.fill("Limitations", "First session: fails above batch 64");
        first.fill("Workarounds", "First session: use fp32");
        first.byId("claim-save").click();
        first.notification("Saved CPU claim");

        second.fill("Limitations", "Second session: needs 8 GB");
        second.fill("Performance notes", "Second session: 12 tokens/s");
        second.byId("claim-save").click();

        String conflict = second.until(d -> {
            var message = d.findElement(By.id("claim-conflict"));
            return message.isDisplayed() ? message.getText() : null;
        });
        assertThat(conflict).contains("editor saved this claim after you opened it");
        assertThat(second.byId("conflict-theirs-limitations").getText())
                .isEqualTo("First session: fails above batch 64");
        assertThat(second.byId("conflict-mine-limitations").getText()).isEqualTo("Second session: needs 8 GB");
        assertThat(second.byId("conflict-theirs-workarounds").getText()).isEqualTo("First session: use fp32");
        assertThat(textArea(second, "Workarounds"))
                .as("only the first session changed it: the form shows its text")
                .isEqualTo("First session: use fp32");
        assertThat(textArea(second, "Limitations")).isEqualTo("Second session: needs 8 GB");
        second.screenshot("claim-conflict");

        second.byId("claim-save").click();
        // A field both changed needs a choice before saving: the group says so (the wait fails otherwise).
        second.until(d -> d.findElement(By.id("conflict-choice-limitations")).getAttribute("invalid") != null
                && d.findElement(By.id("conflict-choice-limitations")).getText().contains("keep yours or take theirs"));

        second.find(By.xpath(
                        "//*[@id='conflict-choice-limitations']//vaadin-radio-button[normalize-space()='Take theirs']"))
                .click();
        second.awaitIdle();
        assertThat(textArea(second, "Limitations")).isEqualTo("First session: fails above batch 64");
        second.byId("claim-save").click();
        second.notification("Saved CPU claim");

        second.open("/models/t5-small");
        assertThat(second.gridRows("claims-grid"))
                .filteredOn(r -> "CPU".equals(r.get("Platform")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("Limitations")).isEqualTo("First session: fails above batch 64");
                    assertThat(r.get("Workarounds")).isEqualTo("First session: use fp32");
                    assertThat(r.get("Performance notes")).isEqualTo("Second session: 12 tokens/s");
                });
    }

    @Test
    void remove_claim_asks_for_the_reason_first_and_cancel_keeps_the_claim(Browser browser) {
        browser.signIn("editor");
        browser.open("/?q=gpt2");
        var rows = browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        int row = rows.stream().map(r -> r.get("Model")).toList().indexOf("gpt2");
        String before = rows.get(row).get("CPU");
        browser.click(browser.gridCell("matrix-grid", row, "CPU"));
        browser.byId("claim-remove").click();
        browser.byId("remove-confirm").click();
        browser.until(d -> d.findElement(By.id("remove-reason")).getAttribute("invalid") != null
                && d.findElement(By.id("remove-reason")).getText().contains("Removing a claim needs a reason"));
        browser.screenshot("remove-claim");

        browser.byId("remove-cancel").click();
        browser.until(d -> d.findElements(By.id("remove-reason")).isEmpty());
        browser.find(By.xpath("//vaadin-button[normalize-space()='Cancel']")).click();
        browser.open("/?q=gpt2");
        assertThat(browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty())
                        .get(row)
                        .get("CPU"))
                .isEqualTo(before);
    }

    @Test
    void the_claim_form_shows_every_error_at_once(Browser browser) {
        browser.signIn("editor");
        browser.open("/?q=bert-base-uncased");
        var rows = browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        int row = rows.stream().map(r -> r.get("Model")).toList().indexOf("bert-base-uncased");
        String target = rows.get(row).get("ROCm").startsWith("Low") ? "Medium" : "Low";
        browser.click(browser.gridCell("matrix-grid", row, "ROCm"));
        browser.find(By.id("claim-save"));
        browser.choose("Level", target);
        browser.fill("Test run (id or link)", "not a link with spaces");
        fillInView(browser, "Limitations", "x".repeat(2001));
        browser.byId("claim-save").click();

        var invalid = browser.until(d -> {
            @SuppressWarnings("unchecked")
            var labels = (java.util.List<String>) browser.js("return [...document.querySelectorAll("
                    + "'vaadin-text-area[invalid], vaadin-text-field[invalid]')].map(f => f.label)");
            return labels.size() >= 4 ? labels : null;
        });
        assertThat(invalid)
                .contains(
                        "Limitations", "Test run (id or link)", "Reason for the change", "Version the change is about");
        assertThat(browser.find(By.xpath("//vaadin-text-area[.//label[normalize-space()='Limitations']]"))
                        .getText())
                .contains("2,001 / 2,000", "At most 2,000 characters (this has 2,001)");
        browser.resize(1400, 2400);
        browser.screenshot("claim-errors");
    }

    /** Scrolls the field into the dialog's view first: the claim form is taller than the window. */
    private static void fillInView(Browser browser, String label, String text) {
        browser.js(
                "arguments[0].scrollIntoView({block: 'center'})",
                browser.find(
                        By.xpath("//*[self::vaadin-text-field or self::vaadin-text-area][.//label[normalize-space()='"
                                + label + "']]")));
        browser.fill(label, text);
    }

    private static String textArea(Browser browser, String label) {
        return browser.find(By.xpath("//vaadin-text-area[.//label[normalize-space()='" + label + "']]//textarea"))
                .getDomProperty("value");
    }
}
