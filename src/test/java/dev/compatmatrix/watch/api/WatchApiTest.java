package dev.compatmatrix.watch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code /api/v1/watches} through the real filter chains: the token's own watches, by scope. */
class WatchApiTest extends WritingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    WatchService watches;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String model;
    String family;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        model = jdbc.sql("SELECT min(model_name) FROM models WHERE deleted_at IS NULL")
                .query(String.class)
                .single();
        family = jdbc.sql("SELECT min(model_family) FROM models WHERE deleted_at IS NULL")
                .query(String.class)
                .single();
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private String token(ApiScope... scopes) {
        String secret = IngestApiSupport.token(tokens, "nightly-ci", scopes);
        SecurityContextHolder.clearContext();
        return secret;
    }

    @Test
    void without_a_token_every_method_is_answered_401() throws Exception {
        call(get("/api/v1/watches"), null).andExpect(status().isUnauthorized());
        call(post("/api/v1/watches").param("platform", "cuda"), null)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(delete("/api/v1/watches").param("platform", "cuda"), null).andExpect(status().isUnauthorized());
    }

    @Test
    void a_read_token_lists_its_watches_but_may_not_change_them() throws Exception {
        String reader = token(ApiScope.READ);
        call(get("/api/v1/watches"), reader)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(0));
        call(post("/api/v1/watches").param("platform", "cuda"), reader)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"));
        call(delete("/api/v1/watches").param("platform", "cuda"), reader).andExpect(status().isForbidden());
        String resultsWriter = token(ApiScope.RESULTS_WRITE);
        call(post("/api/v1/watches").param("platform", "cuda"), resultsWriter).andExpect(status().isForbidden());
    }

    @Test
    void a_write_token_watches_a_cell_once_lists_it_and_unwatches_it() throws Exception {
        String token = token(ApiScope.READ, ApiScope.WATCHES_WRITE);
        call(post("/api/v1/watches").param("model", model).param("platform", "cuda"), token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("cell"))
                .andExpect(jsonPath("$.model").value(model))
                .andExpect(jsonPath("$.platform").value("cuda"));
        call(post("/api/v1/watches").param("model", model).param("platform", "cuda"), token)
                .andExpect(status().isOk());
        call(post("/api/v1/watches").param("platform", "webgpu"), token).andExpect(status().isCreated());
        call(get("/api/v1/watches"), token)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.items[*].label")
                        .value(Matchers.containsInAnyOrder(model + " on CUDA", "every model on WebGPU")));
        call(delete("/api/v1/watches").param("model", model).param("platform", "cuda"), token)
                .andExpect(status().isNoContent());
        call(delete("/api/v1/watches").param("model", model).param("platform", "cuda"), token)
                .andExpect(status().isNotFound());
        call(get("/api/v1/watches"), token).andExpect(jsonPath("$.count").value(1));

        String writeOnly = token(ApiScope.WATCHES_WRITE);
        call(post("/api/v1/watches").param("family", family), writeOnly).andExpect(status().is2xxSuccessful());
        call(get("/api/v1/watches"), writeOnly).andExpect(status().isForbidden());
    }

    @Test
    void unusable_parameters_are_refused_400_by_name_and_nothing_is_stored() throws Exception {
        String token = token(ApiScope.READ, ApiScope.WATCHES_WRITE);
        expectRefused(call(post("/api/v1/watches").param("model", "no-such-model"), token), "model=no-such-model");
        expectRefused(call(post("/api/v1/watches").param("platform", "tpu"), token), "platform=tpu");
        expectRefused(call(post("/api/v1/watches").param("family", "no-such-family"), token), "family=no-such-family");
        expectRefused(call(post("/api/v1/watches").param("family", family).param("model", model), token), "family");
        expectRefused(call(post("/api/v1/watches"), token), "model, platform or family");
        expectRefused(
                call(post("/api/v1/watches").param("colour", "red").param("platform", "cpu"), token),
                "colour (unknown parameter)");
        expectRefused(call(delete("/api/v1/watches").param("id", "abc"), token), "id=abc");
        call(get("/api/v1/watches"), token).andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void a_token_cannot_remove_a_persons_watch() throws Exception {
        TestUsers.signIn("api-neighbour", Roles.VIEWER);
        long id = watches.watch(WatchTarget.platform(Platform.MPS)).watch().id();
        SecurityContextHolder.clearContext();
        String token = token(ApiScope.READ, ApiScope.WATCHES_WRITE);
        call(delete("/api/v1/watches").param("id", String.valueOf(id)), token).andExpect(status().isNotFound());
        call(delete("/api/v1/watches").param("platform", "mps"), token).andExpect(status().isNotFound());
        TestUsers.signIn("api-neighbour", Roles.VIEWER);
        assertThat(watches.isWatching(WatchTarget.platform(Platform.MPS))).isTrue();
    }

    @Test
    void the_openapi_document_describes_the_three_methods_and_their_parameters() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/watches'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/watches'].post.parameters[*].name")
                        .value(Matchers.containsInAnyOrder("model", "platform", "family")))
                .andExpect(jsonPath("$.paths['/api/v1/watches'].delete.parameters[*].name")
                        .value(Matchers.containsInAnyOrder("model", "platform", "family", "id")))
                .andExpect(jsonPath("$.paths['/api/v1/watches'].post.responses['400']")
                        .exists());
    }

    private static void expectRefused(ResultActions result, String problem) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.invalid_parameters[*]").value(Matchers.hasItem(Matchers.startsWith(problem))));
    }
}
