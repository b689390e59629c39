package dev.compatmatrix.prediction.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.prediction.PredictionTrainingService.Evaluation;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/predictions/evaluation} in the API's snake_case JSON: the adopted run's evaluation (null before
 * any run was adopted) and the newest runs; times are UTC, figures 0 to 1.
 */
public record ApiEvaluation(
        @Schema(description = "The run whose predictions are shown; null before any run was adopted")
        Adopted adopted,

        @Schema(description = "The newest training runs, newest first, adopted or not")
        List<Run> runs) {

    /** Accuracy, macro-F1 (mean F1 of the four levels) and expected calibration error (0 is perfect). */
    public record Figures(
            double accuracy, @JsonProperty("macro_f1") double macroF1, double ece) {

        static Figures of(Metrics m) {
            return m == null ? null : new Figures(m.accuracy(), m.macroF1(), m.ece());
        }
    }

    public record Adopted(
            @JsonProperty("run_id") long runId,
            @JsonProperty("started_at") LocalDateTime startedAt,
            @JsonProperty("finished_at") LocalDateTime finishedAt,
            @JsonProperty("claims_used") Integer claimsUsed,
            @JsonProperty("models_used") Integer modelsUsed,
            Integer folds,
            Figures overall,

            @Schema(
                    description = "The baseline's figures: the majority level of the model's family on the platform, "
                            + "else of its type")
            Figures baseline,

            @Schema(description = "The order of the confusion matrices' rows (claimed) and columns (predicted)")
            List<String> levels,

            List<Platform> platforms) {}

    public record Platform(
            String platform,

            @Schema(description = "Claims evaluated on the platform")
            int examples,

            Figures model,
            Figures baseline,

            @JsonProperty("predictions_shown")
            @Schema(description = "Whether the model beats the baseline here, so its predictions are shown")
            boolean predictionsShown,

            @Schema(description = "confusion[claimed][predicted], both in the order of 'levels'")
            int[][] confusion) {}

    public record Run(
            @JsonProperty("run_id") long runId,
            @JsonProperty("started_at") LocalDateTime startedAt,
            @JsonProperty("finished_at") LocalDateTime finishedAt,

            @Schema(allowableValues = {"admin", "changes", "nightly", "start_up"})
            String trigger,

            @JsonProperty("requested_by") String requestedBy,

            @Schema(allowableValues = {"running", "adopted", "not_adopted", "failed"})
            String state,

            String message,
            @JsonProperty("claims_used") Integer claimsUsed,
            Figures overall,
            Figures baseline,
            @JsonProperty("train_millis") Long trainMillis) {}

    static ApiEvaluation of(java.util.Optional<Evaluation> evaluation, List<RunRow> runs) {
        return new ApiEvaluation(
                evaluation.map(ApiEvaluation::adopted).orElse(null),
                runs.stream().map(ApiEvaluation::run).toList());
    }

    private static Adopted adopted(Evaluation evaluation) {
        RunRow run = evaluation.run();
        return new Adopted(
                run.id(),
                run.startedAt(),
                run.finishedAt(),
                run.claimsUsed(),
                run.modelsUsed(),
                run.folds(),
                Figures.of(run.model()),
                Figures.of(run.baseline()),
                Arrays.stream(CompatibilityLevel.values()).map(Keyed::key).toList(),
                evaluation.platforms().stream().map(ApiEvaluation::platform).toList());
    }

    private static Platform platform(PlatformEvaluation p) {
        return new Platform(
                p.platform().key(),
                p.examples(),
                Figures.of(p.model()),
                Figures.of(p.baseline()),
                p.beatsBaseline(),
                p.confusion());
    }

    private static Run run(RunRow r) {
        return new Run(
                r.id(),
                r.startedAt(),
                r.finishedAt(),
                r.trigger().name().toLowerCase(Locale.ROOT),
                r.requestedBy(),
                r.state().name().toLowerCase(Locale.ROOT),
                r.message(),
                r.claimsUsed(),
                Figures.of(r.model()),
                Figures.of(r.baseline()),
                r.trainMillis());
    }
}
