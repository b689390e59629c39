package dev.compatmatrix.modelpage.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.compatmatrix.base.ui.chart.ChartPanel;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import dev.compatmatrix.recommendation.query.PerformanceComparison;
import dev.compatmatrix.recommendation.query.PerformanceRow;
import dev.compatmatrix.recommendation.ui.RecommendationFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model page's performance comparison across platforms: a task, batch size and precision chosen in three
 * selects; throughput and latency (p50, p95) per platform as bar charts with their numbers as tables; each
 * measurement's memory, time and source; and the platforms without a measurement for that choice. Reads nothing until {@link #load()}, so the model page only
 * pays for it when the tab is opened.
 */
class PerformanceTab extends VerticalLayout {

    final Select<String> task = new Select<>();
    final Select<Integer> batch = new Select<>();
    final Select<Precision> precision = new Select<>();
    final ChartPanel throughputChart = new ChartPanel("performance-throughput-chart");
    final ChartPanel latencyChart = new ChartPanel("performance-latency-chart");
    final Grid<PerformanceRow> measurements = new Grid<>();
    final Paragraph unmeasured = new Paragraph();

    private final ModelPageService service;
    private final String modelName;
    private boolean loaded;

    PerformanceTab(ModelPageService service, String modelName) {
        this.service = service;
        this.modelName = modelName;
        setPadding(false);
        task.setId("performance-task");
        task.setLabel("Task");
        batch.setId("performance-batch");
        batch.setLabel("Batch size");
        precision.setId("performance-precision");
        precision.setLabel("Precision");
        precision.setItemLabelGenerator(Precision::key);
        unmeasured.setId("performance-unmeasured");
        unmeasured.addClassName("hint");
        measurements.setId("performance-measurements");
        measurements.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        measurements.setAllRowsVisible(true);
        measurements.setEmptyStateText("No measurement for this task, batch size and precision.");
        measurements.addColumn(r -> r.platform().label()).setHeader("Platform").setAutoWidth(true);
        measurements
                .addColumn(r -> RecommendationFormat.memory(r.memoryMb()))
                .setHeader("Memory")
                .setAutoWidth(true);
        measurements
                .addColumn(r -> r.measuredAt() == null ? "" : ModelView.UTC_TIME.format(r.measuredAt()))
                .setHeader("Measured")
                .setAutoWidth(true);
        measurements.addColumn(PerformanceRow::source).setHeader("Source").setAutoWidth(true);
    }

    /** Adds the tab "Performance", which loads when it is first selected. */
    static void addTo(TabSheet tabs, ModelPageService service, String modelName) {
        PerformanceTab content = new PerformanceTab(service, modelName);
        Tab tab = tabs.add("Performance", content);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab) {
                content.load();
            }
        });
    }

    /** Shows the default comparison the first time; later calls keep what the user chose. */
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        PerformanceComparison comparison = service.performanceComparison(modelName, null);
        if (comparison.chosen() == null) {
            Paragraph none = new Paragraph("No performance measurements for this model yet.");
            none.setId("performance-none");
            add(none);
            return;
        }
        task.setItems(comparison.tasks());
        batch.setItems(comparison.batchSizes());
        precision.setItems(comparison.precisions());
        task.setValue(comparison.chosen().taskType());
        batch.setValue(comparison.chosen().batchSize());
        precision.setValue(comparison.chosen().precision());
        // Added after the values are set, so only the user's changes read again.
        task.addValueChangeListener(e -> choiceChanged());
        batch.addValueChangeListener(e -> choiceChanged());
        precision.addValueChangeListener(e -> choiceChanged());

        FlexLayout selects = new FlexLayout(task, batch, precision);
        selects.addClassName("filter-bar");
        Div charts = new Div(throughputChart, latencyChart);
        charts.addClassName("performance-charts");
        charts.setWidthFull();
        add(selects, charts, unmeasured, measurements);
        show(comparison);
    }

    private void choiceChanged() {
        if (!task.isEmpty() && !batch.isEmpty() && !precision.isEmpty()) {
            show(service.performanceComparison(
                    modelName, new PerformanceChoice(task.getValue(), batch.getValue(), precision.getValue())));
        }
    }

    private void show(PerformanceComparison comparison) {
        List<PerformanceRow> rows = comparison.rows();
        List<String> platforms = rows.stream().map(r -> r.platform().label()).toList();
        throughputChart.show(ChartSpec.bar(
                        "Throughput per platform (items/s)",
                        platforms,
                        List.of(series("Throughput", rows, PerformanceRow::throughputItemsPerS)))
                .withAxisTitles("Platform", "Items per second"));
        latencyChart.show(ChartSpec.bar(
                        "Latency per platform (ms)",
                        platforms,
                        List.of(
                                series("p50", rows, PerformanceRow::latencyP50Ms),
                                series("p95", rows, PerformanceRow::latencyP95Ms)))
                .withAxisTitles("Platform", "Milliseconds"));
        List<Platform> missing = comparison.unmeasured();
        unmeasured.setText(
                missing.isEmpty()
                        ? ""
                        : "No measurements on: "
                                + missing.stream().map(Platform::label).collect(Collectors.joining(", "))
                                + " (not tested, unsupported, or not measured for this choice).");
        unmeasured.setVisible(!missing.isEmpty());
        measurements.setItems(rows);
    }

    /** Values rounded to two decimals, as the table shows them, so the chart's tooltips read the same. */
    private static ChartSpec.Series series(
            String name, List<PerformanceRow> rows, Function<PerformanceRow, Double> value) {
        return new ChartSpec.Series(
                name,
                rows.stream()
                        .map(value)
                        .map(v -> v == null ? null : Math.round(v * 100) / 100.0)
                        .toList());
    }
}
