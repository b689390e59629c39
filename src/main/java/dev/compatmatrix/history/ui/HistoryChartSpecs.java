package dev.compatmatrix.history.ui;

import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.history.LevelTimeline;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.MonthlyChanges;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ui.ChartColours;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Chart specs for compatibility history: changes per month, and one model's levels over time. */
public final class HistoryChartSpecs {

    private HistoryChartSpecs() {}

    /**
     * A stacked bar per month (every month of the range, empty ones too), a series per platform.
     * The range is the filter's dates where set, else the months that have changes.
     */
    public static ChartSpec monthly(List<MonthlyChanges> counts, HistoryFilter filter) {
        List<YearMonth> months = months(counts, filter);
        List<Platform> platforms = filter.platform() == null ? List.of(Platform.values()) : List.of(filter.platform());
        List<ChartSpec.Series> series = new ArrayList<>();
        for (Platform platform : platforms) {
            List<Long> perMonth = months.stream()
                    .map(month -> counts.stream()
                            .filter(c -> c.platform() == platform && c.month().equals(month))
                            .mapToLong(MonthlyChanges::changes)
                            .sum())
                    .toList();
            series.add(new ChartSpec.Series(platform.label(), perMonth));
        }
        List<String> colours = platforms.stream()
                .map(p -> ChartColours.PLATFORMS.get(p.ordinal()))
                .toList();
        return ChartSpec.bar(
                        "Level changes per platform per month",
                        months.stream().map(YearMonth::toString).toList(),
                        series)
                .withStacking()
                .withColors(colours)
                .withAxisTitles("Month (UTC)", "Changes");
    }

    /** One bar per period, a row per platform, coloured by level. */
    public static ChartSpec levels(String model, List<LevelTimeline.Period> periods) {
        List<ChartSpec.RangeSeries> byLevel = Stream.of(CompatibilityLevel.values())
                .map(level -> new ChartSpec.RangeSeries(
                        level.label(),
                        periods.stream()
                                .filter(p -> p.level() == level)
                                .map(p -> new ChartSpec.Range(p.platform().label(), p.start(), p.end()))
                                .toList()))
                .toList();
        List<String> rows = Stream.of(Platform.values())
                .filter(platform -> periods.stream().anyMatch(p -> p.platform() == platform))
                .map(Platform::label)
                .toList();
        return ChartSpec.timeline("Levels of " + model + " over time", rows, byLevel)
                .withColors(Stream.of(CompatibilityLevel.values())
                        .map(ChartColours::level)
                        .toList())
                .withAxisTitles("Date (UTC)", "Platform");
    }

    private static List<YearMonth> months(List<MonthlyChanges> counts, HistoryFilter filter) {
        YearMonth first = filter.from() != null
                ? YearMonth.from(filter.from())
                : counts.stream()
                        .map(MonthlyChanges::month)
                        .min(YearMonth::compareTo)
                        .orElse(null);
        YearMonth last = filter.to() != null
                ? YearMonth.from(filter.to())
                : counts.stream()
                        .map(MonthlyChanges::month)
                        .max(YearMonth::compareTo)
                        .orElse(null);
        if (first == null || last == null) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        // A wide date range would make thousands of bars; cap at ten years of months.
        for (YearMonth month = first; !month.isAfter(last) && months.size() < 120; month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
