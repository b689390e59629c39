package dev.compatmatrix.prediction;

import dev.compatmatrix.prediction.learn.PlatformEvaluation;

/**
 * A shown prediction with its model's name and its run's evaluation on its platform beside the baseline's
 * ({@code figures} null only if the run stored none for the platform).
 */
public record ShownPrediction(String model, CellPrediction prediction, PlatformEvaluation figures) {}
