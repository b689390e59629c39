package dev.compatmatrix.validation.query;

import dev.compatmatrix.matrix.ClaimVersion;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.query.Objection;

/**
 * A claim waiting for validation: unvalidated, partially validated, or validated but stale, disputed, reported (users'
 * open reports contradict it) or objected to.
 *
 * @param dispute the automated result the claim disagrees with, when disputed ({@link DisputedClaim}), else null
 * @param objection the open objection to its validation ({@link OpenObjection}), else null
 * @param openReports how many users' open reports contradict its level (OpenReportsQuery): "Reported" when any
 * @param access what the signed-in validator may do with it (filled in by the service; null from the query)
 */
public record QueueRow(
        long claimId,
        int version,
        String modelName,
        String family,
        Platform platform,
        CompatibilityLevel level,
        int requiredLevel,
        ValidationStatus status,
        boolean stale,
        boolean simulated,
        String writtenBy,
        long ageDays,
        AutomatedResult dispute,
        Objection objection,
        int openReports,
        Access access)
        implements ClaimVersion {

    /**
     * What the signed-in validator may do with a row.
     *
     * @param youMay what an approval would do, or why there is nothing to do ("Fully validate", …)
     * @param reviewBlocked why approve and reject are not offered, or null when they are
     * @param resolveBlocked why the dispute cannot be resolved by this validator, or null when it can
     * @param yours the signed-in user wrote the claim's present version
     */
    public record Access(String youMay, String reviewBlocked, String resolveBlocked, boolean yours) {}

    public QueueRow withAccess(Access access) {
        return new QueueRow(
                claimId,
                version,
                modelName,
                family,
                platform,
                level,
                requiredLevel,
                status,
                stale,
                simulated,
                writtenBy,
                ageDays,
                dispute,
                objection,
                openReports,
                access);
    }

    /** Users' open reports contradict the claim's level: the queue's kind "Reported", beside "Disputed". */
    public boolean reported() {
        return openReports > 0;
    }

    public String youMay() {
        return access == null ? null : access.youMay();
    }

    /** An automated result for this cell reports another level than the claim, and no resolution answered it. */
    public boolean disputed() {
        return dispute != null;
    }

    /** "nightly-ci reports Medium" when disputed, else null. */
    public String automatedDisagrees() {
        return dispute == null ? null : dispute.summary();
    }

    /** The verification level a validator needs to settle this row: the claim's, or the objected approval's. */
    public int neededLevel() {
        return objection == null ? requiredLevel : Math.max(requiredLevel, objection.needsLevel());
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
