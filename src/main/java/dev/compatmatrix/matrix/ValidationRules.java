package dev.compatmatrix.matrix;

/** PRODUCT.md §4: which verification level a claim needs, and what an approval makes of it. */
public final class ValidationRules {

    private ValidationRules() {}

    /** high → 3, medium → 2, low and unsupported → 1. */
    public static int requiredLevel(CompatibilityLevel level) {
        return switch (level) {
            case HIGH -> 3;
            case MEDIUM -> 2;
            case LOW, UNSUPPORTED -> 1;
        };
    }

    /** An approval by a validator of this level: validated when enough and not simulated, else partially. */
    public static ValidationStatus afterApproval(int validatorLevel, CompatibilityLevel claimLevel, boolean simulated) {
        return validatorLevel >= requiredLevel(claimLevel) && !simulated
                ? ValidationStatus.VALIDATED
                : ValidationStatus.PARTIALLY_VALIDATED;
    }

    /**
     * An approval never lowers a claim's status: its outcome stands when it ranks at least as high as the current
     * status. An equal one stands too, so a validator's approval renews who validated and when.
     */
    public static boolean approvalStands(ValidationStatus outcome, ValidationStatus current) {
        return rank(outcome) >= rank(current);
    }

    /** The claim's status after an approval with this outcome: the outcome where it stands, else unchanged. */
    public static ValidationStatus keptAfterApproval(ValidationStatus outcome, ValidationStatus current) {
        return approvalStands(outcome, current) ? outcome : current;
    }

    /** How far a status goes (see {@link #approvalStands}). */
    private static int rank(ValidationStatus status) {
        return switch (status) {
            case UNVALIDATED -> 0;
            case PARTIALLY_VALIDATED -> 1;
            case VALIDATED -> 2;
        };
    }
}
