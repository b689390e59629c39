package dev.compatmatrix.validation.query;

import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;

/**
 * A claim waiting for validation: unvalidated, partially validated, or validated but stale.
 *
 * @param automatedDisagrees "nightly-ci reports Medium" when the cell is disputed, else null
 * @param youMay what the signed-in validator may do with it (filled in by the service; null from the query)
 */
public record QueueRow(long claimId, int version, String modelName, String family, Platform platform,
                       CompatibilityLevel level, int requiredLevel, ValidationStatus status, boolean stale,
                       boolean simulated, String writtenBy, long ageDays, String automatedDisagrees,
                       String youMay) {

    public QueueRow withYouMay(String text) {
        return new QueueRow(claimId, version, modelName, family, platform, level, requiredLevel, status, stale,
                simulated, writtenBy, ageDays, automatedDisagrees, text);
    }

    /** An automated result for this cell reports another level than the claim. */
    public boolean disputed() {
        return automatedDisagrees != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueRow other && other.claimId == claimId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(claimId);
    }
}
