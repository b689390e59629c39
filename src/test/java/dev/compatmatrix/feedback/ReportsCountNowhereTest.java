package dev.compatmatrix.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.ClaimCountingReads;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * A report is never a claim: every outcome reported on every cell of the matrix's first page changes no level, no
 * validation status, no coverage, score, recommended platform, recommendation, dashboard figure, export or API matrix
 * — while the matrix and the validation queue do show the reports (so they really were there to leak).
 */
class ReportsCountNowhereTest extends WritingIntegrationTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    FeedbackService feedback;

    @Autowired
    CompatibilityService compatibility;

    @Autowired
    ValidationService validation;

    /** Every claim's level and validation, as stored. */
    private String claimsAsStored() {
        return jdbc.sql("""
                        SELECT d.id, d.compatibility_level, d.validation_status, d.validation_date, d.row_version,
                               d.updated_at, c.compatibility_score, c.recommended_platform
                        FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        ORDER BY d.id""").query().listOfRows().toString();
    }

    private Map<String, String> everythingThatCounts(ClaimCountingReads reads, String token) throws Exception {
        Map<String, String> read = reads.everything(token);
        // Contradicting reports raise claims in the queue by design: the queue's rows may change, their statuses not.
        ClaimCountingReads.QUEUE.forEach(read::remove);
        read.put("claims as stored", claimsAsStored());
        read.put(
                "history rows",
                jdbc.sql("SELECT count(*) FROM compatibility_history")
                        .query(String.class)
                        .single());
        return read;
    }

    @Test
    void reports_of_every_outcome_on_every_cell_change_nothing_that_counts_claims() throws Exception {
        ClaimCountingReads reads = new ClaimCountingReads(context);
        String token = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
        Map<String, String> before = everythingThatCounts(reads, token);

        TestUsers.signIn("viewer", Roles.VIEWER);
        List<Integer> models = compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 40).stream()
                .map(row -> row.modelId())
                .toList();
        ReportFixtures fixtures = new ReportFixtures(context);
        for (int modelId : models) {
            for (Platform platform : Platform.values()) {
                for (ReportOutcome outcome : ReportOutcome.values()) {
                    fixtures.report(modelId, platform, "nowhere-" + outcome.key(), outcome);
                }
            }
        }
        // And one through the service, as a viewer reports.
        TestUsers.signIn("nowhere-viewer", Roles.VIEWER);
        String first = compatibility
                .matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 1)
                .getFirst()
                .name();
        feedback.report(first, Platform.CUDA, FeedbackServiceTest.fails("=HYPERLINK(\"http://x\") <b>fails</b>"));

        Map<String, String> after = everythingThatCounts(reads, token);
        after.forEach((what, now) -> assertThat(now).as(what).isEqualTo(before.get(what)));

        // The reports are there, where they show.
        TestUsers.signIn("viewer", Roles.VIEWER);
        assertThat(compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 40))
                .allSatisfy(row -> assertThat(row.reports()).isNotEmpty());
        TestUsers.signIn("validator3", Roles.VALIDATOR);
        assertThat(validation.queueCount(QueueFilter.ALL.reported())).isPositive();
    }
}
