package dev.compatmatrix.prediction.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;

/**
 * An untested cell in "What to test next": the model, the platform, the shown prediction (null: none shown there),
 * the entropy the ranking used (2 bits without a shown prediction), how many other untested cells share the model's
 * family and type on this platform, and the value of testing it ({@link TestNextQuery#VALUE}).
 */
public record TestNextRow(
        int modelId,
        String modelName,
        String family,
        String type,
        Platform platform,
        CellPrediction prediction,
        double entropy,
        long shared,
        double value) {

    /** "likely High · 82 %", or "no prediction". */
    public String predictionText() {
        return prediction == null ? "no prediction" : prediction.shortText();
    }
}
