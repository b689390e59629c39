package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.util.List;

/**
 * What the adopted training run predicts for an untested cell: never a claim, never counted in coverage, scores,
 * recommendations or the dashboard. {@code reasons}: the strongest reasons in words ("7 of 8 bert models are High on
 * ROCm"), strongest first.
 */
public record CellPrediction(
        long runId,
        int modelId,
        Platform platform,
        CompatibilityLevel level,
        LevelOdds odds,
        double entropy,
        List<String> reasons) {

    public CellPrediction {
        reasons = List.copyOf(reasons);
    }

    /** The predicted level's probability, 0 to 1. */
    public double confidence() {
        return odds.of(level);
    }

    /** The cell's short text, never a claim's: "likely High · 82 %". */
    public String shortText() {
        return "likely " + level.label() + " · " + percent() + " %";
    }

    public long percent() {
        return Math.round(confidence() * 100);
    }
}
