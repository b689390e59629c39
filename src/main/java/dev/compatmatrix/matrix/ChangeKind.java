package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** What kind of change a {@code matrix_events} row records (V0013); the words are what screens and feeds show. */
public enum ChangeKind implements Keyed {
    CLAIM_CREATED("claim_created", "Claim created"),
    LEVEL_CHANGED("level_changed", "Level changed"),
    CLAIM_EDITED("claim_edited", "Claim edited"),
    CLAIM_REMOVED("claim_removed", "Claim removed"),
    VALIDATION("validation", "Reviewed"),
    DISPUTE_RESOLVED("dispute_resolved", "Dispute resolved"),
    RESULT("result", "Automated result"),
    MODEL_ADDED("model_added", "Model added"),
    MODEL_EDITED("model_edited", "Model edited"),
    MODEL_DELETED("model_deleted", "Model deleted");

    private final String key;
    private final String label;

    ChangeKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether the change is of the model itself rather than one of its cells. */
    public boolean ofModel() {
        return this == MODEL_ADDED || this == MODEL_EDITED || this == MODEL_DELETED;
    }

    public static Optional<ChangeKind> fromKey(String key) {
        return Keyed.fromKey(ChangeKind.class, key);
    }
}
