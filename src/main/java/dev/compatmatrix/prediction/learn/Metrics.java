package dev.compatmatrix.prediction.learn;

/**
 * One evaluation's figures on held-out claims: accuracy, macro-F1 (the mean of the four levels' F1) and the expected
 * calibration error (how far the stated probabilities are from the observed frequencies; 0 is perfect).
 */
public record Metrics(double accuracy, double macroF1, double ece) {}
