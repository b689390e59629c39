package dev.compatmatrix.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.dashboard.DashboardService;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DashboardViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_dashboard_charts_coverage_and_status_and_lists_the_numbers() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        ChartSpec coverage = view.coverageChart.spec();
        assertThat(coverage.type()).isEqualTo(ChartSpec.ChartType.BAR);
        assertThat(coverage.stacked()).isTrue();
        assertThat(coverage.categories()).hasSize(8).startsWith("CPU", "CUDA");
        assertThat(coverage.series())
                .extracting(ChartSpec.Series::name)
                .containsExactly("Validated", "Partially validated", "Unvalidated", "Not tested");
        assertThat(coverage.xTitle()).isEqualTo("Platform");
        assertThat(coverage.yTitle()).isEqualTo("Models");
        ChartSpec status = view.statusChart.spec();
        assertThat(status.type()).isEqualTo(ChartSpec.ChartType.DONUT);
        assertThat(status.series().getFirst().data().stream()
                        .mapToLong(Number::longValue)
                        .sum())
                .isEqualTo(coverage.series().subList(0, 3).stream()
                        .flatMap(s -> s.data().stream())
                        .mapToLong(Number::longValue)
                        .sum());
        assertThat(view.coverageChart.table().rows()).hasSize(8);
        assertThat(view.coverageChart.table().header())
                .containsExactly("Platform", "Validated", "Partially validated", "Unvalidated", "Not tested");
        assertThat(coverage.toApexOptions()).containsKeys("chart", "series", "xaxis", "colors");
    }

    @Test
    void the_score_distribution_counts_every_model_once() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        ChartSpec scores = _get(DashboardView.class).scoreChart.spec();
        long models = jdbc.sql("SELECT count(*) FROM cross_platform_compatibility")
                .query(Long.class)
                .single();
        long highScores = jdbc.sql("SELECT count(*) FROM cross_platform_compatibility WHERE compatibility_score >= 0.9")
                .query(Long.class)
                .single();
        assertThat(scores.categories()).hasSize(10).startsWith("0.0–0.1").endsWith("0.9–1.0");
        assertThat(scores.series().getFirst().data().stream()
                        .mapToLong(Number::longValue)
                        .sum())
                .isEqualTo(models);
        assertThat(scores.series().getFirst().data().getLast().longValue()).isEqualTo(highScores);
        assertThat(scores.xTitle()).isEqualTo("Score");
    }

    @Test
    void the_heatmap_shows_the_share_of_supported_models_per_family_and_platform() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        ChartSpec heatmap = _get(DashboardView.class).familyChart.spec();
        assertThat(heatmap.type()).isEqualTo(ChartSpec.ChartType.HEATMAP);
        assertThat(heatmap.categories()).hasSize(8);
        assertThat(heatmap.series()).hasSizeBetween(1, DashboardService.HEATMAP_FAMILIES);
        // bert has bert-base-uncased and bert-tiny; compare its CUDA cell with a direct count.
        long bertModels = jdbc.sql("SELECT count(*) FROM models WHERE model_family = 'bert' AND deleted_at IS NULL")
                .query(Long.class)
                .single();
        long bertOnCuda = jdbc.sql("""
                SELECT count(*) FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                JOIN compatibility_details d ON d.compatibility_id = c.id
                WHERE m.model_family = 'bert' AND d.hardware_type = 'cuda' AND d.compatibility_level <> 'unsupported'
                """).query(Long.class).single();
        ChartSpec.Series bert = heatmap.series().stream()
                .filter(s -> s.name().startsWith("bert "))
                .findFirst()
                .orElseThrow();
        assertThat(bert.name()).isEqualTo("bert (" + bertModels + ")");
        assertThat(bert.data().get(1).intValue()).isEqualTo((int) Math.round(100.0 * bertOnCuda / bertModels));
    }

    @Test
    void the_heatmap_says_which_families_it_shows_and_pages_through_all_of_them() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        int families = jdbc.sql("SELECT count(DISTINCT model_family) FROM models WHERE deleted_at IS NULL")
                .query(Integer.class)
                .single();
        assertThat(families).isGreaterThan(DashboardService.HEATMAP_FAMILIES);
        assertThat(view.familyRange.getText()).isEqualTo("Families 1–12 of " + families + ", biggest first");
        assertThat(view.previousFamilies.isEnabled()).isFalse();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (true) {
            view.familyChart.spec().series().forEach(s -> seen.add(s.name()));
            if (!view.nextFamilies.isEnabled()) {
                break;
            }
            view.nextFamilies.click();
        }
        assertThat(seen).hasSize(families);
        assertThat(view.familyRange.getText()).endsWith("–" + families + " of " + families + ", biggest first");
        assertThat(view.previousFamilies.isEnabled()).isTrue();
        view.previousFamilies.click();
        int previousPage = (families - 1) / 12 * 12 - 12;
        assertThat(view.familyRange.getText())
                .startsWith("Families " + (previousPage + 1) + "–" + (previousPage + 12) + " of");
    }

    @Test
    void recent_changes_list_the_newest_history_rows() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        assertThat(GridKt._size(view.recentChanges)).isEqualTo(DashboardService.RECENT_CHANGES);
        var newest = jdbc.sql("SELECT max(change_date) FROM compatibility_history")
                .query(java.sql.Timestamp.class)
                .single();
        assertThat(GridKt._get(view.recentChanges, 0).changeDate()).isEqualTo(newest.toLocalDateTime());
    }

    @Test
    void the_dashboard_needs_a_sign_in() {
        UI.getCurrent().navigate("dashboard");
        _assertOne(LoginView.class);
    }
}
