package dev.compatmatrix.prediction.learn;

/** Where a training is: a fraction from 0 to 1 and the step in words ("Evaluating fold 3 of 5"). */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = (fraction, step) -> {};

    void report(double fraction, String step);
}
