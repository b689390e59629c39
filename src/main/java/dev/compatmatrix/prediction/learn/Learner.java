package dev.compatmatrix.prediction.learn;

/**
 * Learns the claims' levels and evaluates itself: cross-validation grouped by model, each platform beside the
 * baseline, and a prediction for every untested cell. Never throws for too little data: the outcome says so
 * ({@link TrainingOutcome#learnt()} false, with a message in words).
 */
public interface Learner {

    TrainingOutcome train(TrainingData data, TrainingProgress progress);
}
