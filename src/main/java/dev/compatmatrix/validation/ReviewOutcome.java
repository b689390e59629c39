package dev.compatmatrix.validation;

import dev.compatmatrix.matrix.ValidationStatus;

/**
 * What one approval or rejection did to a claim's status.
 *
 * @param objectionNeedsLevel when a rejection came from below the level of the approval that set the status: that
 *                            level, which a validator needs to answer the objection; else null
 */
public record ReviewOutcome(ValidationStatus before, ValidationStatus status, Integer objectionNeedsLevel) {

    /** The review is kept but left the status as it was (e.g. an approval of an already validated claim). */
    public boolean unchanged() {
        return before == status;
    }

    public boolean objection() {
        return objectionNeedsLevel != null;
    }

    /** "Validated", "already Validated (your review is recorded)", or that it was kept as an objection. */
    public String describe() {
        if (objection()) {
            return "kept as an objection for a validator of level " + objectionNeedsLevel + "; still " + status.label();
        }
        return unchanged() ? "already " + status.label() + " (your review is recorded)" : status.label();
    }
}
