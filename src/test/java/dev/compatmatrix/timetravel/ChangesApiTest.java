package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

/** {@code GET /api/v1/changes} over the hand-built history, through the real API security chain. */
class ChangesApiTest extends WritingIntegrationTest {

    private static final String FIXTURE = "&family=ttc%20fixture";

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApplicationContext application;

    @Autowired
    ApiTokenService tokens;

    MockMvc mvc;
    String reader;

    @BeforeEach
    void setUp() {
        ChangesFixture.ensure(application);
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).header("Authorization", "Bearer " + reader));
    }

    /** The API's changes as the service test's lines. */
    private List<String> lines(String from, String to) throws Exception {
        String body = read("/api/v1/changes?from=" + from + "&to=" + to + FIXTURE + "&limit=100")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (JsonNode item : new ObjectMapper().readTree(body).get("items")) {
            lines.add(item.get("model").asString() + " " + item.get("platform").asString() + " "
                    + state(item.get("before")) + " → " + state(item.get("after")) + " "
                    + item.get("kind").asString());
        }
        return lines;
    }

    private static String state(JsonNode side) {
        return side == null || side.isNull()
                ? "—"
                : side.get("level").asString() + "/" + side.get("validation").asString();
    }

    @Test
    void the_api_lists_the_same_changes_as_the_screens_service_for_each_pair_of_dates() throws Exception {
        for (var expected : ChangesFixture.EXPECTED.entrySet()) {
            String[] ends = expected.getKey().split(" ");
            assertThat(lines(ends[0], ends[1])).as(expected.getKey()).containsExactlyElementsOf(expected.getValue());
        }
    }

    @Test
    void the_json_has_both_ends_the_counts_per_kind_and_a_page() throws Exception {
        read("/api/v1/changes?from=2026-05-25&to=2026-07-25" + FIXTURE + "&kind=removed&limit=1&offset=1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from.text").value("2026-05-25"))
                .andExpect(jsonPath("$.to.before_utc").value("2026-07-26T00:00:00"))
                .andExpect(jsonPath("$.counts.regressed").value(1))
                .andExpect(jsonPath("$.counts.removed").value(2))
                .andExpect(jsonPath("$.counts.improved").value(1))
                .andExpect(jsonPath("$.counts.newly_tested").value(1))
                .andExpect(jsonPath("$.counts.validation_changed").value(1))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].model").value("ttc-beta"))
                .andExpect(jsonPath("$.items[0].model_deleted").value(true))
                .andExpect(jsonPath("$.items[0].after").isEmpty());
    }

    @Test
    void format_markdown_and_csv_give_the_changelog_files() throws Exception {
        String markdown = read("/api/v1/changes?from=2026-05-25&to=2026-07-25" + FIXTURE + "&format=markdown")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/markdown")))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("compatibility-changes-2026-05-25-to-2026-07-25.md")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        try (InputStream stored = getClass().getResourceAsStream("/timetravel/changes-2026-05-25-to-2026-07-25.md")) {
            assertThat(markdown)
                    .isEqualTo(new String(Objects.requireNonNull(stored).readAllBytes(), StandardCharsets.UTF_8));
        }
        String csv = read("/api/v1/changes?from=2026-05-25&to=2026-07-25" + FIXTURE + "&format=csv&platform=cuda")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n"))
                .hasSize(3)
                .anyMatch(row -> row.contains("ttc-delta") && row.contains("regressed"));
    }

    @Test
    void a_bad_end_is_a_400_naming_the_parameter_and_why() throws Exception {
        read("/api/v1/changes?from=2099-01-01&to=2026-05-05")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.invalid_parameters[0]").value(containsString("from: 2099-01-01 is in the future")));
        read("/api/v1/changes?from=2026-05-05&to=not-a-snapshot")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[0]").value(containsString("to: \"not-a-snapshot\"")));
        read("/api/v1/changes?from=2026-06-01&to=2026-05-05")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.invalid_parameters[0]").value(containsString("to: 2026-05-05 is not after from")));
        read("/api/v1/changes?from=1990-01-01&to=2026-02-30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[0]").value(containsString("before the recorded history")));
        read("/api/v1/changes?from=2026-05-05&to=2026-05-25&kind=worse&format=pdf&platform=tpu")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters", hasSize(3)));
    }

    @Test
    void without_a_read_token_the_changes_are_refused() throws Exception {
        mvc.perform(get("/api/v1/changes")).andExpect(status().isUnauthorized());
    }
}
