package dev.compatmatrix.matrix;

import java.time.LocalDateTime;

/**
 * One committed change of the matrix as {@code matrix_events} keeps it, with the model's name and family (kept for
 * deleted models too). {@code platform} is null for a change of the model itself. For a {@link ChangeKind#RESULT},
 * {@code previousLevel} is the claim's level when the result came (null: not tested) and {@code newLevel} the
 * reported one, so the result disputes the claim when both exist and differ.
 */
public record MatrixEvent(
        long id,
        long changeId,
        LocalDateTime occurredAt,
        ChangeKind kind,
        int modelId,
        String modelName,
        String modelFamily,
        Platform platform,
        CompatibilityLevel previousLevel,
        CompatibilityLevel newLevel,
        String detail,
        String actor) {

    /** A result that says another level than the claim had. */
    public boolean disputes() {
        return kind == ChangeKind.RESULT && previousLevel != null && newLevel != null && previousLevel != newLevel;
    }

    /** One line a person reads: "CUDA: High → Medium", "ROCm: validated", "Model added". */
    public String summary() {
        String where = platform == null ? "" : platform.label() + ": ";
        return where
                + switch (kind) {
                    case CLAIM_CREATED -> "claim created, " + word(newLevel);
                    case LEVEL_CHANGED -> word(previousLevel) + " → " + word(newLevel);
                    case CLAIM_EDITED -> "claim edited (" + word(newLevel) + ")";
                    case CLAIM_REMOVED -> "claim removed (was " + word(previousLevel) + ")";
                    case VALIDATION -> "reviewed, now " + (detail == null ? "?" : detail.replace('_', ' '));
                    case DISPUTE_RESOLVED ->
                        "dispute resolved (" + (detail == null ? "" : detail.replace('_', ' ')) + ")";
                    case RESULT ->
                        disputes()
                                ? "automated result " + word(newLevel) + " disputes the claim (" + word(previousLevel)
                                        + ")"
                                : "automated result " + word(newLevel);
                    case MODEL_ADDED -> "model added";
                    case MODEL_EDITED -> "model edited";
                    case MODEL_DELETED -> "model deleted";
                };
    }

    private static String word(CompatibilityLevel level) {
        return level == null ? "Not tested" : level.label();
    }
}
