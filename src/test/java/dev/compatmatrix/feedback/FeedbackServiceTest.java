package dev.compatmatrix.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reporting on a cell through the service, into a real database: who may, one open report per cell, the limits. */
class FeedbackServiceTest extends WritingIntegrationTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcClient jdbc;

    static ReportDraft fails(String comment) {
        return new ReportDraft(
                ReportOutcome.FAILS, "PyTorch", "2.5.1", "ROCm 6.2", "MI300X", Precision.FP16, 8, comment, null);
    }

    private String aModel(int n) {
        return jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 1 OFFSET :n")
                .param("n", n)
                .query(String.class)
                .single();
    }

    private Map<String, Object> stored(long id) {
        return jdbc.sql("SELECT * FROM cell_reports WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private long reportsOf(String reporter) {
        return jdbc.sql("SELECT count(*) FROM cell_reports WHERE reporter = :r")
                .param("r", reporter)
                .query(Long.class)
                .single();
    }

    @Test
    void every_role_reports_and_a_second_report_on_the_cell_updates_the_first() {
        String model = aModel(3);
        for (String role : Roles.ALL) {
            String user = "report-role-" + role.toLowerCase(Locale.ROOT);
            signIn(user, role);
            CellReport first = feedback.report(model, Platform.ROCM, fails("Segfault in the attention kernel"));
            CellReport second = feedback.report(model, Platform.ROCM, fails("Segfault, also with batch size 1"));

            assertThat(second.id()).as(role).isEqualTo(first.id());
            assertThat(second.draft().comment()).isEqualTo("Segfault, also with batch size 1");
            assertThat(second.rowVersion()).isEqualTo(first.rowVersion() + 1);
            assertThat(reportsOf(user)).as(role + " has one report").isEqualTo(1);
            assertThat(feedback.myReports()).extracting(CellReport::id).containsExactly(first.id());
            assertThat(stored(first.id())).containsEntry("state", "OPEN").containsEntry("driver", "ROCm 6.2");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('feedback.report', 'feedback.update')"
                                + " AND actor LIKE 'report-role-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L * Roles.ALL.size());
    }

    @Test
    void bad_input_and_the_hourly_limit_answer_clearly_and_change_nothing() {
        signIn("report-limits", Roles.VIEWER);
        String model = aModel(5);
        var noComment = fails(null);
        assertThatThrownBy(() -> feedback.report(model, Platform.CUDA, noComment))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("Say what went wrong");
        var badLink = new ReportDraft(ReportOutcome.WORKS, null, null, null, null, null, null, null, "javascript:x");
        assertThatThrownBy(() -> feedback.report(model, Platform.CUDA, badLink))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("http(s) link");
        assertThatThrownBy(() -> feedback.report("no-such-model-anywhere", Platform.CUDA, fails("x")))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("No model named");
        assertThat(reportsOf("report-limits")).isZero();

        for (int i = 0; i < FeedbackService.REPORTS_PER_HOUR; i++) {
            feedback.report(aModel(10 + i / Platform.values().length), Platform.values()[i % 8], fails("n" + i));
        }
        String another = aModel(40);
        assertThatThrownBy(() -> feedback.report(another, Platform.CPU, fails("one too many")))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining(FeedbackService.REPORTS_PER_HOUR + " reports in the last hour");
        assertThat(reportsOf("report-limits")).isEqualTo(FeedbackService.REPORTS_PER_HOUR);
        // Updating a report already open is not a new report: still allowed.
        feedback.report(aModel(10), Platform.CPU, fails("updated after the limit"));
        assertThat(reportsOf("report-limits")).isEqualTo(FeedbackService.REPORTS_PER_HOUR);
    }

    @Test
    void a_token_reports_only_with_the_feedback_scope_and_triage_is_for_editors_and_validators() {
        String model = aModel(7);
        actAsToken("ROLE_VIEWER", "SCOPE_read");
        assertThatThrownBy(() -> feedback.report(model, Platform.MPS, fails("x")))
                .isInstanceOf(AccessDeniedException.class);
        actAsToken(FeedbackService.WRITE_SCOPE_AUTHORITY);
        CellReport report = feedback.report(model, Platform.MPS, fails("Metal shader compile error"));
        assertThat(report.reporter()).isEqualTo("api:feedback-test");

        signIn("report-viewer", Roles.VIEWER);
        assertThatThrownBy(() -> feedback.decline(report, "not reproducible"))
                .isInstanceOf(AccessDeniedException.class);
        signIn("report-validator", Roles.VALIDATOR);
        assertThatThrownBy(() -> feedback.decline(report, " "))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("Say why");
        CellReport declined = feedback.decline(report, "Fixed in macOS 15.2; please update");
        assertThat(declined.state()).isEqualTo(ReportState.DECLINED);
        assertThat(declined.closedBy()).isEqualTo("report-validator");
        assertThatThrownBy(() -> feedback.decline(report, "again"))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("changed or closed meanwhile");
        assertThat(stored(report.id())).containsEntry("state", "DECLINED");
    }

    private static void actAsToken(String... authorities) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "api:feedback-test", null, AuthorityUtils.createAuthorityList(authorities)));
    }
}
