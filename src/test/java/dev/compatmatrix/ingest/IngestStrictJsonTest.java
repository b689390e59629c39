package dev.compatmatrix.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;

/** A posted batch is read strictly, and what is wrong with it is said in the client's terms: where and what. */
class IngestStrictJsonTest extends WritingIntegrationTest {

    private static final String RESULT = "{\"model\": \"gpt2\", \"hardware\": \"cpu\", %s}";

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    IngestApiSupport.ApiCaller api;
    TableFingerprint tables;

    @BeforeEach
    void setUp() {
        api = IngestApiSupport.caller(context, tokens, ApiScope.RESULTS_WRITE);
        tables = TableFingerprint.of(
                jdbc,
                Set.of(
                        "compatibility_details",
                        "compatibility_history",
                        "automated_results",
                        "ingest_batches",
                        "performance_results"));
    }

    /** Posts a batch of one result with these fields; asserts a 400 that changed nothing, and returns it. */
    private MockHttpServletResponse refused(String body) throws Exception {
        String before = tables.take();
        MockHttpServletResponse response = api.perform(post("/api/v1/results")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(body).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(tables.take()).as(body).isEqualTo(before);
        return response;
    }

    private static String batch(String fields) {
        return "{\"batch_id\": \"strict-" + System.nanoTime() + "\", \"results\": [" + RESULT.formatted(fields) + "]}";
    }

    private static String detail(MockHttpServletResponse response) throws Exception {
        return JsonPath.read(response.getContentAsString(), "$.detail");
    }

    private static String pointer(MockHttpServletResponse response) throws Exception {
        return JsonPath.read(response.getContentAsString(), "$.pointer");
    }

    @Test
    void a_key_given_twice_is_refused_naming_it() throws Exception {
        MockHttpServletResponse twice = refused(batch("\"level\": \"high\", \"level\": \"low\""));
        assertThat(detail(twice)).contains("'level'").contains("more than once");
        assertThat(pointer(twice)).isEqualTo("/results/0/level");
        MockHttpServletResponse batchIdTwice = refused("{\"batch_id\": \"a\", \"batch_id\": \"b\", \"results\": []}");
        assertThat(pointer(batchIdTwice)).isEqualTo("/batch_id");
    }

    @Test
    void a_test_count_with_decimals_is_refused_not_rounded() throws Exception {
        MockHttpServletResponse fraction = refused(batch("\"tests_passed\": 1.5, \"tests_failed\": 0"));
        assertThat(detail(fraction)).contains("/results/0/tests_passed").contains("whole number");
        assertThat(pointer(fraction)).isEqualTo("/results/0/tests_passed");
        refused(batch("\"level\": \"high\", \"evidence\": {\"batch_size\": 8.25}"));
        refused(batch("\"tests_passed\": \"99\", \"tests_failed\": 1"));
    }

    @Test
    void messages_say_which_field_and_what_it_needs_without_java_or_library_words() throws Exception {
        String[][] cases = {
            {batch("\"levle\": \"high\""), "/results/0/levle", "unknown field"},
            {batch("\"level\": \"high\", \"tests_passed\": \"many\""), "/results/0/tests_passed", "whole number"},
            {batch("\"level\": \"high\", \"evidence\": \"ci\""), "/results/0/evidence", "object"},
            {
                batch("\"level\": \"high\", \"evidence\": {\"simulated\": \"yes\"}"),
                "/results/0/evidence/simulated",
                "true or false"
            },
            {batch("\"level\": [\"high\"]"), "/results/0/level", "text"},
            {batch("\"level\": \"high\", \"performance\": {\"task\": \"x\"}"), "/results/0/performance", "list"},
            {
                batch(
                        "\"level\": \"high\", \"performance\": [{\"task\": \"x\", \"throughput_items_per_s\": \"fast\"}]"),
                "/results/0/performance/0/throughput_items_per_s",
                "number"
            },
            {"{\"batch_id\": \"x\", \"results\": {}}", "/results", "list"},
            {"[]", "", "object"},
            {"", "", "empty"},
            {"{\"batch_id\": \"x\", \"results\": [NaN]}", null, "NaN"},
            {"{\"batch_id\": \"x\", /* note */ \"results\": []}", null, "line 1"},
        };
        for (String[] c : cases) {
            MockHttpServletResponse response = refused(c[0]);
            String detail = detail(response);
            assertThat(detail)
                    .as(c[0])
                    .contains(c[2])
                    .doesNotContain(
                            "java.",
                            "dev.compatmatrix",
                            "`",
                            "class ",
                            "Feature",
                            "ALLOW_",
                            "coercion",
                            "Coercion",
                            "ResultBatch",
                            "Integer",
                            "Boolean",
                            "Double",
                            "deserialize",
                            "token");
            if (c[1] != null) {
                assertThat(pointer(response)).as(c[0]).isEqualTo(c[1]);
                if (!c[1].isEmpty()) {
                    assertThat(detail).as(c[0]).contains(c[1]);
                }
            }
        }
    }
}
