package dev.compatmatrix.feedback;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.CompatibilityLevel;
import java.util.Optional;

/** What a user found when running a model on a platform. */
public enum ReportOutcome implements Keyed {
    WORKS("works", "Works for me"),
    FAILS("fails", "Fails for me"),
    PARTLY("partly", "Partly works");

    private final String key;
    private final String label;

    ReportOutcome(String key, String label) {
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

    /**
     * Whether an open report of this outcome contradicts a cell claimed at {@code level} (the one statement of the
     * rule; null: not tested, which nothing contradicts). "Works" contradicts Unsupported; "fails" contradicts every
     * level that says it runs; "partly" contradicts both ends, High and Unsupported.
     */
    public boolean contradicts(CompatibilityLevel level) {
        if (level == null) {
            return false;
        }
        return switch (this) {
            case WORKS -> level == CompatibilityLevel.UNSUPPORTED;
            case FAILS -> level.isSupported();
            case PARTLY -> level == CompatibilityLevel.HIGH || level == CompatibilityLevel.UNSUPPORTED;
        };
    }

    /** The level an editor accepting such a report starts from (editable): fails Unsupported, works High, partly Low. */
    public CompatibilityLevel proposedLevel() {
        return switch (this) {
            case WORKS -> CompatibilityLevel.HIGH;
            case FAILS -> CompatibilityLevel.UNSUPPORTED;
            case PARTLY -> CompatibilityLevel.LOW;
        };
    }

    /** A report on a cell that is not tested, saying it runs: community evidence there, never a claim. */
    public boolean isCommunityEvidence(CompatibilityLevel level) {
        return level == null && this != FAILS;
    }

    public static Optional<ReportOutcome> fromKey(String key) {
        return Keyed.fromKey(ReportOutcome.class, key);
    }
}
