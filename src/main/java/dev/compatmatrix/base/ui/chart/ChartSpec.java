package dev.compatmatrix.base.ui.chart;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chart shows, in our own terms; {@link #toApexOptions()} turns it into ApexCharts options. Start with
 * a factory ({@link #bar}, {@link #line}, {@link #donut}, {@link #heatmap}, {@link #timeline}) and refine it
 * with the {@code with…} methods.
 *
 * @param categories x-axis categories, a donut's slice labels, a heatmap's columns, or a timeline's rows in order
 * @param series     one per data series (a heatmap's rows); a donut uses the first series' data as slice values
 * @param ranges     a timeline's bars, one series per legend entry
 * @param colors     one per series (or per slice), matching the level colours; empty for ApexCharts' own
 */
public record ChartSpec(
        ChartType type,
        String title,
        List<String> categories,
        List<Series> series,
        List<RangeSeries> ranges,
        List<String> colors,
        String xTitle,
        String yTitle,
        boolean stacked,
        boolean horizontal,
        int heightPx,
        boolean slantedLabels) {

    /** A named row of numbers, one per category. */
    public record Series(String name, List<? extends Number> data) {}

    /** A timeline legend entry (e.g. a level) and its bars. */
    public record RangeSeries(String name, List<Range> bars) {}

    /** One bar of a timeline: on row {@code row}, from {@code start} to {@code end} (UTC). */
    public record Range(String row, LocalDateTime start, LocalDateTime end) {}

    public enum ChartType {
        LINE("line"),
        AREA("area"),
        BAR("bar"),
        DONUT("donut"),
        HEATMAP("heatmap"),
        RANGE_BAR("rangeBar");

        private final String apexName;

        ChartType(String apexName) {
            this.apexName = apexName;
        }
    }

    /** The default chart height in pixels; the component's box should be at least this tall. */
    public static final int HEIGHT_PX = 340;

    public ChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        ranges = List.copyOf(ranges);
        colors = List.copyOf(colors);
    }

    public static ChartSpec bar(String title, List<String> categories, List<Series> series) {
        return of(ChartType.BAR, title, categories, series);
    }

    public static ChartSpec line(String title, List<String> categories, List<Series> series) {
        return of(ChartType.LINE, title, categories, series);
    }

    public static ChartSpec donut(String title, List<String> labels, Series values) {
        return of(ChartType.DONUT, title, labels, List.of(values));
    }

    /** Rows are the series, columns the categories; cells are coloured by value and labelled with it. */
    public static ChartSpec heatmap(String title, List<String> columns, List<Series> rows) {
        return of(ChartType.HEATMAP, title, columns, rows);
    }

    /** Horizontal bars over time, one row per {@link Range#row()}, rows in the given order. */
    public static ChartSpec timeline(String title, List<String> rows, List<RangeSeries> ranges) {
        return new ChartSpec(
                ChartType.RANGE_BAR,
                title,
                rows,
                List.of(),
                ranges,
                List.of(),
                null,
                null,
                false,
                true,
                HEIGHT_PX,
                false);
    }

    private static ChartSpec of(ChartType type, String title, List<String> categories, List<Series> series) {
        return new ChartSpec(
                type, title, categories, series, List.of(), List.of(), null, null, false, false, HEIGHT_PX, false);
    }

    public ChartSpec withColors(List<String> newColors) {
        return new ChartSpec(
                type,
                title,
                categories,
                series,
                ranges,
                newColors,
                xTitle,
                yTitle,
                stacked,
                horizontal,
                heightPx,
                slantedLabels);
    }

    public ChartSpec withAxisTitles(String newXTitle, String newYTitle) {
        return new ChartSpec(
                type,
                title,
                categories,
                series,
                ranges,
                colors,
                newXTitle,
                newYTitle,
                stacked,
                horizontal,
                heightPx,
                slantedLabels);
    }

    public ChartSpec withStacking() {
        return new ChartSpec(
                type,
                title,
                categories,
                series,
                ranges,
                colors,
                xTitle,
                yTitle,
                true,
                horizontal,
                heightPx,
                slantedLabels);
    }

    public ChartSpec withHorizontalBars() {
        return new ChartSpec(
                type,
                title,
                categories,
                series,
                ranges,
                colors,
                xTitle,
                yTitle,
                stacked,
                true,
                heightPx,
                slantedLabels);
    }

    public ChartSpec withHeight(int newHeightPx) {
        return new ChartSpec(
                type,
                title,
                categories,
                series,
                ranges,
                colors,
                xTitle,
                yTitle,
                stacked,
                horizontal,
                newHeightPx,
                slantedLabels);
    }

    /**
     * Category labels drawn at a slant, every one of them: ApexCharts otherwise hides labels that would overlap (a
     * platform went missing) or lets long ones run together (score ranges).
     */
    public ChartSpec withSlantedLabels() {
        return new ChartSpec(
                type, title, categories, series, ranges, colors, xTitle, yTitle, stacked, horizontal, heightPx, true);
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return type == ChartType.RANGE_BAR
                ? ranges.stream().allMatch(r -> r.bars().isEmpty())
                : series.stream().allMatch(s -> s.data().isEmpty());
    }

    public Map<String, Object> toApexOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        // A fixed height: "100%" lets a donut grow past its box and over its neighbours.
        options.put(
                "chart",
                Map.of(
                        "type",
                        type.apexName,
                        "stacked",
                        stacked,
                        "height",
                        heightPx,
                        "toolbar",
                        Map.of("show", false),
                        "animations",
                        Map.of("enabled", false),
                        "redrawOnParentResize",
                        true));
        options.put("title", Map.of("text", title));
        options.put("noData", Map.of("text", "No data for this selection"));
        switch (type) {
            case DONUT -> {
                options.put("labels", categories);
                options.put(
                        "series",
                        series.isEmpty() ? List.of() : series.getFirst().data());
            }
            case HEATMAP -> {
                options.put(
                        "series",
                        series.stream()
                                .map(s -> Map.of("name", s.name(), "data", cells(s)))
                                .toList());
                putAxes(options, Map.of());
                options.put(
                        "plotOptions",
                        Map.of("heatmap", Map.of("enableShades", false, "colorScale", Map.of("ranges", HEAT_RANGES))));
            }
            case RANGE_BAR -> {
                options.put("series", timelineSeries());
                putAxes(options, Map.of("type", "datetime"));
                options.put("plotOptions", Map.of("bar", Map.of("horizontal", true, "rangeBarGroupRows", true)));
            }
            default -> {
                options.put(
                        "series",
                        series.stream()
                                .map(s -> Map.of("name", s.name(), "data", s.data()))
                                .toList());
                putAxes(
                        options,
                        slantedLabels
                                ? Map.of(
                                        "categories",
                                        categories,
                                        "labels",
                                        Map.of("rotate", -45, "rotateAlways", true, "hideOverlappingLabels", false))
                                : Map.of("categories", categories));
                options.put("plotOptions", Map.of("bar", Map.of("horizontal", horizontal)));
            }
        }
        if (!colors.isEmpty()) {
            options.put("colors", colors);
        }
        options.put("legend", Map.of("position", "bottom"));
        options.put(
                "dataLabels",
                type == ChartType.HEATMAP
                        ? Map.of("enabled", true, "style", Map.of("colors", List.of("#1b1b1b")))
                        : Map.of("enabled", type == ChartType.DONUT || stacked));
        return options;
    }

    private void putAxes(Map<String, Object> options, Map<String, Object> xAxis) {
        Map<String, Object> x = new LinkedHashMap<>(xAxis);
        x.put("title", Map.of("text", xTitle == null ? "" : xTitle));
        options.put("xaxis", x);
        options.put("yaxis", Map.of("title", Map.of("text", yTitle == null ? "" : yTitle)));
    }

    private List<Map<String, Object>> cells(Series row) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < row.data().size() && i < categories.size(); i++) {
            cells.add(Map.of("x", categories.get(i), "y", row.data().get(i)));
        }
        return cells;
    }

    /**
     * ApexCharts orders a timeline's rows by first appearance; zero-length bars at the earliest time, first in
     * the first series, put the rows in the spec's order without drawing anything.
     */
    private List<Map<String, Object>> timelineSeries() {
        LocalDateTime earliest = ranges.stream()
                .flatMap(r -> r.bars().stream())
                .map(Range::start)
                .min(LocalDateTime::compareTo)
                .orElse(null);
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            List<Map<String, Object>> data = new ArrayList<>();
            if (i == 0 && earliest != null) {
                categories.forEach(row -> data.add(bar(new Range(row, earliest, earliest))));
            }
            ranges.get(i).bars().forEach(bar -> data.add(bar(bar)));
            result.add(Map.of("name", ranges.get(i).name(), "data", data));
        }
        return result;
    }

    private static Map<String, Object> bar(Range bar) {
        return Map.of(
                "x",
                bar.row(),
                "y",
                List.of(
                        bar.start().toInstant(ZoneOffset.UTC).toEpochMilli(),
                        bar.end().toInstant(ZoneOffset.UTC).toEpochMilli()));
    }

    /** Heatmap cells are percentages: none, few, half or more, most — light colours so dark labels read well. */
    private static final List<Map<String, Object>> HEAT_RANGES = List.of(
            Map.of("from", 0, "to", 0, "color", "#f4c7c3", "name", "0 %"),
            Map.of("from", 0.001, "to", 49.999, "color", "#ffe0a3", "name", "1–49 %"),
            Map.of("from", 50, "to", 79.999, "color", "#b7dfc0", "name", "50–79 %"),
            Map.of("from", 80, "to", 100, "color", "#6cc283", "name", "80–100 %"));
}
