package dev.compatmatrix.prediction.learn;

import dev.compatmatrix.matrix.Platform;

/**
 * A training run's cross-validated evaluation on one platform, beside the baseline's (the majority level of the
 * model's family on the platform, else of its type). {@code confusion[claimed][predicted]}, both indexed by
 * {@code CompatibilityLevel.ordinal()} (high, medium, low, unsupported). Predictions on the platform are shown only
 * when {@code beatsBaseline}.
 */
public record PlatformEvaluation(
        Platform platform, int examples, Metrics model, Metrics baseline, int[][] confusion, boolean beatsBaseline) {}
