package dev.compatmatrix.prediction.repository;

import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.learn.TrainingOutcome;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes training runs, their evaluations and the adopted run's predictions (tables of V0019). */
@Repository
public class PredictionRunRepository {

    /** Where a run stands; only an ADOPTED run's predictions are shown. */
    public enum RunState {
        RUNNING,
        ADOPTED,
        NOT_ADOPTED,
        FAILED
    }

    /** What started a run. */
    public enum Trigger {
        ADMIN,
        CHANGES,
        NIGHTLY,
        /** The first run, at start-up of a database that has claims and no run yet. */
        START_UP
    }

    private final JdbcClient jdbc;
    private final TableAppender appender;

    public PredictionRunRepository(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
    }

    /** A new run in state RUNNING; its id. */
    public long start(Trigger trigger, String requestedBy, LocalDateTime startedAt) {
        long id = jdbc.sql("SELECT nextval('prediction_runs_seq')")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO prediction_runs (id, started_at, trigger_kind, requested_by, state)
                        VALUES (:id, :startedAt, :trigger, :requestedBy, 'RUNNING')""")
                .param("id", id)
                .param("startedAt", startedAt)
                .param("trigger", trigger.name())
                .param("requestedBy", requestedBy)
                .update();
        return id;
    }

    /** Records how a run ended and its evaluation (overall and per platform). */
    public void finish(
            long runId,
            RunState state,
            TrainingOutcome outcome,
            String message,
            LocalDateTime finishedAt,
            long trainMillis) {
        Metrics model = outcome.overall();
        Metrics baseline = outcome.overallBaseline();
        jdbc.sql("""
                        UPDATE prediction_runs SET finished_at = :finishedAt, state = :state, message = :message,
                            claims_used = :claims, models_used = :models, folds = :folds,
                            accuracy = :accuracy, baseline_accuracy = :baselineAccuracy,
                            macro_f1 = :macroF1, baseline_macro_f1 = :baselineMacroF1,
                            ece = :ece, baseline_ece = :baselineEce, train_millis = :millis
                        WHERE id = :id""")
                .param("finishedAt", finishedAt)
                .param("state", state.name())
                .param("message", message)
                .param("claims", outcome.claimsUsed())
                .param("models", outcome.modelsUsed())
                .param("folds", outcome.folds())
                .param("accuracy", model == null ? null : model.accuracy())
                .param("baselineAccuracy", baseline == null ? null : baseline.accuracy())
                .param("macroF1", model == null ? null : model.macroF1())
                .param("baselineMacroF1", baseline == null ? null : baseline.macroF1())
                .param("ece", model == null ? null : model.ece())
                .param("baselineEce", baseline == null ? null : baseline.ece())
                .param("millis", trainMillis)
                .param("id", runId)
                .update();
        appender.append(
                "prediction_platform_metrics",
                outcome.platforms().stream().map(p -> metricsRow(runId, p)).toList());
    }

    /** Records a run that failed, with what failed in words. */
    public void fail(long runId, String message, LocalDateTime finishedAt) {
        jdbc.sql("UPDATE prediction_runs SET finished_at = :finishedAt, state = 'FAILED', message = :message"
                        + " WHERE id = :id")
                .param("finishedAt", finishedAt)
                .param("message", message)
                .param("id", runId)
                .update();
    }

    /**
     * Makes this run's predictions the shown ones. Earlier adopted runs keep their state in the history; the
     * predictions table holds only the newest adopted run's rows. Call it in the transaction that adopts the run.
     */
    public void replacePredictions(long runId, List<CellPrediction> predictions) {
        jdbc.sql("DELETE FROM predictions").update();
        appender.append(
                "predictions",
                predictions.stream().map(p -> predictionRow(runId, p)).toList());
    }

    private static Object[] metricsRow(long runId, PlatformEvaluation p) {
        return new Object[] {
            runId,
            p.platform().key(),
            p.examples(),
            p.model().accuracy(),
            p.baseline().accuracy(),
            p.model().macroF1(),
            p.baseline().macroF1(),
            p.model().ece(),
            p.baseline().ece(),
            confusionJson(p.confusion()),
            p.beatsBaseline()
        };
    }

    private static Object[] predictionRow(long runId, CellPrediction p) {
        return new Object[] {
            runId,
            p.modelId(),
            p.platform().key(),
            p.level().key(),
            p.odds().of(CompatibilityLevel.HIGH),
            p.odds().of(CompatibilityLevel.MEDIUM),
            p.odds().of(CompatibilityLevel.LOW),
            p.odds().of(CompatibilityLevel.UNSUPPORTED),
            p.entropy(),
            String.join("\n", p.reasons())
        };
    }

    /** [[…],…]: numbers only, so no JSON library is needed to write it safely. */
    static String confusionJson(int[][] confusion) {
        return Arrays.stream(confusion)
                .map(row -> Arrays.stream(row).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
