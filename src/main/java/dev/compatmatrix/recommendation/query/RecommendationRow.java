package dev.compatmatrix.recommendation.query;

import java.time.LocalDateTime;

/** One {@code hardware_recommendations} row with its model's name. */
public record RecommendationRow(
        long id,
        String modelName,
        String taskType,
        int batchSize,
        String recommendedHardware,
        String fallbackHardware,
        String reason,
        Double performanceRatio,
        Integer memoryRequirementsMb,
        Integer minComputeUnits,
        LocalDateTime generatedAt) {}
