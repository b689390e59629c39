package dev.compatmatrix.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.compatmatrix.LiveScreenSupport.awaitOnScreen;
import static dev.compatmatrix.LiveScreenSupport.elsewhere;
import static dev.compatmatrix.LiveScreenSupport.keepsOnScreen;
import static dev.compatmatrix.LiveScreenSupport.tabHidden;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.dashboard.DashboardService;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard follows changes made elsewhere, keeps its heatmap page, and waits while its tab is hidden. */
class DashboardLiveTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    @Autowired
    DashboardService service;

    @Autowired
    LiveUpdates liveUpdates;

    @Autowired
    LiveChanges live;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_level_change_elsewhere_updates_the_charts_and_marks_the_new_change_keeping_the_heatmap_page() {
        String model = validatedCpuClaim(0);
        DashboardView view = openDashboard();
        if (view.nextFamilies.isEnabled()) {
            view.nextFamilies.click();
        }
        String familyPage = view.familyRange.getText();
        ChartSpec coverageBefore = view.coverageChart.spec();

        elsewhere(() -> changeLevel(model, "Dashboard live change"));

        awaitOnScreen(() -> view.liveRefreshes() == 1 && reason(view, 0).equals("Dashboard live change"));
        Component newest = GridKt._getCellComponent(view.recentChanges, 0, "when");
        assertThat(newest.getElement().getClassList()).contains("live-changed");
        assertThat(_get(newest, Span.class, spec -> spec.withClasses("live-changed-label"))
                        .getText())
                .isEqualTo("New");
        assertThat(GridKt._getCellComponent(view.recentChanges, 1, "when")
                        .getElement()
                        .getClassList())
                .doesNotContain("live-changed");
        // The validated claim is unvalidated now: the coverage chart shows today's numbers, as a new screen would.
        DashboardView fresh = new DashboardView(service, liveUpdates);
        assertThat(view.coverageChart.spec()).isNotEqualTo(coverageBefore).isEqualTo(fresh.coverageChart.spec());
        assertThat(view.statusChart.spec()).isEqualTo(fresh.statusChart.spec());
        assertThat(view.familyRange.getText()).isEqualTo(familyPage);
    }

    @Test
    void a_dashboard_in_a_hidden_tab_does_no_work_until_the_tab_shows_again() {
        String model = validatedCpuClaim(1);
        DashboardView view = openDashboard();
        tabHidden(view, true);
        long seen = live.changesSeen();

        elsewhere(() -> changeLevel(model, "Made while hidden"));

        awaitOnScreen(() -> live.changesSeen() > seen);
        keepsOnScreen(
                Duration.ofMillis(600),
                () -> view.liveRefreshes() == 0 && !reason(view, 0).equals("Made while hidden"));
        tabHidden(view, false);
        awaitOnScreen(() -> view.liveRefreshes() == 1 && reason(view, 0).equals("Made while hidden"));
    }

    private DashboardView openDashboard() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        return _get(DashboardView.class);
    }

    private static String reason(DashboardView view, int row) {
        HistoryRow change = GridKt._get(view.recentChanges, row);
        return String.valueOf(change.changeReason());
    }

    /** A validated CPU claim's model, the {@code nth} by name (each test its own). */
    private String validatedCpuClaim(int nth) {
        return jdbc.sql("""
                        SELECT m.model_name FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        JOIN compatibility_details d ON d.compatibility_id = c.id
                        WHERE d.hardware_type = 'cpu' AND d.validation_status = 'validated' AND m.deleted_at IS NULL
                        ORDER BY m.model_name LIMIT 1 OFFSET :nth""").param("nth", nth).query(String.class).single();
    }

    private void changeLevel(String model, String reason) {
        TestUsers.signIn("editor", Roles.EDITOR);
        Claim claim = claims.find(model, Platform.CPU).orElseThrow();
        CompatibilityLevel next =
                claim.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.MEDIUM : CompatibilityLevel.LOW;
        claims.update(
                claim,
                new ClaimData(next, null, null, null, null, "torch 2.6.0", null, null, null, false),
                new ChangeNote(reason, "torch 2.6.0"));
    }
}
