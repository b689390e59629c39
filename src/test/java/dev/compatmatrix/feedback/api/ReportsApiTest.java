package dev.compatmatrix.feedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code /api/v1/reports} through the real filter chains: reporting with feedback:write, listing with read. */
class ReportsApiTest extends WritingIntegrationTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String model;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        model = aModel(0);
    }

    private String aModel(int n) {
        return jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 1 OFFSET :n")
                .param("n", n)
                .query(String.class)
                .single();
    }

    /** A new token of the automated validator nightly-ci (reports as "api:test nightly-ci …"). */
    private String token(ApiScope... scopes) {
        String secret = IngestApiSupport.token(tokens, "nightly-ci", scopes);
        SecurityContextHolder.clearContext();
        return secret;
    }

    private ResultActions postReport(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/reports")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions list(String token, String query) throws Exception {
        return mvc.perform(get("/api/v1/reports?" + query).header("Authorization", "Bearer " + token));
    }

    private long storedReports() {
        return jdbc.sql("SELECT count(*) FROM cell_reports").query(Long.class).single();
    }

    private static String fails(String model, String platform, String comment) {
        return """
                {"model": "%s", "platform": "%s", "outcome": "fails",
                 "environment": {"framework": "PyTorch", "framework_version": "2.5.1", "driver": "ROCm 6.2",
                                  "device": "MI300X", "precision": "fp16", "batch_size": 8},
                 "comment": "%s", "link": "https://github.com/org/repo/issues/12"}""".formatted(model, platform, comment);
    }

    @Test
    void a_feedback_token_reports_201_and_a_second_post_on_the_cell_updates_it_200() throws Exception {
        String token = token(ApiScope.FEEDBACK_WRITE);
        long before = storedReports();
        String first = postReport(token, fails(model, "rocm", "Segfault in the attention kernel"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.model").value(model))
                .andExpect(jsonPath("$.platform").value("rocm"))
                .andExpect(jsonPath("$.reporter").value(Matchers.startsWith("api:test nightly-ci")))
                .andExpect(jsonPath("$.outcome").value("fails"))
                .andExpect(jsonPath("$.state").value("open"))
                .andExpect(jsonPath("$.environment.framework_version").value("2.5.1"))
                .andExpect(jsonPath("$.environment.batch_size").value(8))
                .andExpect(jsonPath("$.environment.precision").value("fp16"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(first.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));

        postReport(token, fails(model, "rocm", "Also with batch size 1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.comment").value("Also with batch size 1"));
        assertThat(storedReports()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT comment FROM cell_reports WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Also with batch size 1");
    }

    @Test
    void without_the_feedback_scope_posting_is_403_and_nothing_is_stored() throws Exception {
        long before = storedReports();
        for (ApiScope other : new ApiScope[] {ApiScope.READ, ApiScope.RESULTS_WRITE, ApiScope.WATCHES_WRITE}) {
            postReport(token(other), fails(model, "cuda", "x"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Not allowed"));
        }
        mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fails(model, "cuda", "x")))
                .andExpect(status().isUnauthorized());
        assertThat(storedReports()).isEqualTo(before);
    }

    @Test
    void a_bad_body_is_400_naming_each_bad_field_and_nothing_is_stored() throws Exception {
        String token = token(ApiScope.FEEDBACK_WRITE);
        long before = storedReports();
        postReport(token, """
                        {"model": "%s", "platform": "tpu", "outcome": "fails", "colour": "red",
                         "environment": {"precision": "fp7", "batch_size": "eight"},
                         "link": "javascript:alert(1)"}""".formatted(model))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.invalid_fields[*].field")
                        .value(Matchers.containsInAnyOrder(
                                "platform",
                                "colour",
                                "environment.precision",
                                "environment.batch_size",
                                "comment",
                                "link")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("platform ('tpu' is not one of cpu")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Nothing was written")));
        postReport(token, "{\"platform\": \"cuda\"}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.invalid_fields[*].field").value(Matchers.containsInAnyOrder("model", "outcome")));
        postReport(token, "{\"model\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("The body is not valid JSON")));
        postReport(token, "[]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("The body must be a JSON object")));
        postReport(token, fails("no-such-model-anywhere", "cuda", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_fields[0].field").value("model"))
                .andExpect(jsonPath("$.invalid_fields[0].message").value("No model named 'no-such-model-anywhere'"));
        postReport(token, fails(model, "cuda", "x".repeat(ReportDraft.COMMENT_MAX + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_fields[0].field").value("comment"));
        assertThat(storedReports()).isEqualTo(before);
    }

    @Test
    void over_the_hourly_limit_a_new_report_is_429_with_a_clear_message_and_updates_still_pass() throws Exception {
        String token = token(ApiScope.FEEDBACK_WRITE);
        Platform[] platforms = Platform.values();
        long before = storedReports();
        for (int i = 0; i < FeedbackService.REPORTS_PER_HOUR; i++) {
            postReport(token, fails(aModel(10 + i / platforms.length), platforms[i % platforms.length].key(), "n" + i))
                    .andExpect(status().isCreated());
        }
        postReport(token, fails(aModel(40), "cpu", "one too many"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Too many reports"))
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.startsWith(
                                "You have sent " + FeedbackService.REPORTS_PER_HOUR + " reports in the last hour")));
        assertThat(storedReports()).isEqualTo(before + FeedbackService.REPORTS_PER_HOUR);
        postReport(token, fails(aModel(10), platforms[0].key(), "updated after the limit"))
                .andExpect(status().isOk());
        assertThat(storedReports()).isEqualTo(before + FeedbackService.REPORTS_PER_HOUR);
    }

    @Test
    void a_read_token_lists_reports_filtered_without_a_disabled_reporters_open_ones() throws Exception {
        jdbc.sql("""
                        INSERT INTO app_users (username, password_hash, enabled, created_at)
                        VALUES ('report-spammer', '{bcrypt}x', false, TIMESTAMP '2026-01-01 00:00:00')""").update();
        String model = aModel(30);
        signIn("report-spammer", Roles.VIEWER);
        feedback.report(model, Platform.CUDA, works());
        signIn("report-fan", Roles.VIEWER);
        feedback.report(model, Platform.CUDA, works());
        feedback.report(model, Platform.MPS, works());
        feedback.report(aModel(31), Platform.CUDA, works());
        SecurityContextHolder.clearContext();
        String reader = token(ApiScope.READ);

        list(reader, "model=" + model + "&platform=cuda")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].reporter").value("report-fan"))
                .andExpect(jsonPath("$.items[0].outcome").value("works"));
        list(reader, "model=" + model).andExpect(jsonPath("$.total").value(2));
        list(reader, "model=" + model + "&state=open&limit=1")
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1));
        list(reader, "model=" + model + "&state=declined")
                .andExpect(jsonPath("$.total").value(0));
        list(reader, "platform=tpu&state=gone&colour=red")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[*]")
                        .value(Matchers.containsInAnyOrder(
                                Matchers.startsWith("platform=tpu"),
                                Matchers.startsWith("state=gone"),
                                Matchers.startsWith("colour (unknown parameter)"))));
        list(token(ApiScope.FEEDBACK_WRITE), "").andExpect(status().isForbidden());
    }

    @Test
    void the_openapi_document_describes_posting_and_listing_reports() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/reports'].get.parameters[*].name")
                        .value(Matchers.hasItems("model", "platform", "state", "offset", "limit")))
                .andExpect(
                        jsonPath("$.paths['/api/v1/reports'].post.requestBody").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports'].post.responses['201']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports'].post.responses['200']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports'].post.responses['400']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports'].post.responses['429']")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.invalid_fields")
                        .exists());
    }

    private static ReportDraft works() {
        return new ReportDraft(ReportOutcome.WORKS, null, null, null, null, null, null, null, null);
    }
}
