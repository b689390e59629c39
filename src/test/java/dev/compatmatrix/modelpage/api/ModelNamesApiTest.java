package dev.compatmatrix.modelpage.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.ingest.IngestApiSupport.ApiCaller;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriUtils;

/** Model names beyond ASCII, with slashes and plus signs, through the read API as a client encodes them. */
class ModelNamesApiTest extends WritingIntegrationTest {

    private static final List<String> NAMES = List.of("ünïcødé-模型", "org-ü/模型+v2", "c++/a+b");

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    CatalogService catalog;

    ApiCaller api;

    @BeforeEach
    void setUp() {
        api = IngestApiSupport.caller(context, tokens, ApiScope.READ);
        signIn("editor", Roles.EDITOR);
        for (String name : NAMES) {
            if (catalog.find(name).isEmpty()) {
                catalog.create(new ModelData(name, "unicode", ModelType.TEXT_GENERATION, ModelSize.SMALL, 5.0, null));
            }
        }
        SecurityContextHolder.clearContext();
    }

    /** The path as an HTTP client sends it: each character percent-encoded as UTF-8, the slashes kept. */
    private ResultActions read(String path) throws Exception {
        return api.perform(get(URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8))));
    }

    @Test
    void a_model_named_beyond_ascii_is_found_with_its_history() throws Exception {
        for (String name : NAMES) {
            read("/api/v1/models/" + name)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.model").value(name));
            read("/api/v1/models/" + name + "/history")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(0));
        }
    }

    @Test
    void the_matrix_text_filter_finds_a_name_beyond_ascii_typed_in_the_other_case() throws Exception {
        api.perform(get("/api/v1/matrix").param("q", "ÜNÏCØDÉ"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].model").value(org.hamcrest.Matchers.contains("ünïcødé-模型")));
    }

    @Test
    void a_plus_sign_in_the_path_is_a_plus_and_an_encoded_space_a_space() throws Exception {
        api.perform(get(URI.create("/api/v1/models/c%2B%2B/a+b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("c++/a+b"));
        api.perform(get(URI.create("/api/v1/models/c++/a%20b")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No model named 'c++/a b'"));
    }
}
