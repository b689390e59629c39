package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.PredictionTrainingService.Evaluation;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.learn.TribuoLearner;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Train now with the real learner on the demo data, through the real data query, down to the stored predictions. */
class PredictionTrainingEndToEndTest extends TrainingTestSupport {

    @Autowired
    PredictionTrainingService training;

    @Autowired
    TribuoLearner tribuo;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void a_training_on_the_demo_data_is_adopted_with_its_evaluation_and_predicts_only_untested_cells() {
        learner.delegateTo(tribuo);
        long claims = count("""
                SELECT count(*) FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL""");
        List<StoredPredictions.Cell> untested = StoredPredictions.untestedCells(jdbc, 100_000);

        signIn("admin", Roles.ADMIN);
        long runId = training.trainNow();

        assertThat(awaitFinished(runId)).as(message(runId)).isEqualTo("ADOPTED");
        assertThat(learner.lastData().claims()).hasSize((int) claims);
        RunRow run = training.runs(1).getFirst();
        assertThat(run.state()).isEqualTo(RunState.ADOPTED);
        assertThat(run.claimsUsed()).isPositive();
        assertThat(run.modelsUsed()).isPositive();
        assertThat(run.folds()).isGreaterThan(1);
        assertThat(run.model()).isNotNull();
        assertThat(run.baseline()).isNotNull();
        assertThat(run.model().accuracy()).isBetween(0.0, 1.0);
        assertThat(run.model().macroF1()).isBetween(0.0, 1.0);
        assertThat(run.trainMillis()).isNotNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());

        Evaluation evaluation = training.latestEvaluation().orElseThrow();
        assertThat(evaluation.run().id()).isEqualTo(runId);
        assertThat(evaluation.platforms())
                .isNotEmpty()
                .allSatisfy(platform -> assertThat(cells(platform))
                        .as(platform.platform() + ": the confusion matrix counts every example once")
                        .isEqualTo(platform.examples()));

        // Every untested cell of a platform the run learnt is predicted (a platform whose claims are all one level, as
        // CUDA's are in the demo, or that has none, is skipped and predicts nothing).
        Set<Platform> learnt = evaluation.platforms().stream()
                .map(PlatformEvaluation::platform)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(count("SELECT count(*) FROM predictions"))
                .isEqualTo(untested.stream()
                        .filter(cell -> learnt.contains(cell.platform()))
                        .count())
                .isPositive();
        assertThat(count("""
                        SELECT count(*) FROM predictions p
                        WHERE p.run_id <> %d OR EXISTS (
                            SELECT 1 FROM compatibility_details d
                            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                            WHERE c.model_id = p.model_id AND d.hardware_type = p.hardware_type)""".formatted(runId)))
                .as("predictions of another run or of a cell that has a claim")
                .isZero();
    }

    private static int cells(PlatformEvaluation platform) {
        return Arrays.stream(platform.confusion()).flatMapToInt(Arrays::stream).sum();
    }
}
