package dev.compatmatrix.prediction;

import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.time.LocalDateTime;

/**
 * A training run in progress: how far it is (0 to 1) and its step in words. {@code fraction} is null when the run is
 * on another application node, whose progress this node does not see.
 */
public record TrainingStatus(
        long runId, Trigger trigger, String requestedBy, LocalDateTime startedAt, Double fraction, String step) {

    TrainingStatus advancedTo(double newFraction, String newStep) {
        return new TrainingStatus(runId, trigger, requestedBy, startedAt, Math.clamp(newFraction, 0.0, 1.0), newStep);
    }
}
