package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.timetravel.query.CellChange;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The hand-built history ({@link HandBuiltHistory}) as the matrix screen's service and the matrix API show it at the
 * end of each of its six days, and as the Changes screen's service and the changes API show each pair of days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandBuiltHistoryOnScreensAndApiTest extends WritingIntegrationTest {

    private static final String PREFIX = "screens-history-";
    private static final MatrixFilter ONLY_THE_STORY = new MatrixFilter(PREFIX, null, null, null, Map.of(), null, null);
    private static final ChangesFilter HISTORY_FAMILY = new ChangesFilter(null, "history", null, null);

    @Autowired
    MatrixWriter writer;

    @Autowired
    ClaimRepository claims;

    @Autowired
    DerivedColumnsRepository matrixRows;

    @Autowired
    ValidatorRepository validators;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CompatibilityService matrix;

    @Autowired
    ChangesService changes;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    private final ObjectMapper json = new ObjectMapper();
    private MockMvc mvc;
    private String reader;

    @BeforeAll
    void writeTheHistory() {
        HandBuiltHistory.write(new HandBuiltHistory.Beans(writer, claims, matrixRows, validators, jdbc), PREFIX);
    }

    @BeforeEach
    void viewerAndToken() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    @Test
    void the_matrix_service_and_api_show_the_expected_cells_at_the_end_of_each_day() throws Exception {
        for (LocalDate day : HandBuiltHistory.DATES) {
            signIn("viewer", Roles.VIEWER); // a request through MockMvc ends with the security context cleared
            PointInTime point = matrix.matrixPointInTime(day.toString()).orElseThrow();
            List<MatrixRow> rows = matrix.matrixPageAsOf(point, ONLY_THE_STORY, MatrixSort.BY_NAME, 0, 50);
            assertThat(rows.stream().map(MatrixRow::name).toList())
                    .as("models on the screen as of " + day)
                    .isEqualTo(HandBuiltHistory.EXPECTED_MODELS.get(day).stream()
                            .map(m -> PREFIX + m)
                            .toList());
            Map<String, String> onScreen = new TreeMap<>();
            rows.forEach(row -> row.cells()
                    .forEach((platform, cell) -> onScreen.put(
                            row.name() + "/" + platform.key(),
                            cell.level().key() + " " + cell.status().key() + (cell.stale() ? " stale" : ""))));
            assertThat(onScreen).as("screen as of " + day).isEqualTo(HandBuiltHistory.shown(PREFIX, day));

            JsonNode page = read("/api/v1/matrix?asOf=" + day + "&q=" + PREFIX + "&limit=50");
            assertThat(page.path("as_of").asText()).isEqualTo(day.toString());
            Map<String, String> inApi = new TreeMap<>();
            List<String> models = new ArrayList<>();
            for (JsonNode row : page.path("items")) {
                models.add(row.path("model").asText());
                for (Platform platform : Platform.values()) {
                    JsonNode cell = row.path("platforms").path(platform.key());
                    if (!cell.isNull() && !cell.isMissingNode()) {
                        inApi.put(
                                row.path("model").asText() + "/" + platform.key(),
                                cell.path("level").asText() + " "
                                        + cell.path("validation").asText()
                                        + (cell.path("stale").asBoolean() ? " stale" : ""));
                    }
                }
            }
            assertThat(models)
                    .as("models in the API as of " + day)
                    .isEqualTo(rows.stream().map(MatrixRow::name).toList());
            assertThat(inApi).as("API as of " + day).isEqualTo(HandBuiltHistory.shown(PREFIX, day));
        }
    }

    @Test
    void the_changes_service_and_api_list_the_expected_changes_between_each_pair_of_days() throws Exception {
        List<LocalDate> days = HandBuiltHistory.DATES;
        for (int i = 0; i < days.size(); i++) {
            for (int j = i + 1; j < days.size(); j++) {
                LocalDate from = days.get(i);
                LocalDate to = days.get(j);
                List<String> expected = HandBuiltHistory.changes(from, to).stream()
                        .map(c -> PREFIX + c)
                        .sorted()
                        .toList();

                signIn("viewer", Roles.VIEWER);
                List<String> onScreen =
                        changes.page(changes.range(from.toString(), to.toString()), HISTORY_FAMILY, 0, 500).stream()
                                .filter(c -> c.modelName().startsWith(PREFIX))
                                .map(HandBuiltHistoryOnScreensAndApiTest::line)
                                .sorted()
                                .toList();
                assertThat(onScreen).as("screen " + from + " to " + to).isEqualTo(expected);

                List<String> inApi = new ArrayList<>();
                for (JsonNode item : read("/api/v1/changes?from=" + from + "&to=" + to + "&family=history&limit=500")
                        .path("items")) {
                    if (item.path("model").asText().startsWith(PREFIX)) {
                        inApi.add(item.path("model").asText() + "/"
                                + item.path("platform").asText() + ": " + side(item.path("before")) + " -> "
                                + side(item.path("after")));
                    }
                }
                assertThat(inApi.stream().sorted().toList())
                        .as("API " + from + " to " + to)
                        .isEqualTo(expected);
            }
        }
    }

    private JsonNode read(String url) throws Exception {
        String body = mvc.perform(get(url).header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private static String line(CellChange c) {
        return c.modelName() + "/" + c.platform().key() + ": "
                + (c.beforeLevel() == null
                        ? "not tested"
                        : c.beforeLevel().key() + " " + c.beforeValidation().key())
                + " -> "
                + (c.afterLevel() == null
                        ? "not tested"
                        : c.afterLevel().key() + " " + c.afterValidation().key());
    }

    private static String side(JsonNode state) {
        return state.isNull() || state.isMissingNode()
                ? "not tested"
                : state.path("level").asText() + " " + state.path("validation").asText();
    }
}
