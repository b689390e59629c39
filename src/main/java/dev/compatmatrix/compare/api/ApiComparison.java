package dev.compatmatrix.compare.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import java.util.List;

/**
 * Models side by side in the API's JSON shape: the models, the performance basis every figure shares (null: none
 * shared, each figure names its own), and one entry per platform with one cell per model, in the models' order.
 */
public record ApiComparison(
        List<String> models,
        @JsonProperty("common_performance_basis") ApiChoice commonPerformanceBasis,
        List<ApiPlatform> platforms) {

    static ApiComparison of(Comparison comparison) {
        return new ApiComparison(
                comparison.models(),
                ApiChoice.of(comparison.common()),
                comparison.rows().stream().map(ApiPlatform::of).toList());
    }

    /** A task at a batch size and precision. */
    public record ApiChoice(
            String task, @JsonProperty("batch_size") int batchSize, String precision) {
        static ApiChoice of(PerformanceChoice choice) {
            return choice == null
                    ? null
                    : new ApiChoice(
                            choice.taskType(),
                            choice.batchSize(),
                            choice.precision().key());
        }
    }

    /** One platform: whether the models' claims differ there (level, validation, marks), and each model's cell. */
    public record ApiPlatform(String platform, boolean differs, List<ApiComparedCell> models) {
        static ApiPlatform of(Comparison.PlatformRow row) {
            return new ApiPlatform(
                    row.platform().key(),
                    row.differs(),
                    row.cells().stream().map(ApiComparedCell::of).toList());
        }
    }

    /** One model's claim on the platform (level null: not tested) and its measured figures (null: none). */
    public record ApiComparedCell(
            String model,
            String level,
            @JsonProperty("validation_status") String validationStatus,
            boolean stale,
            boolean disputed,
            String limitations,
            String notes,
            ApiMeasurement performance) {
        static ApiComparedCell of(Comparison.Cell cell) {
            return new ApiComparedCell(
                    cell.model(),
                    cell.level() == null ? null : cell.level().key(),
                    cell.status() == null ? null : cell.status().key(),
                    cell.stale(),
                    cell.disputed(),
                    cell.limitations(),
                    cell.notes(),
                    ApiMeasurement.of(cell.measurement()));
        }
    }

    /** The newest measurement of one choice on the platform. */
    public record ApiMeasurement(
            ApiChoice basis,
            @JsonProperty("throughput_items_per_s") Double throughputItemsPerS,
            @JsonProperty("latency_p50_ms") Double latencyP50Ms,
            @JsonProperty("latency_p95_ms") Double latencyP95Ms) {
        static ApiMeasurement of(Comparison.Measurement m) {
            return m == null
                    ? null
                    : new ApiMeasurement(
                            ApiChoice.of(m.choice()), m.throughputItemsPerS(), m.latencyP50Ms(), m.latencyP95Ms());
        }
    }
}
