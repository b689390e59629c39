package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A viewer watches a model and one of its cells on the model page, sees them on the Watching screen, signs out; a CI
 * result arrives for the model; after signing in again the "since your last visit" panel lists it with a link.
 */
@BrowserTest
class WatchBrowserIT {

    @Test
    void a_watched_models_change_is_listed_after_the_next_sign_in(Browser admin, Browser viewer) throws Exception {
        admin.signIn("admin");
        String token = ApiToMatrixBrowserIT.createToken(admin, "watch browser test");

        viewer.resize(1440, 900);
        viewer.signIn("viewer");
        // A vision model: the other browser tests change text models, t5-small and bert-base-uncased.
        viewer.open("/?type=vision");
        String model =
                viewer.gridRowsWhen("matrix-grid", r -> !r.isEmpty()).getFirst().get("Model");
        viewer.open("/models/" + model);
        viewer.click(viewer.byId("watch-model"));
        viewer.until(d -> viewer.byId("watch-model").getText().contains("Watching"));
        viewer.click(viewer.byId("watch-cell-webgpu"));
        viewer.until(d -> viewer.byId("watch-cell-webgpu").getText().contains("Watching"));
        viewer.screenshot("watch-model-page");

        viewer.open("/watching");
        List<Map<String, String>> watches = viewer.gridRowsWhen("watches-grid", r -> r.size() == 2);
        assertThat(watches).extracting(r -> r.get("What")).containsExactlyInAnyOrder(model, model + " on WebGPU");
        viewer.screenshot("watch-watching-screen");

        viewer.byId("user-menu").click();
        viewer.find(By.id("logout")).click();
        viewer.until(d -> viewer.path().startsWith("/login"));

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(viewer.url("/api/v1/results")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"batch_id": "watch-browser-%d", "results": [{"model": "%s", "hardware": "webgpu",
                                         "level": "low", "evidence": {"run": "run-77", "framework_version": "1.0"}}]}""".formatted(System.nanoTime(), model)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);

        viewer.signIn("viewer");
        String listed = viewer.until(d -> {
            Object text = viewer.js("const p = document.querySelector('#since-summary');"
                    + " return p && document.querySelector('.watched-change') ? p.textContent : null");
            return text instanceof String s ? s : null;
        });
        assertThat(listed).contains("in what you watch since your previous visit");
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) viewer.js("return Array.from(document.querySelectorAll('.watched-change'))"
                + ".map(a => a.getAttribute('href') + ' ' + a.textContent)");
        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith("models/" + model + " WebGPU: "));
        assertThat(viewer.byId("since-last-visit-entry").getText()).startsWith("Since your last visit (");
        viewer.screenshot("watch-since-last-visit-panel");

        // Dismissed, and the watches removed, so that later sign-ins of the shared viewer meet no panel.
        viewer.click(viewer.byId("since-dismiss"));
        viewer.open("/watching");
        for (int left = 2; left > 0; left--) {
            viewer.gridRowsWhen("watches-grid", r -> !r.isEmpty());
            viewer.click(viewer.find(By.cssSelector("#watches-grid vaadin-button[id^='unwatch-']")));
            int expected = left - 1;
            viewer.gridRowsWhen("watches-grid", r -> r.size() == expected);
        }
    }
}
