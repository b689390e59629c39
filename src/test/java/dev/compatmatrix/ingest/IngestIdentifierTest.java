package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/** Ingest refuses model names that break the identifier rule, saying which character (issue 15, items 1 and 10). */
class IngestIdentifierTest extends WritingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void model_names_with_markup_control_or_text_direction_characters_are_refused_with_the_character_named()
            throws Exception {
        var api = IngestApiSupport.caller(context, tokens, ApiScope.RESULTS_WRITE);
        long claims = jdbc.sql("SELECT count(*) FROM compatibility_details")
                .query(Long.class)
                .single();
        String body = """
                {"batch_id": "names-1", "results": [
                  {"model": "gpt2", "hardware": "cpu", "level": "high"},
                  {"model": "<img src=x onerror=alert(1)>", "hardware": "cpu", "level": "high"},
                  {"model": "abc\\u202Egnp.exe", "hardware": "cpu", "level": "high"},
                  {"model": "bell\\u0007", "hardware": "cpu", "level": "high"}]}""";
        api.perform(post("/api/v1/results")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("model"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("A model name cannot contain ‘<’: use letters, digits and . _ / + : @ -"))
                .andExpect(jsonPath("$.errors[1].message")
                        .value("A model name cannot contain invisible characters that change how text reads (U+202E)"))
                .andExpect(jsonPath("$.errors[2].message")
                        .value("A model name cannot contain control characters (U+0007)"));
        assertThat(jdbc.sql("SELECT count(*) FROM compatibility_details")
                        .query(Long.class)
                        .single())
                .isEqualTo(claims);
    }
}
