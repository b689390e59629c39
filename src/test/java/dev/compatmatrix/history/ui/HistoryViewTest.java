package dev.compatmatrix.history.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ui.LoginView;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class HistoryViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    private long total(ChartSpec spec) {
        return spec.series().stream()
                .flatMap(s -> s.data().stream())
                .mapToLong(Number::longValue)
                .sum();
    }

    private long changesOf(String model) {
        return jdbc.sql("""
                SELECT count(*) FROM compatibility_history ch JOIN models m ON m.model_id = ch.model_id
                WHERE m.model_name = :model""").param("model", model).query(Long.class).single();
    }

    @Test
    void without_filters_the_monthly_chart_stacks_every_change_by_platform() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("history");
        HistoryView view = _get(HistoryView.class);
        ChartSpec monthly = view.monthlyChart.spec();
        assertThat(monthly.stacked()).isTrue();
        assertThat(monthly.series())
                .hasSize(8)
                .extracting(ChartSpec.Series::name)
                .startsWith("CPU", "CUDA");
        long all = jdbc.sql("SELECT count(*) FROM compatibility_history")
                .query(Long.class)
                .single();
        assertThat(total(monthly)).isEqualTo(all);
        assertThat(monthly.categories()).hasSizeBetween(12, 14);
        assertThat(monthly.xTitle()).isEqualTo("Month (UTC)");
        assertThat(GridKt._size(view.changes)).isEqualTo((int) all);
        assertThat(view.levelChart.isVisible()).isFalse();
        assertThat(view.levelHint.isVisible()).isTrue();
    }

    @Test
    void choosing_a_model_redraws_the_charts_updates_the_table_and_the_url() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("history");
        HistoryView view = _get(HistoryView.class);
        view.filters.model.setValue("llama-7b");
        long llama = changesOf("llama-7b");
        assertThat(total(view.monthlyChart.spec())).isEqualTo(llama);
        assertThat(GridKt._size(view.changes)).isEqualTo((int) llama);
        assertThat(view.changeCount.getText()).isEqualTo(llama + " changes");
        assertThat(view.levelChart.isVisible()).isTrue();
        ChartSpec levels = view.levelChart.spec();
        assertThat(levels.type()).isEqualTo(ChartSpec.ChartType.RANGE_BAR);
        assertThat(levels.title()).isEqualTo("Levels of llama-7b over time");
        // Every non-removal change starts one bar.
        long bars = levels.ranges().stream().mapToLong(r -> r.bars().size()).sum();
        long levelChanges = jdbc.sql("""
                SELECT count(*) FROM compatibility_history ch JOIN models m ON m.model_id = ch.model_id
                WHERE m.model_name = 'llama-7b' AND ch.new_status IS NOT NULL""").query(Long.class).single();
        assertThat(bars).isEqualTo(levelChanges);
        assertThat(view.currentQuery().getQueryString()).isEqualTo("model=llama-7b");

        view.filters.platform.setValue(Platform.CUDA);
        assertThat(view.monthlyChart.spec().series())
                .extracting(ChartSpec.Series::name)
                .containsExactly("CUDA");
        assertThat(rows(view)).allSatisfy(r -> assertThat(r.hardwareType()).isEqualTo("cuda"));
        assertThat(view.levelChart.spec().ranges())
                .allSatisfy(r ->
                        assertThat(r.bars()).allSatisfy(b -> assertThat(b.row()).isEqualTo("CUDA")));
    }

    @Test
    void a_url_restores_the_filters() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent()
                .navigate(
                        "history",
                        QueryParameters.fromString(
                                "model=llama-7b&platform=rocm&from=2026-01-01&to=2026-10-31&version=ROCm"));
        HistoryView view = _get(HistoryView.class);
        assertThat(view.filters.model.getValue()).isEqualTo("llama-7b");
        assertThat(view.filters.platform.getValue()).isEqualTo(Platform.ROCM);
        assertThat(view.filters.from.getValue()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(view.filters.to.getValue()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(view.filters.version.getValue()).isEqualTo("ROCm");
        assertThat(view.urlNotice.isVisible()).isFalse();
        assertThat(view.monthlyChart.spec().categories())
                .hasSize(10)
                .startsWith("2026-01")
                .endsWith("2026-10");
        assertThat(rows(view)).allSatisfy(r -> {
            assertThat(r.modelName()).isEqualTo("llama-7b");
            assertThat(r.changeVersion()).containsIgnoringCase("rocm");
        });
        var filter = new HistoryFilter(
                "llama-7b", Platform.ROCM, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31), "ROCm");
        assertThat(view.currentQuery().getParameters())
                .isEqualTo(HistoryUrl.toQuery(filter).getParameters());
        assertThat(HistoryUrl.parse(HistoryUrl.toQuery(filter), name -> true).filter())
                .isEqualTo(filter);
    }

    @Test
    void bad_link_parameters_are_ignored_with_a_notice() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent()
                .navigate(
                        "history",
                        QueryParameters.fromString("platform=tpu&from=2026-06-01&to=2026-01-01&model=no-such-model"));
        HistoryView view = _get(HistoryView.class);
        assertThat(view.urlNotice.isVisible()).isTrue();
        assertThat(view.urlNotice.getText())
                .contains("platform=tpu", "the range starts after it ends", "model=no-such-model (no such model)");
        assertThat(view.filters.platform.getValue()).isNull();
        assertThat(view.filters.from.getValue()).isNull();
        long all = jdbc.sql("SELECT count(*) FROM compatibility_history")
                .query(Long.class)
                .single();
        assertThat(GridKt._size(view.changes)).isEqualTo((int) all);

        UI.getCurrent().navigate("history", QueryParameters.fromString("from=yesterday"));
        assertThat(_get(HistoryView.class).urlNotice.getText()).contains("from=yesterday");
    }

    @Test
    void a_reversed_range_typed_in_the_form_is_refused_on_the_field() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("history");
        HistoryView view = _get(HistoryView.class);
        long before = GridKt._size(view.changes);
        view.filters.from.setValue(LocalDate.of(2026, 6, 1));
        view.filters.to.setValue(LocalDate.of(2026, 2, 1));
        assertThat(view.filters.to.isInvalid()).isTrue();
        assertThat(view.filters.to.getErrorMessage()).contains("before the start");
        // The grid still shows the last valid filter (from 2026-06-01 on), not an error.
        assertThat(GridKt._size(view.changes)).isLessThan((int) before).isPositive();
    }

    @Test
    void history_needs_a_sign_in() {
        UI.getCurrent().navigate("history");
        _assertOne(LoginView.class);
    }

    private static java.util.List<HistoryRow> rows(HistoryView view) {
        return IntStream.range(0, GridKt._size(view.changes))
                .mapToObj(i -> GridKt._get(view.changes, i))
                .toList();
    }
}
