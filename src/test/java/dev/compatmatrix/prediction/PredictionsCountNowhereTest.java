package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.export.ExportServices;
import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.dashboard.DashboardService;
import dev.compatmatrix.dashboard.DashboardSnapshot;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import dev.compatmatrix.recommendation.RecommendationService;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * A prediction is never a claim: adopting a prediction for every untested cell, shown on every platform, changes
 * nothing anywhere that counts claims — coverage, scores, recommended platforms, recommendations, the dashboard, the
 * validation queue, every export without {@code includePredictions} and {@code /api/v1/matrix} without it, byte for
 * byte — while the same reads with the flag do carry them (so the predictions really were there to leak).
 */
class PredictionsCountNowhereTest extends WritingIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PredictionRunRepository runs;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CompatibilityService compatibility;

    @Autowired
    CoverageQuery coverage;

    @Autowired
    DashboardService dashboard;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    ValidationService validation;

    @Autowired
    ExportService exports;

    @Autowired
    MatrixQuery matrix;

    @Autowired
    ClaimService claims;

    @Autowired
    ModelPageService modelPage;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @AfterEach
    void showNoPredictions() {
        new PredictionFixtures(context).showNone();
    }

    @Test
    void adopting_a_prediction_for_every_untested_cell_changes_nothing_that_counts_claims() throws Exception {
        new PredictionFixtures(context).showNone();
        String token = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
        Map<String, String> before = everythingThatCounts(token);

        List<Cell> untested = StoredPredictions.untestedCells(jdbc, 100_000);
        assertThat(untested).hasSizeGreaterThan(20);
        StoredPredictions.adopt(
                runs,
                transaction,
                EnumSet.allOf(Platform.class),
                untested.stream()
                        .map(cell -> StoredPredictions.prediction(
                                cell, CompatibilityLevel.HIGH, 0.97, "=HYPERLINK(\"http://x\") <script>1</script>"))
                        .toList());

        Map<String, String> after = everythingThatCounts(token);
        after.forEach((what, now) -> assertThat(now).as(what).isEqualTo(before.get(what)));

        // The flag does carry them: the reads above would have shown a leak.
        signIn("viewer", Roles.VIEWER);
        assertThat(export(ExportFormat.CSV, true)).contains("predicted: likely High (97 %)");
        assertThat(compatibility.matrixPageWithPredictions(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 500).stream()
                        .mapToLong(row -> row.predictions().size())
                        .sum())
                .isPositive();
        assertThat(api(token, "/api/v1/matrix?limit=500&includePredictions=true"))
                .contains("\"kind\":\"prediction\"");
    }

    @Test
    void a_prediction_becomes_a_claim_only_through_the_claim_rules_and_the_claim_then_replaces_it() {
        PredictionFixtures predictions = new PredictionFixtures(context);
        Cell cell = predictions.firstUntestedCell();
        String model = predictions.modelName(cell);
        predictions.adoptHigh82(cell, "7 of 8 bert models are High");
        signIn("editor", Roles.EDITOR);
        ClaimData high = new ClaimData(CompatibilityLevel.HIGH, null, null, null, null, null, null, null, null, false);

        assertThatThrownBy(() -> claims.create(model, cell.platform(), high, ChangeNote.NONE))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("reason");
        assertThat(shownOnTheMatrix(cell))
                .as("refused: the prediction still shows")
                .isTrue();
        assertThat(modelPage.modelPredictions(model).platforms())
                .anyMatch(p -> p.platform() == cell.platform() && p.prediction() != null);

        claims.create(model, cell.platform(), high, new ChangeNote("Ran the suite: all passed", "torch 2.5.1"));
        assertThat(shownOnTheMatrix(cell)).isFalse();
        MatrixRow row =
                compatibility.matrixRowsWithPredictions(List.of(cell.modelId())).getFirst();
        assertThat(row.cell(cell.platform()).level()).isEqualTo(CompatibilityLevel.HIGH);
        assertThat(modelPage.modelPredictions(model).platforms()).noneMatch(p -> p.platform() == cell.platform());
    }

    private boolean shownOnTheMatrix(Cell cell) {
        return compatibility
                        .matrixRowsWithPredictions(List.of(cell.modelId()))
                        .getFirst()
                        .prediction(cell.platform())
                != null;
    }

    /** Everything that counts claims, each as text, read as the people and programs who use it do. */
    private Map<String, String> everythingThatCounts(String token) throws Exception {
        Map<String, String> read = new LinkedHashMap<>();
        signIn("viewer", Roles.VIEWER);
        read.put("coverage per platform", coverage.perPlatform().toString());
        List<MatrixRow> rows = compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 500);
        read.put(
                "scores and recommended platforms",
                rows.stream()
                        .map(r -> r.name() + " " + r.score() + " " + r.recommended() + " " + r.cells())
                        .toList()
                        .toString());
        read.put(
                "recommendations",
                recommendations
                        .page(RecommendationFilter.NONE, RecommendationSort.BY_MODEL, 0, 1000)
                        .toString());
        read.put(
                "recommended platforms tally",
                recommendations.platformTally(RecommendationFilter.NONE).toString());
        DashboardSnapshot figures = dashboard.snapshot(0);
        read.put(
                "dashboard",
                figures.coverage() + " " + Arrays.toString(figures.scoreBuckets()) + " "
                        + figures.families().families().stream()
                                .map(f -> f.family() + " " + f.models() + " " + Arrays.toString(f.supportedModels()))
                                .toList()
                        + " " + figures.families().total() + " " + figures.recentChanges());
        for (ExportFormat format : ExportFormat.values()) {
            read.put("export " + format.key(), withoutGeneratedTime(export(format, false)));
        }
        // The exporter itself at a fixed time: the files, byte for byte.
        ExportService atFixedTime =
                ExportServices.over(matrix, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            atFixedTime.export(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
            read.put("export " + format.key() + " at a fixed time, bytes", Arrays.toString(out.toByteArray()));
        }
        read.put("/api/v1/matrix", api(token, "/api/v1/matrix?limit=500"));
        read.put(
                "/api/v1/matrix/export csv",
                withoutGeneratedTime(api(token, "/api/v1/matrix/export?format=csv&includePredictions=false")));
        signIn("validator3", Roles.VALIDATOR);
        read.put(
                "validation queue",
                validation.queuePage(QueueFilter.ALL, 0, 1000).toString());
        read.put("validation queue count", String.valueOf(validation.queueCount(QueueFilter.ALL)));
        SecurityContextHolder.clearContext();
        return read;
    }

    private String export(ExportFormat format, boolean predictions) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (predictions) {
            exports.exportWithPredictions(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
        } else {
            exports.export(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The export's own time (to the second, in the title or "generated_at") is the one thing allowed to differ. */
    static String withoutGeneratedTime(String export) {
        return export.replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?(Z| UTC)", "<time>");
    }

    private String api(String token, String url) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        return mvc.perform(get(url).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static void signIn(String user, String role) {
        TestUsers.signIn(user, role);
    }
}
