package dev.compatmatrix.compatibility.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The read API over the demo data, through the real API security chain. */
class ReadApiTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String reader;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + reader));
    }

    @Test
    void the_matrix_pages_with_the_screens_filters() throws Exception {
        read("/api/v1/matrix")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(43))
                .andExpect(jsonPath("$.items", hasSize(43)))
                .andExpect(jsonPath("$.items[0].platforms.cpu").exists());
        long audioOnWebgpu = jdbc.sql("""
                SELECT count(*) FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                WHERE m.model_type = 'audio' AND c.webgpu_support""").query(Long.class).single();
        read("/api/v1/matrix?type=audio&platform=webgpu:supported&sort=-score&limit=2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(audioOnWebgpu))
                .andExpect(jsonPath("$.limit").value(2))
                .andExpect(jsonPath("$.items[0].type").value("audio"));
    }

    @Test
    void bad_parameters_are_a_400_naming_them() throws Exception {
        read("/api/v1/matrix?type=robot&limit=100000&minScore=abc&minscore=0.5")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid query parameters"))
                .andExpect(jsonPath("$.invalid_parameters", hasSize(4)))
                .andExpect(jsonPath("$.invalid_parameters[?(@ == 'minscore (unknown parameter)')]")
                        .exists());
    }

    @Test
    void a_model_its_history_and_a_name_with_a_slash() throws Exception {
        read("/api/v1/models/bert-base-uncased")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("bert-base-uncased"))
                .andExpect(jsonPath("$.platforms.cuda.level").exists())
                .andExpect(jsonPath("$.recommendations").isArray());
        long llama = jdbc.sql("""
                SELECT count(*) FROM compatibility_history ch JOIN models m ON m.model_id = ch.model_id
                WHERE m.model_name = 'llama-7b'""").query(Long.class).single();
        read("/api/v1/models/llama-7b/history?limit=5")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(llama))
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[0].model_name").value("llama-7b"));
        read("/api/v1/models/prajjwal1/bert-tiny")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("prajjwal1/bert-tiny"));
        read("/api/v1/models/prajjwal1/bert-tiny/history").andExpect(status().isOk());
        read("/api/v1/models/no-such-model")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No model named 'no-such-model'"));
    }

    @Test
    void a_models_claims_carry_the_stale_and_disputed_marks_with_the_disputing_result() throws Exception {
        read("/api/v1/models/bert-base-uncased")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.platforms.qualcomm.disputed").value(true))
                .andExpect(
                        jsonPath("$.platforms.qualcomm.disputed_by.validator").value("nightly-ci"))
                .andExpect(jsonPath("$.platforms.qualcomm.disputed_by.reported_level")
                        .value("medium"))
                .andExpect(jsonPath("$.platforms.qualcomm.disputed_by.evidence_run")
                        .value("nightly-4201"))
                .andExpect(jsonPath("$.platforms.openvino.stale").value(true))
                .andExpect(jsonPath("$.platforms.openvino.stale_reason")
                        .value(org.hamcrest.Matchers.containsString("before the age limit")))
                .andExpect(jsonPath("$.platforms.cuda.disputed").value(false))
                .andExpect(jsonPath("$.platforms.cuda.disputed_by").doesNotExist());
    }

    @Test
    void recommendations_filter_like_the_screen() throws Exception {
        long t5 = jdbc.sql("""
                SELECT count(*) FROM hardware_recommendations hr JOIN models m ON m.model_id = hr.model_id
                WHERE m.model_name ILIKE '%t5%' AND hr.task_type = 'text_generation'""").query(Long.class).single();
        read("/api/v1/recommendations?task=text_generation&model=t5")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(t5));
        assertThat(t5).isPositive();
    }

    @Test
    void reading_needs_the_read_scope_and_never_a_session() throws Exception {
        mvc.perform(get("/api/v1/matrix")).andExpect(status().isUnauthorized());
        String writer = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
        mvc.perform(get("/api/v1/matrix").header("Authorization", "Bearer " + writer))
                .andExpect(status().isForbidden());
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user("viewer")
                                .password("viewer"))
                .andReturn()
                .getRequest()
                .getSession();
        mvc.perform(get("/api/v1/matrix").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/results'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/matrix'].get").exists());
        mvc.perform(get("/api/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
