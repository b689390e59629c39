package dev.compatmatrix.compatibility.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code GET /api/v1/matrix/export} through the real filter chains. */
class MatrixExportControllerTest extends WritingIntegrationTest {

    static final String EXPORT = "/api/v1/matrix/export";

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    CompatibilityService compatibility;

    MockMvc mvc;
    String reader;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    @Test
    void without_a_token_the_answer_is_401_problem_details() throws Exception {
        mvc.perform(get(EXPORT).param("format", "csv"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void a_token_without_the_read_scope_is_refused_with_403() throws Exception {
        String writeOnly = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.RESULTS_WRITE);
        mvc.perform(get(EXPORT).param("format", "csv").header("Authorization", "Bearer " + writeOnly))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_signed_in_browser_session_does_not_open_the_export_api() throws Exception {
        var login = mvc.perform(formLogin("/login").user("viewer").password("viewer"))
                .andReturn();
        var session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get(EXPORT).param("format", "csv").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void csv_holds_exactly_the_rows_of_the_filter_given_as_matrix_url_parameters() throws Exception {
        var response = mvc.perform(get(EXPORT)
                        .header("Authorization", "Bearer " + reader)
                        .param("format", "csv")
                        .param("type", "text_embedding")
                        .param("platform", "webnn:supported", "qualcomm:supported")
                        .param("sort", "-score"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                Matchers.matchesPattern(
                                        "attachment; filename=\"compatibility-matrix-\\d{4}-\\d{2}-\\d{2}\\.csv\"")))
                .andReturn()
                .getResponse();

        List<String> exported = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)))
                .getRecords()
                .stream()
                .map(r -> r.get("model"))
                .toList();
        signIn("viewer", Roles.VIEWER);
        var filter = new MatrixFilter(
                null,
                null,
                ModelType.TEXT_EMBEDDING,
                null,
                Map.of(Platform.WEBNN, PlatformState.SUPPORTED, Platform.QUALCOMM, PlatformState.SUPPORTED),
                null,
                null);
        List<String> expected = compatibility.matrixPage(filter, new MatrixSort("score", true), 0, 500).stream()
                .map(MatrixRow::name)
                .toList();
        assertThat(expected)
                .hasSize((int) compatibility.matrixCount(filter))
                .isNotEmpty()
                .hasSizeLessThan((int) compatibility.matrixCount(MatrixFilter.NONE));
        assertThat(exported).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "csv, text/csv, .csv",
        "json, application/json, .json",
        "markdown, text/markdown, .md",
        "html, text/html, .html"
    })
    void each_format_comes_with_its_content_type_in_utf8_as_an_attachment(
            String format, String mediaType, String extension) throws Exception {
        var response = mvc.perform(get(EXPORT)
                        .header("Authorization", "Bearer " + reader)
                        .param("format", format)
                        .param("q", "whisper"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", mediaType + ";charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", Matchers.endsWith(extension + "\"")))
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("openai/whisper-tiny");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
    }

    @Test
    void bad_parameters_get_400_problem_details_naming_each_of_them() throws Exception {
        mvc.perform(get(EXPORT)
                        .header("Authorization", "Bearer " + reader)
                        .param("format", "xls")
                        .param("minScore", "abc")
                        .param("platform", "cuda:maybe")
                        .param("minscore", "0.5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid query parameters"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.invalid_parameters", Matchers.hasSize(4)))
                .andExpect(jsonPath(
                        "$.invalid_parameters[*]",
                        Matchers.hasItems(
                                Matchers.startsWith("format=xls"), Matchers.startsWith("minScore=abc"),
                                Matchers.startsWith("platform=cuda:maybe"), Matchers.startsWith("minscore"))))
                .andExpect(jsonPath("$.detail", Matchers.containsString("minScore=abc")));
    }

    @Test
    void the_openapi_document_lists_the_export() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/matrix/export'].get").exists());
    }

    @Test
    void a_missing_format_is_a_bad_request_too() throws Exception {
        mvc.perform(get(EXPORT).header("Authorization", "Bearer " + reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[0]", Matchers.startsWith("format= (expected csv, json")));
    }
}
