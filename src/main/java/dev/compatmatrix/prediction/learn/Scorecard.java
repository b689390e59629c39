package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;

/**
 * The held-out figures of one predictor (the learnt model or the baseline): the confusion matrix, accuracy, macro-F1
 * and the expected calibration error over 10 equal-width bins of the predicted level's probability.
 */
final class Scorecard {

    static final int BINS = 10;

    final int[][] confusion = new int[LEVELS][LEVELS];
    private final int[] binCount = new int[BINS];
    private final int[] binCorrect = new int[BINS];
    private final double[] binConfidence = new double[BINS];
    private int examples;
    private int correct;

    /** Adds one held-out claim; returns whether the predictor got it right. */
    boolean add(int claimed, double[] odds) {
        int predicted = likeliest(odds);
        boolean right = predicted == claimed;
        confusion[claimed][predicted]++;
        int bin = Math.min(BINS - 1, (int) (odds[predicted] * BINS));
        binCount[bin]++;
        binConfidence[bin] += odds[predicted];
        examples++;
        if (right) {
            binCorrect[bin]++;
            correct++;
        }
        return right;
    }

    void addAll(Scorecard other) {
        for (int claimed = 0; claimed < LEVELS; claimed++) {
            for (int predicted = 0; predicted < LEVELS; predicted++) {
                confusion[claimed][predicted] += other.confusion[claimed][predicted];
            }
        }
        for (int bin = 0; bin < BINS; bin++) {
            binCount[bin] += other.binCount[bin];
            binCorrect[bin] += other.binCorrect[bin];
            binConfidence[bin] += other.binConfidence[bin];
        }
        examples += other.examples;
        correct += other.correct;
    }

    int examples() {
        return examples;
    }

    /** The likeliest level's ordinal (the higher level on a tie, as {@code LevelOdds.likeliest}). */
    static int likeliest(double[] odds) {
        int best = 0;
        for (int level = 1; level < odds.length; level++) {
            if (odds[level] > odds[best]) {
                best = level;
            }
        }
        return best;
    }

    Metrics metrics() {
        if (examples == 0) {
            return new Metrics(0, 0, 0);
        }
        return new Metrics((double) correct / examples, macroF1(), ece());
    }

    /** The mean F1 of the levels that were claimed or predicted at least once (others have no F1). */
    private double macroF1() {
        double sum = 0;
        int levels = 0;
        for (int level = 0; level < LEVELS; level++) {
            int truePositive = confusion[level][level];
            int claimed = 0;
            int predicted = 0;
            for (int other = 0; other < LEVELS; other++) {
                claimed += confusion[level][other];
                predicted += confusion[other][level];
            }
            if (claimed + predicted > 0) {
                sum += 2.0 * truePositive / (claimed + predicted);
                levels++;
            }
        }
        return levels == 0 ? 0 : sum / levels;
    }

    private double ece() {
        double ece = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (binCount[bin] > 0) {
                double accuracy = (double) binCorrect[bin] / binCount[bin];
                double confidence = binConfidence[bin] / binCount[bin];
                ece += (double) binCount[bin] / examples * Math.abs(accuracy - confidence);
            }
        }
        return ece;
    }
}
