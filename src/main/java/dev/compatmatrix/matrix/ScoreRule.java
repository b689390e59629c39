package dev.compatmatrix.matrix;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a model's derived columns come from its claims (PRODUCT.md §2).
 *
 * <ul>
 *   <li>{@code *_support}: true exactly when the platform has a claim whose level is not unsupported.</li>
 *   <li>{@code compatibility_score}: the mean over all eight platforms of the level weight
 *       (high 1.0, medium 0.7, low 0.4, unsupported 0); a platform not tested counts 0, so breadth of
 *       tested support raises the score. Rounded to three decimals.</li>
 *   <li>{@code recommended_platform}: the platform with the best level; ties go to the platform that
 *       usually runs fastest ({@link #PREFERENCE}). None when no platform is supported.</li>
 * </ul>
 */
public final class ScoreRule {

    /** Tie-break among platforms of equal level: typical throughput order, accelerators first. */
    public static final List<Platform> PREFERENCE = List.of(
            Platform.CUDA,
            Platform.ROCM,
            Platform.MPS,
            Platform.OPENVINO,
            Platform.CPU,
            Platform.QUALCOMM,
            Platform.WEBGPU,
            Platform.WEBNN);

    public static final String EXPLANATION = "Score = mean over the 8 platforms of the level weight "
            + "(high 1.0, medium 0.7, low 0.4, unsupported or not tested 0). Recommended = best level, "
            + "ties by CUDA, ROCm, MPS, OpenVINO, CPU, Qualcomm, WebGPU, WebNN.";

    private ScoreRule() {}

    /** The derived values for a model whose claims have these levels (absent platform = not tested). */
    public static Derived derive(Map<Platform, CompatibilityLevel> levels) {
        double sum = 0;
        for (Platform platform : Platform.values()) {
            CompatibilityLevel level = levels.get(platform);
            sum += level == null ? 0 : level.scoreWeight();
        }
        double score = Math.round(sum / Platform.values().length * 1000) / 1000.0;
        Optional<Platform> recommended = PREFERENCE.stream()
                .filter(p -> levels.get(p) != null && levels.get(p).isSupported())
                .min(Comparator.comparingInt((Platform p) -> levels.get(p).ordinal())
                        .thenComparingInt(PREFERENCE::indexOf));
        return new Derived(Map.copyOf(levels), score, recommended.orElse(null));
    }

    /**
     * How a model's score follows from its claims, one line per platform and the sum, e.g.
     * "CUDA: High → 1.0", …, "7.4 / 8 = 0.925". Uses the same weights as {@link #derive}.
     */
    public static List<String> explain(Map<Platform, CompatibilityLevel> levels) {
        List<String> lines = new java.util.ArrayList<>();
        double sum = 0;
        for (Platform platform : Platform.values()) {
            CompatibilityLevel level = levels.get(platform);
            double weight = level == null ? 0 : level.scoreWeight();
            sum += weight;
            lines.add(platform.label() + ": " + (level == null ? "not tested" : level.label()) + " → " + weight);
        }
        lines.add(String.format(
                java.util.Locale.ROOT,
                "%.1f / %d = %.3f",
                sum,
                Platform.values().length,
                derive(levels).score()));
        return lines;
    }

    /** A score read back from the seed's FLOAT column, at the rule's precision (0.925 rather than 0.92500001). */
    public static double fromStored(double storedScore) {
        return Math.round(storedScore * 1000) / 1000.0;
    }

    /**
     * What {@link #derive} produces from the levels (absent platform = not tested): the seed's booleans, score and
     * recommended platform, and the levels as sort ranks, so a platform sort needs no join.
     */
    public record Derived(Map<Platform, CompatibilityLevel> levels, double score, Platform recommended) {

        /** The seed's {@code *_support}: a claim whose level is not unsupported. */
        public boolean supports(Platform platform) {
            CompatibilityLevel level = levels.get(platform);
            return level != null && level.isSupported();
        }

        /** The platform's level as {@link CompatibilityLevel#sortRank()}, or null when not tested. */
        public Integer levelRank(Platform platform) {
            CompatibilityLevel level = levels.get(platform);
            return level == null ? null : level.sortRank();
        }
    }
}
