package dev.compatmatrix.base.ui.chart;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A chart's numbers as a table, for people who cannot read the chart (and for tests). */
public record ChartTable(List<String> header, List<List<String>> rows) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    public static ChartTable of(ChartSpec spec) {
        return switch (spec.type()) {
            case DONUT ->
                new ChartTable(
                        List.of(
                                orDefault(spec.xTitle(), ""),
                                spec.series().isEmpty()
                                        ? ""
                                        : spec.series().getFirst().name()),
                        byCategory(spec.categories(), spec.series()));
            case HEATMAP -> heatmap(spec);
            case RANGE_BAR -> timeline(spec);
            default -> {
                List<String> header = new ArrayList<>();
                header.add(orDefault(spec.xTitle(), ""));
                spec.series().forEach(s -> header.add(s.name()));
                yield new ChartTable(header, byCategory(spec.categories(), spec.series()));
            }
        };
    }

    private static List<List<String>> byCategory(List<String> categories, List<ChartSpec.Series> series) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(categories.get(i));
            for (ChartSpec.Series s : series) {
                row.add(i < s.data().size() ? format(s.data().get(i)) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static ChartTable heatmap(ChartSpec spec) {
        List<String> header = new ArrayList<>();
        header.add(orDefault(spec.yTitle(), ""));
        header.addAll(spec.categories());
        List<List<String>> rows = new ArrayList<>();
        for (ChartSpec.Series s : spec.series()) {
            List<String> row = new ArrayList<>();
            row.add(s.name());
            s.data().forEach(value -> row.add(format(value)));
            rows.add(row);
        }
        return new ChartTable(header, rows);
    }

    private static ChartTable timeline(ChartSpec spec) {
        record Bar(String row, String state, ChartSpec.Range range) {}
        List<Bar> bars = new ArrayList<>();
        spec.ranges().forEach(series -> series.bars().forEach(r -> bars.add(new Bar(r.row(), series.name(), r))));
        bars.sort(Comparator.comparing(Bar::row).thenComparing(b -> b.range().start()));
        return new ChartTable(
                List.of(orDefault(spec.yTitle(), ""), "State", "From", "To"),
                bars.stream()
                        .map(b -> List.of(
                                b.row(),
                                b.state(),
                                DAY.format(b.range().start()),
                                DAY.format(b.range().end())))
                        .toList());
    }

    private static String format(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString((long) d)
                    : String.format(java.util.Locale.ROOT, "%.2f", d);
        }
        return value.toString();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
