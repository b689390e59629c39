package dev.compatmatrix.recommendation.ui;

import dev.compatmatrix.matrix.Platform;
import java.util.Locale;

/** How recommendations read on screen: platform labels, the performance ratio as a percentage, memory in MB or GB. */
public final class RecommendationFormat {

    /** The meaning of {@code performance_ratio}, for column headers. */
    public static final String RATIO_EXPLANATION = "The fallback platform's throughput relative to the recommended "
            + "platform's for this model, task and batch size (100 % = as fast).";

    private RecommendationFormat() {}

    public static String platform(String key) {
        return key == null ? "—" : Platform.fromKey(key).map(Platform::label).orElse(key);
    }

    /** A ratio only means something when there is a fallback to compare. */
    public static String ratio(Double ratio, String fallback) {
        return ratio == null || fallback == null ? "—" : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    public static String memory(Integer megabytes) {
        if (megabytes == null) {
            return "—";
        }
        return megabytes < 1024 ? megabytes + " MB" : String.format(Locale.ROOT, "%.1f GB", megabytes / 1024.0);
    }
}
