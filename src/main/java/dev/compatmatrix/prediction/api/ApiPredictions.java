package dev.compatmatrix.prediction.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.ShownPrediction;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shown predictions in the API's JSON shape: never claims — each is marked {@code "kind": "prediction"} and carries its
 * probabilities, its uncertainty, its reasons, the training run it came from and that run's evaluation on the platform
 * beside the baseline's.
 */
public record ApiPredictions(long total, int offset, int limit, List<ApiShownPrediction> items) {

    /** The run's held-out figures on the platform, each beside the baseline's (majority level of family, else type). */
    public record ApiShownEvaluation(
            int examples,
            double accuracy,
            @JsonProperty("baseline_accuracy") double baselineAccuracy,
            @JsonProperty("macro_f1") double macroF1,
            @JsonProperty("baseline_macro_f1") double baselineMacroF1,
            double ece,
            @JsonProperty("baseline_ece") double baselineEce,
            @JsonProperty("beats_baseline") boolean beatsBaseline) {

        static ApiShownEvaluation of(PlatformEvaluation figures) {
            return figures == null
                    ? null
                    : new ApiShownEvaluation(
                            figures.examples(),
                            figures.model().accuracy(),
                            figures.baseline().accuracy(),
                            figures.model().macroF1(),
                            figures.baseline().macroF1(),
                            figures.model().ece(),
                            figures.baseline().ece(),
                            figures.beatsBaseline());
        }
    }

    /** One shown prediction for an untested cell. */
    public record ApiShownPrediction(
            String kind,
            String model,
            String platform,
            String level,
            String text,
            Map<String, Double> probabilities,
            @JsonProperty("entropy_bits") double entropyBits,
            List<String> reasons,
            @JsonProperty("run_id") long runId,
            ApiShownEvaluation evaluation) {

        static ApiShownPrediction of(ShownPrediction shown) {
            CellPrediction p = shown.prediction();
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                probabilities.put(level.key(), p.odds().of(level));
            }
            return new ApiShownPrediction(
                    "prediction",
                    shown.model(),
                    p.platform().key(),
                    p.level().key(),
                    p.shortText(),
                    probabilities,
                    p.entropy(),
                    p.reasons(),
                    p.runId(),
                    ApiShownEvaluation.of(shown.figures()));
        }
    }
}
