package dev.compatmatrix.base.ui.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chart shows, in our own terms; {@link #toApexOptions()} turns it into ApexCharts options.
 *
 * @param categories x-axis categories, or the slice labels of a donut
 * @param series     one per data series; a donut uses the first series' data as slice values
 * @param colors     one per series (or per slice), matching the level colours; empty for ApexCharts' own
 */
public record ChartSpec(ChartType type, String title, List<String> categories, List<Series> series,
                        List<String> colors, String xTitle, String yTitle, boolean stacked, boolean horizontal) {

    /** A named row of numbers. */
    public record Series(String name, List<? extends Number> data) {
    }

    public enum ChartType {
        LINE("line"), AREA("area"), BAR("bar"), DONUT("donut"), HEATMAP("heatmap"), RANGE_BAR("rangeBar");

        private final String apexName;

        ChartType(String apexName) {
            this.apexName = apexName;
        }
    }

    /** Chart height in pixels; the component's box should be at least this tall. */
    public static final int HEIGHT_PX = 340;

    public Map<String, Object> toApexOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        // A fixed height: "100%" lets a donut grow past its box and over its neighbours.
        options.put("chart", Map.of("type", type.apexName, "stacked", stacked, "height", HEIGHT_PX,
                "toolbar", Map.of("show", false), "animations", Map.of("enabled", false),
                "redrawOnParentResize", true));
        options.put("title", Map.of("text", title));
        if (type == ChartType.DONUT) {
            options.put("labels", categories);
            options.put("series", series.isEmpty() ? List.of() : series.getFirst().data());
        } else {
            options.put("series", series.stream().map(s -> Map.of("name", s.name(), "data", s.data())).toList());
            options.put("xaxis", Map.of("categories", categories, "title", Map.of("text", xTitle == null ? "" : xTitle)));
            options.put("yaxis", Map.of("title", Map.of("text", yTitle == null ? "" : yTitle)));
            options.put("plotOptions", Map.of("bar", Map.of("horizontal", horizontal)));
        }
        if (!colors.isEmpty()) {
            options.put("colors", colors);
        }
        options.put("legend", Map.of("position", "bottom"));
        options.put("dataLabels", Map.of("enabled", type == ChartType.DONUT || stacked));
        return options;
    }
}
