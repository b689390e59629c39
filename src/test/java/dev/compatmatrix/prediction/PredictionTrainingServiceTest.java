package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class PredictionTrainingServiceTest extends TrainingTestSupport {

    @Autowired
    PredictionTrainingService training;

    @Autowired
    PredictionRunRepository runs;

    @Autowired
    Clock clock;

    private List<CellPrediction> predictions(CompatibilityLevel level, String reason) {
        return StoredPredictions.untestedCells(jdbc, 3).stream()
                .map(cell -> StoredPredictions.prediction(cell, level, 0.8, reason))
                .toList();
    }

    private long trainAsAdmin() {
        signIn("admin", Roles.ADMIN);
        return training.trainNow();
    }

    @Test
    void a_first_and_then_a_better_run_are_adopted_and_replace_the_shown_predictions() {
        learner.willReturn(ScriptedLearner.learnt(0.80, 0.66, predictions(CompatibilityLevel.HIGH, "first")));
        long first = trainAsAdmin();
        assertThat(awaitFinished(first)).isEqualTo("ADOPTED");
        assertThat(predictionRows()).hasSize(3).allMatch(row -> row.startsWith(first + "|") && row.endsWith("|first"));

        learner.willReturn(ScriptedLearner.learnt(0.85, 0.70, predictions(CompatibilityLevel.LOW, "second")));
        long second = training.trainNow();

        assertThat(awaitFinished(second)).isEqualTo("ADOPTED");
        assertThat(message(second)).contains("not worse than adopted run #" + first + "'s 0.660 and 0.800");
        assertThat(predictionRows())
                .hasSize(3)
                .allMatch(row -> row.startsWith(second + "|") && row.endsWith("|second"));
        PredictionTrainingService.Evaluation evaluation =
                training.latestEvaluation().orElseThrow();
        assertThat(evaluation.run().id()).isEqualTo(second);
        assertThat(evaluation.run().model().macroF1()).isEqualTo(0.70);
        assertThat(evaluation.run().baseline().macroF1()).isCloseTo(0.50, within(1e-9));
        assertThat(evaluation.platforms()).hasSize(8).allSatisfy(platform -> {
            assertThat(platform.confusion()[1]).containsExactly(3, 9, 1, 0);
            assertThat(platform.beatsBaseline()).isTrue();
        });
        assertThat(training.runs(10)).extracting(RunRow::id).containsExactly(second, first);
    }

    @Test
    void a_worse_run_is_not_adopted_and_the_adopted_predictions_stay() {
        learner.willReturn(ScriptedLearner.learnt(0.80, 0.66, predictions(CompatibilityLevel.HIGH, "adopted")));
        long adopted = trainAsAdmin();
        awaitFinished(adopted);
        List<String> shown = predictionRows();

        learner.willReturn(ScriptedLearner.learnt(0.81, 0.61, predictions(CompatibilityLevel.LOW, "worse")));
        long worse = training.trainNow();

        assertThat(awaitFinished(worse)).isEqualTo("NOT_ADOPTED");
        assertThat(message(worse))
                .isEqualTo("Macro-F1 0.610 < adopted run #" + adopted + "'s 0.660; the adopted predictions stay.");
        assertThat(predictionRows()).isEqualTo(shown).isNotEmpty();
        assertThat(training.latestEvaluation().orElseThrow().run().id()).isEqualTo(adopted);
        // The refused run's evaluation is kept in the history all the same.
        assertThat(training.runs(1).getFirst().model().macroF1()).isEqualTo(0.61);
    }

    @Test
    void only_admins_may_train_and_a_refused_caller_writes_nothing() {
        TableFingerprint everything = TableFingerprint.of(jdbc, Set.of("*"));
        String before = everything.take();
        for (String role : List.of(Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR)) {
            signIn(role.toLowerCase(java.util.Locale.ROOT), role);
            assertThatThrownBy(training::trainNow).as(role).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(everything.take()).isEqualTo(before);
    }

    @Test
    void a_second_training_while_one_runs_is_refused_with_a_clear_message() throws Exception {
        learner.willReturn(ScriptedLearner.learnt(0.80, 0.66, List.of()));
        learner.holdShut();
        long running = trainAsAdmin();
        learner.awaitEntered();

        assertThatThrownBy(training::trainNow)
                .isInstanceOf(TrainingRefusedException.class)
                .hasMessageStartingWith("Training run #" + running + " is running since ")
                .hasMessageEndingWith("; only one runs at a time. Wait until it has finished.");
        assertThat(jdbc.sql("SELECT count(*) FROM prediction_runs")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        TrainingStatus progress = training.progress().orElseThrow();
        assertThat(progress.runId()).isEqualTo(running);
        assertThat(progress.fraction()).isEqualTo(0.4);
        assertThat(progress.step()).isEqualTo("Evaluating fold 2 of 5");
        assertThat(progress.requestedBy()).isEqualTo("admin");

        learner.open();
        assertThat(awaitFinished(running)).isEqualTo("ADOPTED");
        assertThat(training.progress()).isEmpty();
    }

    @Test
    void a_run_left_running_by_a_stopped_node_is_marked_failed_when_the_next_starts() {
        LocalDateTime longAgo = LocalDateTime.now(clock).minusMinutes(31);
        long stranded = runs.start(Trigger.NIGHTLY, null, longAgo);
        learner.willReturn(ScriptedLearner.learnt(0.80, 0.66, List.of()));

        long next = trainAsAdmin();

        assertThat(state(stranded)).isEqualTo("FAILED");
        assertThat(message(stranded)).startsWith("Did not finish within 30 minutes");
        assertThat(awaitFinished(next)).isEqualTo("ADOPTED");
    }

    @Test
    void a_learner_failure_marks_the_run_failed_and_changes_nothing_else() throws Exception {
        learner.willReturn(ScriptedLearner.learnt(0.80, 0.66, predictions(CompatibilityLevel.HIGH, "kept")));
        awaitFinished(trainAsAdmin());
        List<String> shown = predictionRows();

        learner.willFail(new IllegalStateException("The claims could not be read"));
        learner.holdShut();
        long failing = training.trainNow();
        learner.awaitEntered();
        TableFingerprint tables =
                TableFingerprint.of(jdbc, Set.of("predictions", "prediction_platform_metrics", "audit_log"));
        String before = tables.take();
        learner.open();

        assertThat(awaitFinished(failing)).isEqualTo("FAILED");
        assertThat(message(failing)).isEqualTo("Training failed: The claims could not be read");
        assertThat(tables.take()).isEqualTo(before);
        assertThat(predictionRows()).isEqualTo(shown);
        assertThat(training.latestEvaluation().orElseThrow().run().id()).isNotEqualTo(failing);
    }

    @Test
    void a_run_that_could_not_learn_is_kept_not_adopted_with_the_learners_message() {
        learner.willReturn(ScriptedLearner.couldNotLearn("Only 1 claim: at least 20 are needed."));

        long run = trainAsAdmin();

        assertThat(awaitFinished(run)).isEqualTo("NOT_ADOPTED");
        assertThat(message(run)).isEqualTo("Only 1 claim: at least 20 are needed.");
        assertThat(training.latestEvaluation()).isEmpty();
        assertThat(predictionRows()).isEmpty();
    }

    @Test
    void the_admins_training_is_audited_with_their_name() {
        learner.willReturn(ScriptedLearner.learnt(0.80, 0.66, List.of()));

        long run = trainAsAdmin();

        assertThat(jdbc.sql("""
                                SELECT actor || ' ' || summary FROM audit_log
                                WHERE action = 'predictions.train' AND entity_id = :id""")
                        .param("id", String.valueOf(run))
                        .query(String.class)
                        .list())
                .containsExactly("admin Training run #" + run + " started (asked for by an admin)");
        assertThat(training.runs(1).getFirst())
                .extracting(RunRow::trigger, RunRow::requestedBy)
                .containsExactly(Trigger.ADMIN, "admin");
        awaitFinished(run);
        assertThat(training.runs(1).getFirst().state()).isEqualTo(RunState.ADOPTED);
    }
}
