package dev.compatmatrix.prediction.learn;

import dev.compatmatrix.prediction.CellPrediction;
import java.util.List;

/**
 * What one training produced: its evaluation (overall and per platform, each beside the baseline) and a prediction for
 * every cell that was untested (runId 0 until stored). {@code message}: what it learnt from, or why it could not learn,
 * in words ("Only 1 claim: at least … are needed"); a run that could not learn has no predictions.
 */
public record TrainingOutcome(
        int claimsUsed,
        int modelsUsed,
        int folds,
        Metrics overall,
        Metrics overallBaseline,
        List<PlatformEvaluation> platforms,
        List<CellPrediction> predictions,
        String message,
        boolean learnt) {}
