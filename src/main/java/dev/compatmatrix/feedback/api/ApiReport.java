package dev.compatmatrix.feedback.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.ReportDraft;
import java.time.LocalDateTime;

/**
 * A report in the API's snake_case JSON: the cell (model, platform key), who reported it (a username, or
 * {@code api:<token name>}), what they found and in which environment, and where triage left it. Times UTC.
 */
public record ApiReport(
        long id,
        String model,
        String platform,
        String reporter,
        String outcome,
        ApiEnvironment environment,
        String comment,
        String link,
        String state,
        @JsonProperty("level_at_report") String levelAtReport,
        @JsonProperty("created_at") LocalDateTime createdAt,
        @JsonProperty("updated_at") LocalDateTime updatedAt,
        @JsonProperty("closed_at") LocalDateTime closedAt,
        @JsonProperty("closed_by") String closedBy,
        @JsonProperty("close_reason") String closeReason,
        @JsonProperty("duplicate_of") Long duplicateOf,
        @JsonProperty("accepted_claim_id") Long acceptedClaimId) {

    /** Where the reporter ran the model; every field optional. */
    public record ApiEnvironment(
            String framework,
            @JsonProperty("framework_version") String frameworkVersion,
            String driver,
            String device,
            String precision,
            @JsonProperty("batch_size") Integer batchSize) {}

    static ApiReport of(CellReport report) {
        ReportDraft draft = report.draft();
        return new ApiReport(
                report.id(),
                report.modelName(),
                report.platform().key(),
                report.reporter(),
                draft.outcome().key(),
                new ApiEnvironment(
                        draft.framework(),
                        draft.frameworkVersion(),
                        draft.driver(),
                        draft.device(),
                        draft.precision() == null ? null : draft.precision().key(),
                        draft.batchSize()),
                draft.comment(),
                draft.link(),
                report.state().key(),
                report.levelAtReport() == null ? null : report.levelAtReport().key(),
                report.createdAt(),
                report.updatedAt(),
                report.closedAt(),
                report.closedBy(),
                report.closeReason(),
                report.duplicateOf(),
                report.acceptedClaimId());
    }

    /** What {@code POST /api/v1/reports} takes (documentation; the controller reads the body field by field). */
    public record Body(
            String model, String platform, String outcome, ApiEnvironment environment, String comment, String link) {}
}
