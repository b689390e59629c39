package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import dev.compatmatrix.recommendation.query.PerformanceComparison;
import dev.compatmatrix.recommendation.query.PerformanceRow;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PerformanceTabTest extends KaribuTest {

    @Autowired
    ModelPageService service;

    @BeforeEach
    void signIn() {
        login("viewer", Roles.VIEWER);
    }

    @Test
    void the_tab_reads_nothing_until_it_is_opened() {
        UI.getCurrent().navigate("models/bert-base-uncased");
        TabSheet tabs = _get(TabSheet.class);
        PerformanceTab tab = (PerformanceTab) tabs.getComponent(tabs.getTabAt(performanceTabIndex(tabs)));
        assertThat(tab.throughputChart.spec()).isNull();
        assertThat(tab.task.getListDataView().getItemCount()).isZero();
        assertThat(openPerformanceTab()).isSameAs(tab);
        assertThat(tab.throughputChart.spec()).isNotNull();
    }

    @Test
    void the_charts_show_the_measured_platforms_throughput_and_latency_and_name_the_others() {
        UI.getCurrent().navigate("models/llama-7b");
        PerformanceTab tab = openPerformanceTab();
        PerformanceComparison expected = service.performanceComparison("llama-7b", null);
        assertThat(tab.task.getValue()).isEqualTo("text_generation");
        assertThat(tab.batch.getValue()).isEqualTo(16);
        assertThat(tab.precision.getValue()).isEqualTo(Precision.FP16);
        assertThat(tab.batch.getListDataView().getItems()).containsExactly(1, 4, 16);
        assertDrawn(tab, expected);

        ChartSpec throughput = tab.throughputChart.spec();
        assertThat(throughput.type()).isEqualTo(ChartSpec.ChartType.BAR);
        assertThat(throughput.title()).isEqualTo("Throughput per platform (items/s)");
        assertThat(throughput.xTitle()).isEqualTo("Platform");
        assertThat(throughput.yTitle()).isEqualTo("Items per second");
        assertThat(tab.latencyChart.spec().title()).isEqualTo("Latency per platform (ms)");
        assertThat(tab.latencyChart.spec().yTitle()).isEqualTo("Milliseconds");
        assertThat(throughput.categories()).doesNotContain("WebNN", "WebGPU");
        assertThat(tab.unmeasured.isVisible()).isTrue();
        assertThat(tab.unmeasured.getText())
                .startsWith("No measurements on: ")
                .contains("WebNN", "WebGPU")
                .doesNotContain("CUDA");
        assertThat(tab.latencyChart.table().header()).containsExactly("Platform", "p50", "p95");
        assertThat(tab.latencyChart.table().rows()).hasSize(expected.rows().size());
        assertThat(tab.measurements.getListDataView().getItems()).containsExactlyElementsOf(expected.rows());
    }

    @Test
    void changing_the_batch_size_redraws_both_charts() {
        UI.getCurrent().navigate("models/bert-base-uncased");
        PerformanceTab tab = openPerformanceTab();
        List<? extends Number> atBatch32 =
                tab.throughputChart.spec().series().getFirst().data();
        assertThat(tab.unmeasured.isVisible()).isFalse();

        HasValueUtilsKt._setValue(tab.batch, 1);

        assertDrawn(
                tab,
                service.performanceComparison(
                        "bert-base-uncased", new PerformanceChoice("embedding", 1, Precision.FP16)));
        assertThat(tab.throughputChart.spec().series().getFirst().data()).isNotEqualTo(atBatch32);
        assertThat(tab.throughputChart.table().rows().get(1)).first().isEqualTo("CUDA");
        assertThat(tab.measurements.getListDataView().getItems())
                .allSatisfy(row ->
                        assertThat(row.latencyP50Ms()).isCloseTo(1000 / row.throughputItemsPerS(), within(1e-6)));
    }

    private static PerformanceTab openPerformanceTab() {
        TabSheet tabs = _get(TabSheet.class);
        tabs.setSelectedIndex(performanceTabIndex(tabs));
        return _get(PerformanceTab.class);
    }

    private static int performanceTabIndex(TabSheet tabs) {
        return IntStream.range(0, tabs.getTabCount())
                .filter(i -> tabs.getTabAt(i).getLabel().equals("Performance"))
                .findFirst()
                .orElseThrow();
    }

    /** Categories are the measured platforms; the series hold the query's numbers (rounded to 2 decimals). */
    private static void assertDrawn(PerformanceTab tab, PerformanceComparison expected) {
        List<String> platforms =
                expected.rows().stream().map(r -> r.platform().label()).toList();
        assertThat(platforms).isNotEmpty();
        ChartSpec throughput = tab.throughputChart.spec();
        ChartSpec latency = tab.latencyChart.spec();
        assertThat(throughput.categories()).isEqualTo(platforms);
        assertThat(latency.categories()).isEqualTo(platforms);
        assertThat(throughput.series()).extracting(ChartSpec.Series::name).containsExactly("Throughput");
        assertThat(latency.series()).extracting(ChartSpec.Series::name).containsExactly("p50", "p95");
        assertSeries(throughput.series().get(0), expected.rows(), PerformanceRow::throughputItemsPerS);
        assertSeries(latency.series().get(0), expected.rows(), PerformanceRow::latencyP50Ms);
        assertSeries(latency.series().get(1), expected.rows(), PerformanceRow::latencyP95Ms);
    }

    private static void assertSeries(
            ChartSpec.Series series, List<PerformanceRow> rows, Function<PerformanceRow, Double> value) {
        assertThat(series.data()).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(series.data().get(i).doubleValue()).isCloseTo(value.apply(rows.get(i)), within(0.005));
        }
    }
}
