package dev.compatmatrix.demo;

import dev.compatmatrix.catalog.ModelSize;
import dev.compatmatrix.catalog.ModelType;
import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One model of a generated data set (demo or synthetic) with its claims, history, recommendations and
 * performance measurements, before it has database ids. Times are UTC.
 */
public record GeneratedModel(String name, String family, ModelType type, ModelSize size, double parametersMillions,
                             LocalDateTime createdAt, Map<Platform, Claim> claims, List<Change> history,
                             List<Recommendation> recommendations, List<Performance> performance) {

    public Map<Platform, CompatibilityLevel> levels() {
        var levels = new EnumMap<Platform, CompatibilityLevel>(Platform.class);
        claims.forEach((platform, claim) -> levels.put(platform, claim.level()));
        return levels;
    }

    /**
     * A {@code compatibility_details} row; {@code validatorId} is null unless an approval set the status.
     * The evidence names the run, version, device, batch size and precision of the last test.
     */
    public record Claim(CompatibilityLevel level, String limitations, String workarounds, String performanceNotes,
                        ValidationStatus status, Integer validatorId, LocalDateTime validationDate,
                        String evidenceRun, String frameworkVersion, String device, int batchSize, String precision,
                        LocalDateTime updatedAt) {
    }

    /** A {@code compatibility_history} row; {@code previous} is null for the first claim on a platform. */
    public record Change(Platform platform, CompatibilityLevel previous, CompatibilityLevel next, String reason,
                         LocalDateTime date, String version) {
    }

    /** A {@code hardware_recommendations} row; {@code fallback} may be null. */
    public record Recommendation(String taskType, int batchSize, Platform recommended, Platform fallback,
                                 String reason, double performanceRatio, int memoryMb, int minComputeUnits,
                                 LocalDateTime generatedAt) {
    }

    /** A {@code performance_results} row; {@code precision} is a {@code Precision} key. */
    public record Performance(String taskType, Platform platform, int batchSize, String precision,
                              double throughputItemsPerS, double latencyP50Ms, double latencyP95Ms, int memoryMb,
                              LocalDateTime measuredAt) {
    }
}
