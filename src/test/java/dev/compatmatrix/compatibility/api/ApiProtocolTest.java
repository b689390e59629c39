package dev.compatmatrix.compatibility.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.ingest.IngestApiSupport.ApiCaller;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/** What the API answers besides its data: missing names, overflowing pages, unknown paths, HEAD, OPTIONS, 405. */
class ApiProtocolTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    ApiCaller api;

    @BeforeEach
    void setUp() {
        api = IngestApiSupport.caller(context, tokens, ApiScope.READ);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return api.perform(request).andReturn().getResponse();
    }

    @Test
    void the_models_path_without_a_name_is_a_404_problem() throws Exception {
        for (String url : new String[] {"/api/v1/models", "/api/v1/models/"}) {
            api.perform(get(url))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(
                            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/api/v1/models/{name}")));
        }
    }

    @Test
    void an_offset_near_the_integer_limit_is_a_400_problem_not_a_500() throws Exception {
        for (String url : new String[] {
            "/api/v1/matrix?offset=2147483600",
            "/api/v1/recommendations?offset=2147483600",
            "/api/v1/models/llama-7b/history?offset=2147483600"
        }) {
            api.perform(get(url))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.invalid_parameters[0]")
                            .value(org.hamcrest.Matchers.startsWith("offset=2147483600")));
        }
        api.perform(get("/api/v1/matrix?offset=1000000&limit=500"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void an_unknown_path_under_api_is_a_404_problem_not_the_web_app() throws Exception {
        for (String url : new String[] {"/api/v1/nothing-here", "/api/v1/matrix/rows", "/api/v2/matrix"}) {
            MockHttpServletResponse response = call(get(url));
            assertThat(response.getStatus()).as(url).isEqualTo(404);
            assertThat(response.getContentType()).as(url).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getContentAsString())
                    .as(url)
                    .contains("\"title\":\"Not found\"")
                    .doesNotContain("<html");
        }
    }

    /** The body itself is dropped by the servlet container (Tomcat) for HEAD; MockMvc keeps what was written. */
    @Test
    void head_answers_with_gets_status_and_headers() throws Exception {
        for (String url : new String[] {
            "/api/v1/matrix?limit=3",
            "/api/v1/models/llama-7b",
            "/api/v1/recommendations",
            "/api/v1/matrix/export?format=csv"
        }) {
            MockHttpServletResponse got = call(get(url));
            MockHttpServletResponse headed = call(head(url));
            assertThat(headed.getStatus()).as(url).isEqualTo(200);
            assertThat(headed.getContentType()).as(url).isEqualTo(got.getContentType());
            assertThat(headed.getHeader("Content-Disposition")).as(url).isEqualTo(got.getHeader("Content-Disposition"));
        }
    }

    @Test
    void options_lists_the_allowed_methods_and_a_wrong_method_is_a_405_with_allow() throws Exception {
        api.mvc()
                .perform(options("/api/v1/matrix"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Allow",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("GET"),
                                        org.hamcrest.Matchers.containsString("HEAD"),
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("POST")))));
        api.mvc()
                .perform(options("/api/v1/results"))
                .andExpect(status().isOk())
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("POST")));
        MockHttpServletResponse deleted = call(delete("/api/v1/matrix"));
        assertThat(deleted.getStatus()).isEqualTo(405);
        assertThat(deleted.getHeader("Allow")).contains("GET");
        assertThat(deleted.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        MockHttpServletResponse posted = call(post("/api/v1/models/llama-7b"));
        assertThat(posted.getStatus()).isEqualTo(405);
        assertThat(posted.getHeader("Allow")).contains("GET");
    }

    @Test
    void a_misspelt_parameter_is_refused_on_every_endpoint_naming_it_and_the_accepted_ones() throws Exception {
        String[][] cases = {
            {"/api/v1/recommendations?tsak=text_generation", "tsak", "task"},
            {"/api/v1/models/llama-7b/history?limt=5", "limt", "limit"},
            {"/api/v1/models/llama-7b?verbose=1", "verbose", null},
            {"/api/v1/matrix?familly=llama", "familly", "family"},
            {"/api/v1/matrix/export?format=csv&sortt=-score", "sortt", "sort"}
        };
        for (String[] c : cases) {
            var result = api.perform(get(c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.invalid_parameters[0]").value(c[1] + " (unknown parameter)"))
                    .andExpect(
                            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Accepted parameters: ")));
            if (c[2] != null) {
                result.andExpect(jsonPath("$.accepted_parameters", org.hamcrest.Matchers.hasItem(c[2])));
            } else {
                result.andExpect(jsonPath("$.accepted_parameters").isEmpty());
            }
        }
    }
}
