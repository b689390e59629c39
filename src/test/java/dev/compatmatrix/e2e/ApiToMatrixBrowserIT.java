package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Platform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin creates an API token on its screen; a CI result posted with it for a not-tested cell shows in a matrix
 * that was open all along, once the grid fetches again (the matrix does not push: a sort, filter or reload reads it).
 */
@BrowserTest
class ApiToMatrixBrowserIT {

    @Test
    void a_result_posted_through_the_api_appears_in_the_open_matrix(Browser admin, Browser viewer) throws Exception {
        admin.signIn("admin");
        String token = createToken(admin, "browser test pipeline");

        viewer.signIn("viewer");
        // A model no other browser test changes (they edit t5-small and bert-base-uncased, export the audio models).
        viewer.open("/?type=text_generation");
        Map<String, String> row = viewer.gridRowsWhen("matrix-grid", r -> !r.isEmpty()).stream()
                .filter(r -> r.containsValue("Not tested"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No text generation demo model has a not-tested cell"));
        String model = row.get("Model");
        Platform untested = Arrays.stream(Platform.values())
                .filter(p -> row.get(p.label()).equals("Not tested"))
                .findFirst()
                .orElseThrow();
        viewer.open("/?q=" + java.net.URLEncoder.encode(model, java.nio.charset.StandardCharsets.UTF_8));
        viewer.gridRowsWhen("matrix-grid", r -> r.size() == 1);

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(viewer.url("/api/v1/results")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        """
                        {"batch_id": "browser-test-%d", "results": [{"model": "%s", "hardware": "%s", "level": "low",
                         "evidence": {"run": "run-42", "framework_version": "1.0"}}]}""".formatted(System.nanoTime(), model, untested.key())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
        assertThat(answer.body()).contains("\"created\":1");

        // The open page fetches again when the user sorts (no reload): the new claim is there.
        viewer.click(viewer.find(By.xpath("//vaadin-grid-sorter[normalize-space()='" + untested.label() + "']")));
        viewer.gridRowsWhen(
                "matrix-grid",
                r -> r.size() == 1 && r.getFirst().get(untested.label()).startsWith("Low "));
        viewer.screenshot("matrix-after-api-result");
    }

    /** Creates a token for nightly-ci on the API tokens screen as an admin does; its secret as the dialog shows it. */
    static String createToken(Browser admin, String name) {
        admin.open("/admin/tokens");
        admin.fill("Name", name);
        admin.choose("Validator", "nightly-ci (level 2)");
        admin.byId("token-create").click();
        return admin.until(d -> {
            Object value = admin.js("const f = document.querySelector('#token-secret textarea'); return f && f.value");
            return value instanceof String secret && secret.startsWith("cmc_") ? secret : null;
        });
    }
}
