package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review.Decision;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One model of a generated data set (demo or synthetic) with its claims (and their reviews), history,
 * recommendations, performance measurements and automated results, before it has database ids. Times are UTC.
 */
public record GeneratedModel(
        String name,
        String family,
        ModelType type,
        ModelSize size,
        double parametersMillions,
        LocalDateTime createdAt,
        Map<Platform, Claim> claims,
        List<Change> history,
        List<Recommendation> recommendations,
        List<Performance> performance,
        List<AutomatedResult> automatedResults) {

    /** The same model with these claims and automated results (its validation state). */
    public GeneratedModel withValidation(Map<Platform, Claim> newClaims, List<AutomatedResult> newResults) {
        return new GeneratedModel(
                name,
                family,
                type,
                size,
                parametersMillions,
                createdAt,
                newClaims,
                history,
                recommendations,
                performance,
                newResults);
    }

    public Map<Platform, CompatibilityLevel> levels() {
        var levels = new EnumMap<Platform, CompatibilityLevel>(Platform.class);
        claims.forEach((platform, claim) -> levels.put(platform, claim.level()));
        return levels;
    }

    /**
     * A {@code compatibility_details} row; {@code validatorId} is null unless an approval set the status.
     * The evidence names the run, version, device, batch size and precision of the last test. {@code version}
     * is its {@code row_version}, {@code updatedBy} null for a claim no console user wrote, and {@code reviews}
     * its {@code validation_reviews} rows, oldest first.
     */
    public record Claim(
            CompatibilityLevel level,
            String limitations,
            String workarounds,
            String performanceNotes,
            ValidationStatus status,
            Integer validatorId,
            LocalDateTime validationDate,
            String evidenceRun,
            String frameworkVersion,
            String device,
            int batchSize,
            String precision,
            LocalDateTime updatedAt,
            int version,
            String updatedBy,
            List<Review> reviews) {

        /** A first version nobody has reviewed yet (its status may still say otherwise until reviews are added). */
        public Claim(
                CompatibilityLevel level,
                String limitations,
                String workarounds,
                String performanceNotes,
                ValidationStatus status,
                Integer validatorId,
                LocalDateTime validationDate,
                String evidenceRun,
                String frameworkVersion,
                String device,
                int batchSize,
                String precision,
                LocalDateTime updatedAt) {
            this(
                    level,
                    limitations,
                    workarounds,
                    performanceNotes,
                    status,
                    validatorId,
                    validationDate,
                    evidenceRun,
                    frameworkVersion,
                    device,
                    batchSize,
                    precision,
                    updatedAt,
                    1,
                    null,
                    List.of());
        }

        /** The status, approver and date the last of these reviews left. */
        public Claim reviewed(
                ValidationStatus newStatus,
                Integer newValidatorId,
                LocalDateTime newValidationDate,
                List<Review> newReviews) {
            return new Claim(
                    level,
                    limitations,
                    workarounds,
                    performanceNotes,
                    newStatus,
                    newValidatorId,
                    newValidationDate,
                    evidenceRun,
                    frameworkVersion,
                    device,
                    batchSize,
                    precision,
                    updatedAt,
                    version,
                    updatedBy,
                    List.copyOf(newReviews));
        }

        /**
         * The next version after a re-run on another framework/runtime version with the same outcome: same
         * substance, so the validation stays (and goes stale, PRODUCT.md §4).
         */
        public Claim rerun(String newEvidenceRun, String newFrameworkVersion, String by, LocalDateTime at) {
            return new Claim(
                    level,
                    limitations,
                    workarounds,
                    performanceNotes,
                    status,
                    validatorId,
                    validationDate,
                    newEvidenceRun,
                    newFrameworkVersion,
                    device,
                    batchSize,
                    precision,
                    at,
                    version + 1,
                    by,
                    reviews);
        }
    }

    /**
     * A {@code validation_reviews} row of a claim: who reviewed which version at which level, and what it left.
     * The claim gives its id, model and platform.
     */
    public record Review(
            int claimVersion,
            CompatibilityLevel claimLevel,
            int validatorId,
            int verificationLevel,
            String reviewer,
            Decision decision,
            ValidationStatus resultingStatus,
            String comment,
            String frameworkVersion,
            LocalDateTime reviewedAt) {}

    /** An {@code automated_results} row: what a CI pipeline or test harness reported for a cell. */
    public record AutomatedResult(
            Platform platform,
            int validatorId,
            CompatibilityLevel reportedLevel,
            String evidenceRun,
            String frameworkVersion,
            LocalDateTime reportedAt) {}

    /**
     * A {@code compatibility_history} row; {@code previous} is null for the first claim on a platform, {@code changedBy}
     * the console user who made the change.
     */
    public record Change(
            Platform platform,
            CompatibilityLevel previous,
            CompatibilityLevel next,
            String reason,
            LocalDateTime date,
            String version,
            String changedBy) {}

    /** A {@code hardware_recommendations} row; {@code fallback} may be null. */
    public record Recommendation(
            String taskType,
            int batchSize,
            Platform recommended,
            Platform fallback,
            String reason,
            double performanceRatio,
            int memoryMb,
            int minComputeUnits,
            LocalDateTime generatedAt) {}

    /** A {@code performance_results} row; {@code precision} is a {@code Precision} key. */
    public record Performance(
            String taskType,
            Platform platform,
            int batchSize,
            String precision,
            double throughputItemsPerS,
            double latencyP50Ms,
            double latencyP95Ms,
            int memoryMb,
            LocalDateTime measuredAt) {}
}
