package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The matrix's filters live in the URL: a filtered view can be shared, and a row opens its model. */
@BrowserTest
class MatrixBrowserIT {

    /** The demo data's audio models (db/demo-models.csv). */
    static final int AUDIO_MODELS = 6;

    @Test
    void a_filter_shows_only_matching_rows_and_its_url_opens_the_same_view_in_another_session(
            Browser viewer, Browser editor) {
        viewer.signIn("viewer");
        viewer.byId("filter-toggle").click();
        viewer.choose("Type", "audio");
        // The Type column is one of the descriptive columns the Columns menu adds.
        viewer.find(By.cssSelector("#column-menu vaadin-menu-bar-button")).click();
        viewer.find(By.xpath("//vaadin-menu-bar-item[normalize-space()='Type']"))
                .click();
        viewer.awaitIdle();
        viewer.keys().sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();

        viewer.until(d -> viewer.path().contains("type=audio"));
        List<Map<String, String>> rows = viewer.gridRowsWhen(
                "matrix-grid", r -> r.size() == AUDIO_MODELS && r.getFirst().containsKey("Type"));
        assertThat(rows).extracting(r -> r.get("Type")).containsOnly("audio");
        assertThat(viewer.byId("row-count").getText()).isEqualTo(AUDIO_MODELS + " models");
        viewer.screenshot("matrix-filtered-audio");

        String shared = viewer.path();
        editor.signIn("editor");
        editor.open(shared);
        assertThat(editor.gridRowsWhen("matrix-grid", r -> r.size() == AUDIO_MODELS))
                .extracting(r -> r.get("Model"))
                .containsExactlyElementsOf(
                        rows.stream().map(r -> r.get("Model")).toList());
        assertThat(editor.byId("filter-toggle").getText()).isEqualTo("Filters (1)");
        editor.byId("filter-toggle").click();
        assertThat(editor.find(By.xpath("//vaadin-select[.//label[normalize-space()='Type']]"))
                        .getText())
                .contains("audio");
    }

    @Test
    void a_row_opens_its_model_page(Browser browser) {
        browser.signIn("viewer");
        browser.open("/?q=whisper-tiny");
        browser.gridRowsWhen("matrix-grid", r -> r.size() == 1);

        browser.click(browser.gridCell("matrix-grid", 0, "Model"));

        browser.until(d -> browser.path().startsWith("/models/"));
        assertThat(browser.byId("model-name").getText()).isEqualTo("openai/whisper-tiny");
        assertThat(browser.gridRows("claims-grid")).hasSize(8);
        browser.screenshot("model-page");
    }
}
