package dev.compatmatrix.modelpage.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.query.LevelSinceQuery.LevelSince;
import dev.compatmatrix.modelpage.query.ModelOverview;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One model in the API's JSON shape: its header, a claim per platform (null = not tested), recommendations. */
public record ApiModel(
        String model,
        String family,
        String type,
        String size,
        @JsonProperty("parameters_millions") Double parametersMillions,
        double score,
        @JsonProperty("recommended_platform") String recommendedPlatform,
        @JsonProperty("last_updated") LocalDateTime lastUpdated,
        Map<String, ApiClaim> platforms,
        List<ApiRecommendation> recommendations) {

    /**
     * A claim with its validation and evidence, and the matrix's stale and disputed marks: why it is stale, and the
     * automated result that disputes it (null unless disputed); times are UTC.
     */
    public record ApiClaim(
            String level,
            String validation,
            String validator,
            @JsonProperty("validation_date") LocalDateTime validationDate,
            String limitations,
            String workarounds,
            @JsonProperty("performance_notes") String performanceNotes,
            ApiEvidence evidence,
            boolean stale,
            boolean disputed,
            @JsonProperty("stale_reason") String staleReason,
            @JsonProperty("disputed_by") ApiAutomatedResult disputedBy,

            @Schema(
                    description = "Since when (UTC) the claim has had its level: the history's newest change of "
                            + "level, its creation included; null when the history does not say")
            @JsonProperty("level_since")
            LocalDateTime levelSince,

            @Schema(
                    description = "The framework or runtime version that change named, e.g. 2.3.0; null when none "
                            + "was recorded")
            @JsonProperty("level_since_version")
            String levelSinceVersion) {}

    /** What a claim rests on. */
    public record ApiEvidence(
            String run,
            @JsonProperty("framework_version") String frameworkVersion,
            String device,
            @JsonProperty("batch_size") Integer batchSize,
            String precision,
            boolean simulated) {

        static ApiEvidence of(ModelOverview.Evidence evidence) {
            return evidence == null
                    ? null
                    : new ApiEvidence(
                            evidence.run(),
                            evidence.frameworkVersion(),
                            evidence.device(),
                            evidence.batchSize(),
                            evidence.precision(),
                            evidence.simulated());
        }
    }

    /** An automated validator's result for a cell: who, which level, when, on what evidence. */
    public record ApiAutomatedResult(
            String validator,
            @JsonProperty("validator_type") String validatorType,
            @JsonProperty("reported_level") String reportedLevel,
            @JsonProperty("reported_at") LocalDateTime reportedAt,
            @JsonProperty("evidence_run") String evidenceRun,
            @JsonProperty("framework_version") String frameworkVersion) {

        static ApiAutomatedResult of(AutomatedResult result) {
            return result == null
                    ? null
                    : new ApiAutomatedResult(
                            result.reporter(),
                            result.reporterType(),
                            result.level().key(),
                            result.reportedAt(),
                            result.evidenceRun(),
                            result.frameworkVersion());
        }
    }

    public record ApiRecommendation(
            @JsonProperty("task_type") String taskType,
            @JsonProperty("batch_size") int batchSize,
            @JsonProperty("recommended_hardware") String recommended,
            @JsonProperty("fallback_hardware") String fallback,
            String reason,
            @JsonProperty("performance_ratio") Double performanceRatio,
            @JsonProperty("memory_requirements_mb") Integer memoryMb) {

        public static ApiRecommendation of(RecommendationRow row) {
            return new ApiRecommendation(
                    row.taskType(),
                    row.batchSize(),
                    row.recommendedHardware(),
                    row.fallbackHardware(),
                    row.reason(),
                    row.performanceRatio(),
                    row.memoryRequirementsMb());
        }
    }

    public static ApiModel of(ModelOverview overview) {
        ModelOverview.Header header = overview.header();
        Map<String, ApiClaim> platforms = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            ModelOverview.ClaimRow claim = overview.claims().get(platform);
            ModelOverview.Marks marks = overview.marks(platform);
            platforms.put(
                    platform.key(),
                    claim == null
                            ? null
                            : new ApiClaim(
                                    claim.level().key(),
                                    claim.status().key(),
                                    claim.validator(),
                                    claim.validationDate(),
                                    claim.limitations(),
                                    claim.workarounds(),
                                    claim.performanceNotes(),
                                    ApiEvidence.of(claim.evidence()),
                                    marks.stale(),
                                    marks.disputed(),
                                    marks.staleReason(),
                                    ApiAutomatedResult.of(marks.dispute()),
                                    overview.levelSince(platform)
                                            .map(LevelSince::since)
                                            .orElse(null),
                                    overview.levelSince(platform)
                                            .map(LevelSince::version)
                                            .orElse(null)));
        }
        return new ApiModel(
                header.name(),
                header.family(),
                header.type(),
                header.size(),
                header.parametersMillions(),
                header.score(),
                header.recommended() == null ? null : header.recommended().key(),
                header.lastUpdated(),
                platforms,
                overview.recommendations().stream().map(ApiRecommendation::of).toList());
    }
}
