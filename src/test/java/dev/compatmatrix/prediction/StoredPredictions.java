package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.learn.TrainingOutcome;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests of the screens, exports and APIs that show predictions: stores an adopted run through the real repository
 * with chosen predictions, as if a training had produced them, and finds untested cells of the demo data.
 */
public final class StoredPredictions {

    private StoredPredictions() {}

    /** An untested cell of a model that is not deleted, as (model id, platform). */
    public record Cell(int modelId, Platform platform) {}

    /** Up to {@code count} untested cells of the database, in a fixed order. */
    public static List<Cell> untestedCells(JdbcClient jdbc, int count) {
        return jdbc.sql("""
                        SELECT m.model_id, p.hardware_type
                        FROM models m
                        CROSS JOIN (SELECT unnest(string_to_array('cpu,cuda,rocm,mps,openvino,qualcomm,webnn,webgpu', ','))
                                    AS hardware_type) p
                        WHERE m.deleted_at IS NULL AND NOT EXISTS (
                            SELECT 1 FROM compatibility_details d
                            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                            WHERE c.model_id = m.model_id AND d.hardware_type = p.hardware_type)
                        ORDER BY m.model_id, p.hardware_type
                        LIMIT :count""")
                .param("count", count)
                .query((rs, n) -> new Cell(
                        rs.getInt("model_id"),
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow()))
                .list();
    }

    /** A prediction of {@code level} with probability {@code confidence}, the rest spread evenly. */
    public static CellPrediction prediction(Cell cell, CompatibilityLevel level, double confidence, String... reasons) {
        double[] p = new double[4];
        Arrays.fill(p, (1 - confidence) / 3);
        p[level.ordinal()] = confidence;
        LevelOdds odds = new LevelOdds(p[0], p[1], p[2], p[3]);
        return new CellPrediction(
                0, cell.modelId(), cell.platform(), level, odds, odds.entropyBits(), List.of(reasons));
    }

    /**
     * Stores and adopts a run whose evaluation beats the baseline on {@code beating} platforms only (the others' are
     * stored but not shown), with these predictions; returns the run's id.
     */
    public static long adopt(
            PredictionRunRepository runs,
            TransactionTemplate transaction,
            Set<Platform> beating,
            List<CellPrediction> predictions) {
        Metrics good = new Metrics(0.9, 0.85, 0.05);
        Metrics weak = new Metrics(0.6, 0.4, 0.2);
        List<PlatformEvaluation> platforms = Arrays.stream(Platform.values())
                .map(p -> new PlatformEvaluation(
                        p,
                        40,
                        beating.contains(p) ? good : weak,
                        beating.contains(p) ? weak : good,
                        new int[4][4],
                        beating.contains(p)))
                .toList();
        TrainingOutcome outcome =
                new TrainingOutcome(320, 40, 5, good, weak, platforms, predictions, "Stored by a test", true);
        LocalDateTime at = LocalDateTime.of(2026, 11, 2, 12, 0);
        return transaction.execute(status -> {
            long runId = runs.start(Trigger.ADMIN, "admin", at);
            runs.finish(runId, RunState.ADOPTED, outcome, outcome.message(), at.plusMinutes(1), 60_000);
            runs.replacePredictions(runId, predictions);
            return runId;
        });
    }
}
