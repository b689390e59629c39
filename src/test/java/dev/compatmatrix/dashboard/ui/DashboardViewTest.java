package dev.compatmatrix.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.security.Roles;
import dev.compatmatrix.security.ui.LoginView;
import org.junit.jupiter.api.Test;

class DashboardViewTest extends KaribuTest {

    @Test
    void the_dashboard_charts_coverage_and_status_and_lists_the_numbers() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("dashboard");
        DashboardView view = _get(DashboardView.class);
        ChartSpec coverage = view.coverageChart.spec();
        assertThat(coverage.type()).isEqualTo(ChartSpec.ChartType.BAR);
        assertThat(coverage.stacked()).isTrue();
        assertThat(coverage.categories()).hasSize(8).startsWith("CPU", "CUDA");
        assertThat(coverage.series()).extracting(ChartSpec.Series::name)
                .containsExactly("Validated", "Partially validated", "Unvalidated", "Not tested");
        assertThat(coverage.xTitle()).isEqualTo("Platform");
        assertThat(coverage.yTitle()).isEqualTo("Models");
        ChartSpec status = view.statusChart.spec();
        assertThat(status.type()).isEqualTo(ChartSpec.ChartType.DONUT);
        assertThat(status.series().getFirst().data().stream().mapToLong(Number::longValue).sum())
                .isEqualTo(coverage.series().subList(0, 3).stream()
                        .flatMap(s -> s.data().stream()).mapToLong(Number::longValue).sum());
        assertThat(GridKt._size(view.coverageTable)).isEqualTo(8);
        assertThat(coverage.toApexOptions()).containsKeys("chart", "series", "xaxis", "colors");
    }

    @Test
    void the_dashboard_needs_a_sign_in() {
        UI.getCurrent().navigate("dashboard");
        _assertOne(LoginView.class);
    }
}
