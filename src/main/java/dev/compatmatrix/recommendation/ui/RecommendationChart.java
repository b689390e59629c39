package dev.compatmatrix.recommendation.ui;

import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ui.ChartColours;
import dev.compatmatrix.recommendation.query.PlatformTally;
import java.util.List;
import java.util.function.ToLongFunction;

/** The recommendations screen's chart: which platforms the selected recommendations name, and in which role. */
final class RecommendationChart {

    static final String TITLE = "Recommended platform for the selection";
    private static final int HEIGHT_PX = 260;

    private RecommendationChart() {}

    /** @param tallies one per platform, in platform order */
    static ChartSpec of(List<PlatformTally> tallies) {
        return ChartSpec.bar(
                        TITLE,
                        tallies.stream().map(t -> t.platform().label()).toList(),
                        List.of(
                                series("Recommended", tallies, PlatformTally::recommended),
                                series("Fallback", tallies, PlatformTally::fallback)))
                .withColors(List.of(
                        ChartColours.level(CompatibilityLevel.HIGH), ChartColours.level(CompatibilityLevel.MEDIUM)))
                .withAxisTitles("Platform", "Recommendations")
                .withHeight(HEIGHT_PX);
    }

    private static ChartSpec.Series series(
            String name, List<PlatformTally> tallies, ToLongFunction<PlatformTally> count) {
        return new ChartSpec.Series(
                name, tallies.stream().map(count::applyAsLong).toList());
    }
}
