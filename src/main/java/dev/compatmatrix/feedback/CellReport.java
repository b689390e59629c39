package dev.compatmatrix.feedback;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;

/**
 * A user's report on a cell, as stored ({@code cell_reports}).
 *
 * @param levelAtReport the cell's claimed level when it was reported or last updated (null: not tested)
 * @param closeReason   why it was declined (DECLINED), else null
 * @param duplicateOf   the report it repeats (DUPLICATE), else null
 * @param acceptedClaimId the claim saved from it (ACCEPTED), else null
 */
public record CellReport(
        long id,
        int modelId,
        String modelName,
        Platform platform,
        String reporter,
        ReportDraft draft,
        CompatibilityLevel levelAtReport,
        ReportState state,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime closedAt,
        String closedBy,
        String closeReason,
        Long duplicateOf,
        Long acceptedClaimId,
        int rowVersion) {

    /**
     * What became of the report, in the reporter's words (My reports, "since your last visit"); text, never HTML: a
     * decline's reason is what a person typed.
     */
    public String outcomeInWords() {
        return switch (state) {
            case OPEN -> "Open — waiting for an editor or a validator";
            case ACCEPTED -> "Accepted — the claim was changed";
            case DECLINED -> "Declined: " + closeReason;
            case DUPLICATE -> "Duplicate of #" + duplicateOf;
        };
    }

    public boolean isOpen() {
        return state == ReportState.OPEN;
    }

    /** Whether it contradicts the cell's level as it was when reported (the matrix counts against today's level). */
    public boolean contradictsLevelAtReport() {
        return draft.outcome().contradicts(levelAtReport);
    }
}
