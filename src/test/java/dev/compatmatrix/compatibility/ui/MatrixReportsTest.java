package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.compatmatrix.compatibility.ui.MatrixPredictionsTest.showFirstPage;
import static dev.compatmatrix.compatibility.ui.MatrixPredictionsTest.shownRows;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users' open reports on the matrix: a counter in words under a claim they contradict, "community: works for n" under
 * an untested cell (which stays "Not tested"), on the phone cards too; closed reports and a disabled reporter's do not
 * count; none in the matrix as of a past day.
 */
class MatrixReportsTest extends WritingKaribuTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Test
    void a_cell_shows_how_many_open_reports_contradict_it_and_an_untested_cell_the_community_evidence() {
        ReportFixtures fixtures = new ReportFixtures(context);
        MlModel model = fixtures.model(
                "matrix-reports-counter",
                "reports",
                Map.of(Platform.CUDA, CompatibilityLevel.HIGH, Platform.CPU, CompatibilityLevel.MEDIUM));
        fixtures.report(model.modelId(), Platform.CUDA, "counter-a", ReportOutcome.FAILS);
        long partly = fixtures.report(model.modelId(), Platform.CUDA, "counter-b", ReportOutcome.PARTLY);
        fixtures.report(model.modelId(), Platform.CPU, "counter-a", ReportOutcome.WORKS); // agrees with Medium
        fixtures.report(model.modelId(), Platform.WEBGPU, "counter-a", ReportOutcome.WORKS);
        fixtures.disabledUser("counter-disabled");
        fixtures.report(model.modelId(), Platform.WEBGPU, "counter-disabled", ReportOutcome.WORKS);
        login("viewer", Roles.VIEWER);

        MatrixView view = open("q=" + model.data().name());
        MatrixRow row = row(view, model.modelId());
        assertThat(value(view, "cuda", "reports", row)).isEqualTo("⚑ 2 reports contradict");
        assertThat((String) value(view, "cuda", "reportsTitle", row))
                .startsWith("2 open user reports say otherwise than this level. Reports are not claims");
        assertThat(value(view, "cuda", "text", row)).isEqualTo("High ○");
        assertThat(value(view, "cpu", "reports", row)).isEqualTo("");
        assertThat(value(view, "webgpu", "reports", row)).isEqualTo("community: works for 1");
        assertThat((String) value(view, "webgpu", "reportsTitle", row))
                .startsWith("Community evidence, not a claim: 1 user reports it works");
        assertThat(row.cell(Platform.WEBGPU))
                .as("community evidence is no claim")
                .isNull();
        assertThat(value(view, "webgpu", "text", row)).isEqualTo("Not tested");
        assertThat(view.legend.getText()).contains("⚑ n reports contradict");

        view.useCards(true);
        assertThat(value(view, "card", "cudaReports", row)).isEqualTo("⚑ 2 reports contradict");
        assertThat(value(view, "card", "webgpuReports", row)).isEqualTo("community: works for 1");

        fixtures.decline(partly);
        view.useCards(false);
        view.grid.getDataProvider().refreshAll();
        showFirstPage(view);
        assertThat(value(view, "cuda", "reports", row(view, model.modelId()))).isEqualTo("⚑ 1 report contradicts");
    }

    @Test
    void in_the_matrix_as_of_a_past_day_no_reports_show() {
        ReportFixtures fixtures = new ReportFixtures(context);
        login("viewer", Roles.VIEWER);
        // A demo model with a supported CUDA claim and a history before the as-of day: other tests add models today
        // (that day does not show them), and the first page may hold only theirs.
        var demo = context.getBean(JdbcClient.class)
                .sql("""
                        SELECT m.model_id, m.model_name FROM models m
                        JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        JOIN compatibility_details d ON d.compatibility_id = c.id AND d.hardware_type = 'cuda'
                        WHERE m.deleted_at IS NULL AND d.compatibility_level <> 'unsupported'
                          AND EXISTS (SELECT 1 FROM compatibility_history h
                                      WHERE h.model_id = m.model_id AND h.change_date < TIMESTAMP '2026-05-01 00:00:00')
                        ORDER BY m.model_name LIMIT 1""")
                .query((rs, n) -> new DemoModel(rs.getInt(1), rs.getString(2)))
                .single();
        fixtures.report(demo.modelId(), Platform.CUDA, "as-of-reporter", ReportOutcome.FAILS);
        login("viewer", Roles.VIEWER);

        MatrixView now = open("q=" + demo.name());
        // Other tests on this database may have reported on the same cell: at least this one counts.
        assertThat(row(now, demo.modelId()).reports(Platform.CUDA).contradicting())
                .isPositive();
        assertThat((String) value(now, "cuda", "reports", row(now, demo.modelId())))
                .startsWith("⚑ ");

        // Another screen first: from the matrix to the matrix the view stays, and its grid's key mapper still holds
        // the live rows (with their reports) beside the as-of ones.
        UI.getCurrent().navigate("history");
        MatrixView past = open("q=" + demo.name() + "&asOf=2026-06-01");
        assertThat(past).isNotSameAs(now);
        MatrixRow then = row(past, demo.modelId());
        assertThat(then.reports()).isEmpty();
        assertThat(value(past, "cuda", "reports", then)).isEqualTo("");
        assertThat(past.legend.getText()).doesNotContain("⚑");
    }

    private static MatrixView open(String query) {
        UI.getCurrent().navigate("", QueryParameters.fromString(query));
        MatrixView view = _get(MatrixView.class);
        showFirstPage(view);
        return view;
    }

    private static Object value(MatrixView view, String column, String property, MatrixRow row) {
        return MatrixPredictionsTest.valueOf(view, column, property, row);
    }

    private static MatrixRow row(MatrixView view, int modelId) {
        return shownRows(view).stream()
                .filter(r -> r.modelId() == modelId)
                .findFirst()
                .orElseThrow();
    }

    private record DemoModel(int modelId, String name) {}
}
