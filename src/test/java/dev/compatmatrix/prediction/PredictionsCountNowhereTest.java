package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.ClaimCountingReads;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
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
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    ClaimService claims;

    @Autowired
    ModelPageService modelPage;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    ClaimCountingReads reads;

    @BeforeEach
    void reads() {
        reads = new ClaimCountingReads(context);
    }

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

    private Map<String, String> everythingThatCounts(String token) throws Exception {
        return reads.everything(token);
    }

    private String export(ExportFormat format, boolean predictions) throws Exception {
        return reads.export(format, predictions);
    }

    private String api(String token, String url) throws Exception {
        return reads.api(token, url);
    }

    private static void signIn(String user, String role) {
        TestUsers.signIn(user, role);
    }
}
