package dev.compatmatrix.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriUtils;

/** Accepting a user's report: the claim saved by the usual rules and the report closed, in one transaction. */
class ClaimFromReportTest extends WritingIntegrationTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    ClaimService claims;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    /** A High claim nobody has touched yet, the n-th. */
    private Claim highClaim(int n) {
        signIn("reader", Roles.VIEWER);
        return jdbc.sql("""
                        SELECT m.model_name, d.hardware_type FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                        WHERE d.compatibility_level = 'high' AND d.updated_by IS NULL AND m.deleted_at IS NULL
                        ORDER BY d.id DESC LIMIT 1 OFFSET :n""")
                .param("n", n)
                .query((rs, i) -> claims.find(
                                rs.getString(1),
                                Platform.fromKey(rs.getString(2)).orElseThrow())
                        .orElseThrow())
                .single();
    }

    private CellReport failsReport(Claim claim, String reporter) {
        signIn(reporter, Roles.VIEWER);
        return feedback.report(
                claim.modelName(),
                claim.platform(),
                new ReportDraft(
                        ReportOutcome.FAILS,
                        "PyTorch",
                        "2.5.1",
                        "ROCm 6.2",
                        "MI300X",
                        Precision.FP16,
                        8,
                        "Segfault loading the weights",
                        "https://github.com/org/repo/issues/12"));
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void accepting_a_fails_report_on_a_high_claim_saves_the_claim_links_the_history_and_closes_the_report()
            throws Exception {
        Claim high = highClaim(0);
        CellReport report = failsReport(high, "accept-reporter");
        signIn("accept-validator", Roles.VALIDATOR);

        Claim saved = claims.saveFromReport(
                report,
                high,
                high.data().withLevel(CompatibilityLevel.UNSUPPORTED),
                new ChangeNote("From report #" + report.id() + ": Segfault loading the weights", "PyTorch 2.5.1"));

        assertThat(saved.data().level()).isEqualTo(CompatibilityLevel.UNSUPPORTED);
        assertThat(jdbc.sql("""
                        SELECT report_id FROM compatibility_history
                        WHERE model_id = :model AND hardware_type = :platform ORDER BY id DESC LIMIT 1""")
                        .param("model", high.modelId())
                        .param("platform", high.platform().key())
                        .query(Long.class)
                        .single())
                .isEqualTo(report.id());
        CellReport closed = feedback.modelReports(high.modelName()).stream()
                .filter(r -> r.id() == report.id())
                .findFirst()
                .orElseThrow();
        assertThat(closed.state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(closed.acceptedClaimId()).isEqualTo(high.claimId());
        assertThat(closed.closedBy()).isEqualTo("accept-validator");
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE action = 'feedback.accept' AND entity_id = CAST(:id AS VARCHAR)",
                        report.id()))
                .isEqualTo(1);

        SecurityContextHolder.clearContext();
        IngestApiSupport.caller(context, tokens, ApiScope.READ)
                .perform(get(URI.create(UriUtils.encodePath(
                        "/api/v1/models/" + high.modelName() + "/history", StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].new_status").value("unsupported"))
                .andExpect(jsonPath("$.items[0].report_id").value(report.id()));
    }

    @Test
    void a_report_closed_meanwhile_refuses_the_save_and_writes_nothing() {
        Claim high = highClaim(1);
        CellReport report = failsReport(high, "closed-reporter");
        signIn("closed-editor", Roles.EDITOR);
        feedback.decline(report, "Not reproducible with the driver in the claim");
        long history = count("SELECT count(*) FROM compatibility_history WHERE model_id = :id", high.modelId());
        long audits = count("SELECT count(*) FROM audit_log WHERE actor = CAST(:id AS VARCHAR)", "closed-editor");

        assertThatThrownBy(() -> claims.saveFromReport(
                        report,
                        high,
                        high.data().withLevel(CompatibilityLevel.UNSUPPORTED),
                        new ChangeNote("From report #" + report.id() + ": segfault", "PyTorch 2.5.1")))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors().get("")).contains("was changed or closed"));

        assertThat(claims.find(high.modelName(), high.platform()).orElseThrow()).isEqualTo(high);
        assertThat(count("SELECT count(*) FROM compatibility_history WHERE model_id = :id", high.modelId()))
                .isEqualTo(history);
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = CAST(:id AS VARCHAR)", "closed-editor"))
                .isEqualTo(audits);
    }

    @Test
    void a_viewer_may_not_accept_a_report() {
        Claim high = highClaim(2);
        CellReport report = failsReport(high, "viewer-reporter");
        signIn("viewer-acceptor", Roles.VIEWER);
        assertThatThrownBy(() -> claims.saveFromReport(
                        report,
                        high,
                        high.data().withLevel(CompatibilityLevel.UNSUPPORTED),
                        new ChangeNote("From report", "PyTorch 2.5.1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(claims.find(high.modelName(), high.platform()).orElseThrow()).isEqualTo(high);
    }
}
