package dev.compatmatrix.prediction.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.Metrics;

/**
 * A run's evaluation on one platform, beside the baseline's (held-out claims, cross-validation grouped by model);
 * {@code beatsBaseline} decides whether its predictions there are shown.
 */
public record PlatformFigures(
        Platform platform, int examples, Metrics model, Metrics baseline, boolean beatsBaseline) {}
