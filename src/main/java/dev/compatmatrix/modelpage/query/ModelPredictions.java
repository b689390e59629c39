package dev.compatmatrix.modelpage.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.query.PlatformEvaluationQuery.AdoptedRun;
import java.util.List;

/**
 * The model page's "Predictions (not claims)": the adopted run (null when none has been trained and adopted), and per
 * untested platform its shown prediction or, in words, why there is none, each with that platform's evaluation figures
 * in the adopted run. {@code none}: why the whole list is empty, or null when it is not.
 */
public record ModelPredictions(AdoptedRun run, List<PlatformPrediction> platforms, String none) {

    public static final String NONE_TRAINED = "No predictions: none has been trained yet.";
    public static final String ALL_TESTED = "No predictions: every platform of this model has a claim.";

    public ModelPredictions {
        platforms = List.copyOf(platforms);
    }

    /**
     * An untested platform: {@code prediction} when one is shown, else {@code whyNone} in words; {@code evaluation}
     * the adopted run's figures on the platform (null when it has none).
     */
    public record PlatformPrediction(
            Platform platform, CellPrediction prediction, PlatformEvaluation evaluation, String whyNone) {}

    /** "Not enough evidence to predict on ROCm: …". */
    public static String notEnoughEvidence(Platform platform, PlatformEvaluation evaluation) {
        return "Not enough evidence to predict on " + platform.label() + ": "
                + (evaluation == null
                        ? "the latest training had no claims to evaluate there."
                        : evaluation.beatsBaseline()
                                ? "the latest training made no prediction for this cell."
                                : "in the latest evaluation the model did not beat the baseline there.");
    }
}
