package dev.compatmatrix.prediction.learn;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.List;
import java.util.Set;

/**
 * What a training learns from: every model that is not deleted, and every claim. A cell of these models with no claim
 * is untested: the learner predicts it.
 */
public record TrainingData(List<ModelFacts> models, List<KnownClaim> claims) {

    public TrainingData {
        models = List.copyOf(models);
        claims = List.copyOf(claims);
    }

    /** A model's attributes, and the precisions its performance results were measured at (on any platform). */
    public record ModelFacts(
            int modelId,
            String family,
            ModelType type,
            ModelSize size,
            Double parametersMillions,
            Set<Precision> measuredPrecisions) {

        public ModelFacts {
            measuredPrecisions = Set.copyOf(measuredPrecisions);
        }
    }

    /** A claim: its level, and how far it is validated (simulated evidence never counts as validated). */
    public record KnownClaim(
            int modelId, Platform platform, CompatibilityLevel level, ValidationStatus status, boolean simulated) {}
}
