package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.ValidationStatus;

/**
 * What a write sets as a claim's validation: the status and the validator whose approval set it (dated with the
 * write's time), or none ({@link #RESET}: unvalidated, no validator, no date).
 */
public record Validation(ValidationStatus status, Integer validatorId) {

    /** Unvalidated: a new claim, a change of substance, or a rejection that undid the approval. */
    public static final Validation RESET = new Validation(ValidationStatus.UNVALIDATED, null);

    public static Validation by(ValidationStatus status, int validatorId) {
        return new Validation(status, validatorId);
    }
}
