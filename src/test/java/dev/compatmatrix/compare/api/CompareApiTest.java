package dev.compatmatrix.compare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compare.CompareService;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ModelSelection;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/compare} through the real API security chain: the screen's comparison as JSON, a 400 for too few
 * or too many models, a 404 naming an unknown one, refusal without the read scope, the OpenAPI document.
 */
class CompareApiTest extends WritingIntegrationTest {

    private static final String MODELS = "bert-base-uncased,prajjwal1/bert-tiny,roberta-base";

    @Autowired
    WebApplicationContext web;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    CompareService service;

    MockMvc mvc;
    String reader;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    private ResultActions compare(String models, String token) throws Exception {
        return mvc.perform(
                get(URI.create("/api/v1/compare?models=" + URLEncoder.encode(models, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token));
    }

    @Test
    void three_models_come_back_platform_by_platform_as_the_screen_compares_them() throws Exception {
        JsonNode answer = new ObjectMapper()
                .readTree(compare(MODELS, reader)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        signIn("viewer", Roles.VIEWER);
        Comparison screen = service.comparison(ModelSelection.parse(MODELS));

        assertThat(answer.get("models").valueStream().map(JsonNode::asString).toList())
                .containsExactly("bert-base-uncased", "prajjwal1/bert-tiny", "roberta-base");
        assertThat(answer.get("common_performance_basis").get("task").asString())
                .isEqualTo(screen.common().taskType());
        assertThat(answer.get("platforms")).hasSize(Platform.values().length);
        for (Platform platform : Platform.values()) {
            JsonNode row = answer.get("platforms").get(platform.ordinal());
            Comparison.PlatformRow expected = screen.rows().get(platform.ordinal());
            assertThat(row.get("platform").asString()).isEqualTo(platform.key());
            assertThat(row.get("differs").asBoolean()).isEqualTo(expected.differs());
            for (int i = 0; i < 3; i++) {
                JsonNode cell = row.get("models").get(i);
                Comparison.Cell want = expected.cells().get(i);
                assertThat(cell.get("model").asString()).isEqualTo(want.model());
                assertThat(cell.get("level").isNull() ? null : cell.get("level").asString())
                        .isEqualTo(want.level() == null ? null : want.level().key());
                assertThat(cell.get("stale").asBoolean()).isEqualTo(want.stale());
                if (want.measurement() != null) {
                    assertThat(cell.get("performance")
                                    .get("throughput_items_per_s")
                                    .asDouble())
                            .isEqualTo(want.measurement().throughputItemsPerS());
                    assertThat(cell.get("performance")
                                    .get("basis")
                                    .get("batch_size")
                                    .asInt())
                            .isEqualTo(want.measurement().choice().batchSize());
                }
            }
        }
    }

    @Test
    void fewer_than_two_or_more_than_six_models_are_a_400_that_says_so() throws Exception {
        compare("bert-base-uncased", reader)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Compare takes 2 to 6 models; only 1 was given")));
        compare("a,b,c,d,e,f,g", reader)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Compare takes 2 to 6 models; 7 were given")));
        mvc.perform(get("/api/v1/compare").header("Authorization", "Bearer " + reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("none was given")));
    }

    @Test
    void an_unknown_model_is_a_404_naming_it() throws Exception {
        compare("bert-base-uncased,no-such-model", reader)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No model named 'no-such-model'"));
    }

    @Test
    void a_token_without_the_read_scope_is_refused() throws Exception {
        String writer = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
        compare(MODELS, writer).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/compare?models=a,b")).andExpect(status().isUnauthorized());
    }

    @Test
    void the_openapi_document_describes_the_models_parameter_and_the_problems() throws Exception {
        JsonNode compare = new ObjectMapper()
                .readTree(mvc.perform(get("/api/openapi.json"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("paths")
                .get("/api/v1/compare")
                .get("get");
        assertThat(compare.get("parameters")
                        .valueStream()
                        .map(p -> p.get("name").asString())
                        .toList())
                .isEqualTo(List.of("models"));
        assertThat(compare.get("responses").has("404")).isTrue();
        assertThat(compare.get("responses").has("400")).isTrue();
    }
}
