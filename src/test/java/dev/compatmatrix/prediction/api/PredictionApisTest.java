package dev.compatmatrix.prediction.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.prediction.TestNextFixture;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/test-next} and {@code GET /api/v1/predictions} over the constructed set, through the real API
 * security chain: JSON pages, the CSV queue, problems for bad input, refusal without the read scope, the OpenAPI
 * document.
 */
class PredictionApisTest extends WritingIntegrationTest {

    private static final String FAMILY_A = "&family=" + TestNextFixture.FAMILY_A;

    @Autowired
    WebApplicationContext web;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    MockMvc mvc;
    String reader;
    long runId;

    @BeforeEach
    void setUp() {
        TestNextFixture.ensure(context);
        runId = TestNextFixture.adopt(context);
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(URI.create(url)).header("Authorization", "Bearer " + reader));
    }

    private JsonNode json(String url) throws Exception {
        return new ObjectMapper()
                .readTree(read(url)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void test_next_json_is_a_ranked_page_with_the_rule_the_run_and_the_total() throws Exception {
        JsonNode page = json("/api/v1/test-next?platform=rocm" + FAMILY_A + "&offset=1&limit=1");
        assertThat(page.get("run_id").asLong()).isEqualTo(runId);
        assertThat(page.get("rule").asString()).startsWith("value = entropy × log2(2 + shared_cells)");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        JsonNode a3 = page.get("items").get(0);
        assertThat(a3.get("rank").asLong()).isEqualTo(2);
        assertThat(a3.get("model").asString()).isEqualTo(TestNextFixture.A3);
        assertThat(a3.get("platform").asString()).isEqualTo("rocm");
        assertThat(a3.get("prediction").isNull()).isTrue();
        assertThat(a3.get("entropy_bits").asDouble()).isEqualTo(2.0);
        assertThat(a3.get("shared_cells").asLong()).isEqualTo(2);
        assertThat(a3.get("value").asDouble()).isCloseTo(4.0, within(1e-9));

        JsonNode a2 = json("/api/v1/test-next?platform=rocm" + FAMILY_A + "&offset=2&limit=1")
                .get("items")
                .get(0);
        assertThat(a2.get("prediction").get("text").asString()).isEqualTo("likely Low · 40 %");
        assertThat(a2.get("prediction").get("level").asString()).isEqualTo("low");
        assertThat(a2.get("prediction").get("probability").asDouble()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void test_next_csv_is_the_whole_filtered_queue_in_rank_order() throws Exception {
        String csv = read("/api/v1/test-next?format=csv&platform=rocm" + FAMILY_A + "&limit=1")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("what-to-test-next-rocm.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(records)
                .extracting(r -> r.get("rank") + " " + r.get("model") + " " + r.get("prediction"))
                .containsExactly(
                        "1 " + TestNextFixture.A1 + " no prediction",
                        "2 " + TestNextFixture.A3 + " no prediction",
                        "3 " + TestNextFixture.A2 + " likely Low · 40 %");
    }

    @Test
    void bad_test_next_parameters_are_a_400_naming_each() throws Exception {
        read("/api/v1/test-next?platform=tpu&type=robot&format=pdf&limit=0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters", hasSize(4)))
                .andExpect(
                        jsonPath("$.invalid_parameters[?(@ == 'platform=tpu')]").exists())
                .andExpect(jsonPath("$.detail").value(containsString("format=pdf")));
    }

    @Test
    void a_models_predictions_carry_probabilities_reasons_the_run_and_the_platforms_figures_beside_the_baseline()
            throws Exception {
        JsonNode answer = json("/api/v1/predictions?model=" + TestNextFixture.A1);
        assertThat(answer.get("total").asLong())
                .as("OpenVINO's prediction is not shown")
                .isEqualTo(1);
        JsonNode cuda = answer.get("items").get(0);
        assertThat(cuda.get("kind").asString()).isEqualTo("prediction");
        assertThat(cuda.get("model").asString()).isEqualTo(TestNextFixture.A1);
        assertThat(cuda.get("platform").asString()).isEqualTo("cuda");
        assertThat(cuda.get("level").asString()).isEqualTo("high");
        assertThat(cuda.get("text").asString()).isEqualTo("likely High · 97 %");
        assertThat(cuda.get("probabilities").get("high").asDouble()).isCloseTo(0.97, within(1e-9));
        assertThat(cuda.get("probabilities").get("unsupported").asDouble()).isCloseTo(0.01, within(1e-9));
        assertThat(cuda.get("entropy_bits").asDouble()).isCloseTo(TestNextFixture.entropy(0.97), within(1e-9));
        assertThat(cuda.get("reasons").get(0).asString()).isEqualTo("3 of 3 tn models are High");
        assertThat(cuda.get("run_id").asLong()).isEqualTo(runId);
        JsonNode evaluation = cuda.get("evaluation");
        assertThat(evaluation.get("accuracy").asDouble()).isEqualTo(0.9);
        assertThat(evaluation.get("baseline_accuracy").asDouble()).isEqualTo(0.6);
        assertThat(evaluation.get("macro_f1").asDouble()).isEqualTo(0.85);
        assertThat(evaluation.get("baseline_macro_f1").asDouble()).isEqualTo(0.4);
        assertThat(evaluation.get("beats_baseline").asBoolean()).isTrue();

        assertThat(json("/api/v1/predictions?model=" + TestNextFixture.A1 + "&platform=rocm")
                        .get("items"))
                .isEmpty();
        assertThat(json("/api/v1/predictions?platform=rocm").get("items"))
                .extracting(item -> item.get("model").asString())
                .containsExactly(TestNextFixture.A2);
        assertThat(json("/api/v1/predictions").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void an_unknown_model_is_a_404_and_an_unknown_platform_a_400_naming_it() throws Exception {
        read("/api/v1/predictions?model=no-such-model")
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(containsString("no-such-model")));
        read("/api/v1/predictions?model=" + TestNextFixture.A1 + "&platform=tpu")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[0]").value(containsString("platform=tpu")))
                .andExpect(jsonPath("$.invalid_parameters[0]").value(containsString("unknown platform")));
    }

    @Test
    void without_the_read_scope_both_are_refused() throws Exception {
        String writer = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
        for (String path : List.of("/api/v1/test-next", "/api/v1/predictions?model=" + TestNextFixture.A1)) {
            mvc.perform(get(URI.create(path))).andExpect(status().isUnauthorized());
            mvc.perform(get(URI.create(path)).header("Authorization", "Bearer " + writer))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void the_openapi_document_describes_both_with_their_parameters() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(mvc.perform(get("/api/openapi.json"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("paths");
        assertThat(names(paths.get("/api/v1/test-next").get("get").get("parameters")))
                .containsExactlyInAnyOrder("offset", "limit", "platform", "family", "type", "format");
        JsonNode predictions = paths.get("/api/v1/predictions").get("get");
        assertThat(names(predictions.get("parameters")))
                .containsExactlyInAnyOrder("offset", "limit", "model", "platform");
        assertThat(predictions.get("responses").has("404")).isTrue();
        assertThat(predictions.get("responses").has("400")).isTrue();
    }

    private static List<String> names(JsonNode parameters) {
        return parameters.valueStream().map(p -> p.get("name").asString()).toList();
    }
}
