package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Platform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Two sessions: what one saves through the form, and what CI posts through the API, shows in the other session's open
 * matrix and model page within a second (pushed, no reload, the grid's scroll position kept), with the changed cell
 * marked; a claim form half filled in the other session keeps its input and says the claim changed.
 */
@BrowserTest
class LiveMatrixBrowserIT {

    /** A demo model no other browser test changes, for the form. */
    private static final String MODEL = "google/flan-t5-base";

    private static final long WITHIN_MS = 1000;

    @Test
    void a_save_and_a_ci_post_show_in_the_other_sessions_matrix_and_model_page_within_a_second(
            Browser admin, Browser editor, Browser watcher) throws Exception {
        admin.signIn("admin");
        String token = ApiToMatrixBrowserIT.createToken(admin, "live browser test");
        editor.signIn("editor");
        Map<String, String> row = modelToChange(editor);
        String model = row.get("Model");
        Platform edited = Arrays.stream(Platform.values())
                .filter(p -> !row.get(p.label()).startsWith("Not tested"))
                .findFirst()
                .orElseThrow();
        Platform posted = Arrays.stream(Platform.values())
                .filter(p -> row.get(p.label()).startsWith("Not tested"))
                .findFirst()
                .orElseThrow();

        watcher.signIn("viewer");
        watcher.open("/");
        long scrollTop = scrollTo(watcher, model);

        String level = saveOtherLevel(editor, model, edited, row.get(edited.label()));
        long saveToMatrix = millisUntil(
                watcher, matrixCell(watcher, model, edited, text -> text.startsWith(abbreviated(level) + " ")));
        WebElement marked = cellOf(watcher, model, edited);
        assertThat(marked.findElements(By.cssSelector(".live-changed"))).hasSize(1);
        assertThat(marked.getText()).contains("Updated");
        watcher.screenshot("live-matrix-marked-cell");

        post(editor, token, model, posted, "low");
        long postToMatrix = millisUntil(watcher, matrixCell(watcher, model, posted, text -> text.startsWith("Low ")));
        assertThat(cellOf(watcher, model, posted).getText()).contains("Updated");
        assertThat(scrollTop(watcher))
                .as("the grid stays where the user scrolled")
                .isEqualTo(scrollTop);

        watcher.open("/models/" + model);
        watcher.gridRowsWhen("claims-grid", r -> r.size() == 8);
        String levelAgain = saveOtherLevel(editor, model, edited, abbreviated(level) + " ");
        long saveToModelPage = millisUntil(watcher, platformRow(watcher, edited, levelAgain));
        assertThat(platformLevel(watcher, edited)).contains("Updated");
        watcher.screenshot("live-matrix-model-page");

        post(editor, token, model, posted, "medium");
        long postToModelPage = millisUntil(watcher, platformRow(watcher, posted, "Medium"));

        System.out.printf(
                "Live matrix: save → other matrix %d ms, CI post → other matrix %d ms, save → other model page %d ms,"
                        + " CI post → other model page %d ms%n",
                saveToMatrix, postToMatrix, saveToModelPage, postToModelPage);
        assertThat(List.of(saveToMatrix, postToMatrix, saveToModelPage, postToModelPage))
                .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(WITHIN_MS));
    }

    @Test
    void a_half_filled_form_keeps_its_input_and_says_at_once_that_the_claim_changed(Browser first, Browser second) {
        for (Browser browser : List.of(first, second)) {
            browser.signIn("editor");
            browser.open("/?q=" + MODEL);
            browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        }
        Map<String, String> row = second.gridRows("matrix-grid").stream()
                .filter(r -> MODEL.equals(r.get("Model")))
                .findFirst()
                .orElseThrow();
        Platform platform = Arrays.stream(Platform.values())
                .filter(p -> !row.get(p.label()).startsWith("Not tested"))
                .reduce((a, b) -> b)
                .orElseThrow();
        second.click(cellOf(second, MODEL, platform));
        second.find(By.id("claim-save"));
        second.fill("Limitations", "Second session: half-typed limitation");

        saveOtherLevel(first, MODEL, platform, row.get(platform.label()));
        long saveToNotice =
                millisUntil(second, d -> second.byId("claim-changed-notice").isDisplayed());

        String notice = second.byId("claim-changed-notice").getText();
        System.out.printf(
                "Live matrix: save → notice in the other session's open form %d ms: %s%n", saveToNotice, notice);
        assertThat(notice)
                .startsWith("You (in another window) changed this claim just now: level")
                .contains("What you typed is kept");
        assertThat(second.find(By.xpath("//vaadin-text-area[.//label[normalize-space()='Limitations']]//textarea"))
                        .getDomProperty("value"))
                .isEqualTo("Second session: half-typed limitation");
        second.screenshot("live-matrix-form-notice");
        assertThat(saveToNotice).isLessThanOrEqualTo(WITHIN_MS);
    }

    /**
     * A model of a type no other browser test changes (they change text generation, audio and a few named models)
     * with a tested and a not-tested cell: its matrix row.
     */
    private static Map<String, String> modelToChange(Browser editor) {
        for (String type : List.of("multimodal", "vision_language", "vision", "text2text", "text_embedding")) {
            editor.open("/?type=" + type);
            var found = editor.gridRowsWhen("matrix-grid", r -> !r.isEmpty()).stream()
                    .filter(r -> r.containsValue("Not tested")
                            && Arrays.stream(Platform.values())
                                    .anyMatch(p -> !r.get(p.label()).startsWith("Not tested")))
                    .filter(r ->
                            !r.get("Model").contains("t5-") && !r.get("Model").contains("bert"))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError("No demo model has a tested and a not-tested cell");
    }

    /**
     * The editor opens the cell's form from the matrix, saves another level than {@code shown} (the cell's text now)
     * with a reason and version, and waits for the save to return; the level saved.
     */
    private static String saveOtherLevel(Browser editor, String model, Platform platform, String shown) {
        String level = shown.startsWith("Low") ? "Medium" : "Low";
        editor.open("/?q=" + java.net.URLEncoder.encode(model, java.nio.charset.StandardCharsets.UTF_8));
        editor.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        editor.click(cellOf(editor, model, platform));
        editor.find(By.id("claim-save"));
        editor.choose("Level", level);
        for (String[] field : new String[][] {
            {"Reason for the change", "Live browser test: re-measured"}, {"Version the change is about", "live 1.0"}
        }) {
            editor.js(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    editor.find(By.xpath("//vaadin-text-area[.//label[normalize-space()='" + field[0]
                            + "']] | //vaadin-text-field" + "[.//label[normalize-space()='" + field[0] + "']]")));
            editor.fill(field[0], field[1]);
        }
        editor.byId("claim-save").click();
        editor.notification("Saved " + platform.label() + " claim for " + model);
        return level;
    }

    /** Posts one CI result for the model's cell through the API, as a pipeline does. */
    private static void post(Browser browser, String token, String model, Platform platform, String level)
            throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.url("/api/v1/results")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        """
                        {"batch_id": "live-%d", "results": [{"model": "%s", "hardware": "%s", "level": "%s",
                         "evidence": {"run": "run-live", "framework_version": "1.0"}}]}""".formatted(System.nanoTime(), model, platform.key(), level)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
    }

    /** Milliseconds from now until the condition holds in the browser (polled every 50 ms). */
    private static long millisUntil(
            Browser browser, java.util.function.Function<org.openqa.selenium.WebDriver, ?> condition) {
        long start = System.nanoTime();
        browser.until(condition);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> matrixCell(
            Browser browser, String model, Platform platform, Predicate<String> shows) {
        return d -> browser.gridRowsWhen("matrix-grid", r -> true).stream()
                .filter(r -> model.equals(r.get("Model")))
                .anyMatch(r -> shows.test(r.get(platform.label())));
    }

    private static java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> platformRow(
            Browser browser, Platform platform, String level) {
        return d -> platformLevel(browser, platform).startsWith(level);
    }

    private static String platformLevel(Browser browser, Platform platform) {
        return browser.gridRowsWhen("claims-grid", r -> r.size() == 8).stream()
                .filter(r -> platform.label().equals(r.get("Platform")))
                .findFirst()
                .orElseThrow()
                .get("Level");
    }

    /** "Med" for Medium, as the matrix's cells abbreviate it. */
    private static String abbreviated(String level) {
        return level.equals("Medium") ? "Med" : level;
    }

    /** The content of the model's cell for the platform among the rendered rows of the matrix. */
    private static WebElement cellOf(Browser browser, String model, Platform platform) {
        var rows = browser.gridRowsWhen("matrix-grid", r -> r.stream().anyMatch(m -> model.equals(m.get("Model"))));
        int place = rows.stream().map(r -> r.get("Model")).toList().indexOf(model);
        return browser.gridCell("matrix-grid", place, platform.label());
    }

    /** Scrolls the matrix down (it pages from the database) until the model's row is among those shown; the offset. */
    private static long scrollTo(Browser browser, String model) {
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        for (int index : new int[] {10, 20, 30, 0}) {
            browser.js("document.getElementById('matrix-grid').scrollToIndex(arguments[0])", index);
            browser.awaitIdle();
            if (browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty()).stream()
                    .anyMatch(r -> model.equals(r.get("Model")))) {
                return scrollTop(browser);
            }
        }
        throw new AssertionError("The matrix never showed " + model);
    }

    private static long scrollTop(Browser browser) {
        return ((Number) browser.js("return document.getElementById('matrix-grid').$.table.scrollTop")).longValue();
    }
}
