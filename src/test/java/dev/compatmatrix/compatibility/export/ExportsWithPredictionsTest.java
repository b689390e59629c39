package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.PredictionFixtures;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Exports and {@code /api/v1/matrix} with {@code includePredictions=true}: the shown predictions, unmistakably marked
 * as predictions in every format (never a bare level), their reasons inert; refused with a past {@code asOf} or a value
 * that is not true/false.
 */
class ExportsWithPredictionsTest extends WritingIntegrationTest {

    @Autowired
    ExportService exports;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    PredictionFixtures predictions;
    Cell cell;
    String modelName;
    long runId;

    @BeforeEach
    void adoptAPrediction() {
        predictions = new PredictionFixtures(context);
        cell = predictions.firstUntestedCell();
        modelName = predictions.modelName(cell);
        runId = predictions.adoptHigh82(cell, "=cmd|' /C calc'!A0", "<script>alert(1)</script>");
        TestUsers.signIn("viewer", Roles.VIEWER);
    }

    @AfterEach
    void showNoPredictions() {
        predictions.showNone();
    }

    @Test
    void csv_markdown_and_html_say_predicted_in_the_cell_never_a_bare_level() throws Exception {
        CSVRecord csv = ExportFiles.csv(export(ExportFormat.CSV)).stream()
                .filter(r -> r.get("model").equals(modelName))
                .findFirst()
                .orElseThrow();
        assertThat(csv.get(cell.platform().key())).isEqualTo("predicted: likely High (82 %)");
        assertThat(csv.get(cell.platform().key() + "_validation")).isEmpty();

        String markdown = export(ExportFormat.MARKDOWN);
        assertThat(markdown).contains("\"predicted: …\" is not a claim");
        assertThat(ExportFiles.markdownRows(markdown).stream()
                        .filter(r -> ExportFiles.unescapeMarkdown(r.getFirst()).equals(modelName))
                        .findFirst()
                        .orElseThrow())
                .contains("predicted: likely High (82 %)");

        String html = export(ExportFormat.HTML);
        Element row = ExportFiles.htmlRows(html).stream()
                .filter(r -> r.child(0).text().equals(modelName))
                .findFirst()
                .orElseThrow();
        Element predicted = row.select("td.prediction").first();
        assertThat(predicted).isNotNull();
        assertThat(predicted.text()).isEqualTo("predicted: likely High (82 %)");
        assertThat(Jsoup.parse(html).select("script")).isEmpty();
    }

    @Test
    void json_carries_a_separate_predictions_object_marked_as_a_prediction_with_its_run() throws Exception {
        JsonNode json = ExportFiles.json(export(ExportFormat.JSON));
        assertThat(json.get("include_predictions").asBoolean()).isTrue();
        JsonNode row = null;
        for (JsonNode candidate : json.get("rows")) {
            if (candidate.get("model").asString().equals(modelName)) {
                row = candidate;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("platforms").get(cell.platform().key()).get("level").asString())
                .as("the claims stay as they are")
                .isEqualTo("not_tested");
        JsonNode prediction = row.get("predictions").get(cell.platform().key());
        assertThat(prediction.get("kind").asString()).isEqualTo("prediction");
        assertThat(prediction.get("level").asString()).isEqualTo("high");
        assertThat(prediction.get("probability").asDouble()).isEqualTo(0.82);
        assertThat(prediction.get("run_id").asLong()).isEqualTo(runId);
        assertThat(prediction.get("reasons").get(1).asString()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void the_api_takes_include_predictions_and_refuses_it_with_a_past_as_of_or_a_bad_value() throws Exception {
        // Page through the whole matrix: the shared test database holds thousands of other tests' models.
        JsonNode row = null;
        for (int offset = 0; row == null; offset += 500) {
            String body = read("/api/v1/matrix?limit=500&includePredictions=true&offset=" + offset)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            JsonNode page = ExportFiles.json(body);
            if (page.get("items").isEmpty()) {
                break;
            }
            for (JsonNode item : page.get("items")) {
                if (item.get("model").asString().equals(modelName)) {
                    row = item;
                }
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("platforms").get(cell.platform().key()).isNull()).isTrue();
        JsonNode prediction = row.get("predictions").get(cell.platform().key());
        assertThat(prediction.get("kind").asString()).isEqualTo("prediction");
        assertThat(prediction.get("probabilities").get("high").asDouble()).isEqualTo(0.82);
        assertThat(prediction.get("run_id").asLong()).isEqualTo(runId);

        assertThat(read("/api/v1/matrix?limit=500").andReturn().getResponse().getContentAsString())
                .doesNotContain("predictions");
        assertThat(read("/api/v1/matrix/export?format=csv&includePredictions=true")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("predicted: likely High (82 %)");
        assertThat(read("/api/v1/matrix?includePredictions=yes")
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("includePredictions=yes (expected true or false)");
        assertThat(read("/api/v1/matrix/export?format=json&includePredictions=true&asOf=2026-06-01")
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("predictions are of now only");
        assertThat(read("/api/openapi.json").andReturn().getResponse().getContentAsString())
                .contains("includePredictions");
    }

    private String export(ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.exportWithPredictions(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private ResultActions read(String url) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        String token = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }
}
