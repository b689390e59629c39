package dev.compatmatrix.recommendation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import java.time.LocalDateTime;

/** A hardware recommendation in the API's snake_case JSON, with the seed's column names; times are UTC. */
public record ApiRecommendationRow(
        long id,
        @JsonProperty("model_name") String modelName,
        @JsonProperty("task_type") String taskType,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("recommended_hardware") String recommendedHardware,
        @JsonProperty("fallback_hardware") String fallbackHardware,
        String reason,
        @JsonProperty("performance_ratio") Double performanceRatio,
        @JsonProperty("memory_requirements_mb") Integer memoryRequirementsMb,
        @JsonProperty("min_compute_units") Integer minComputeUnits,
        @JsonProperty("generated_at") LocalDateTime generatedAt) {

    public static ApiRecommendationRow of(RecommendationRow row) {
        return new ApiRecommendationRow(
                row.id(),
                row.modelName(),
                row.taskType(),
                row.batchSize(),
                row.recommendedHardware(),
                row.fallbackHardware(),
                row.reason(),
                row.performanceRatio(),
                row.memoryRequirementsMb(),
                row.minComputeUnits(),
                row.generatedAt());
    }
}
