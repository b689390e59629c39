package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.base.db.OncePerCluster;
import dev.compatmatrix.prediction.query.TrainingRunsQuery;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The trainings nobody asks for, each trigger driven as its scheduler would (two nodes played by two instances). */
class TrainingTriggersTest extends TrainingTestSupport {

    @Autowired
    TrainingRunner runner;

    @Autowired
    TrainingRunsQuery query;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @BeforeEach
    void everyRunLearns() {
        learner.willReturn(ScriptedLearner.learnt(0.8, 0.66, List.of()));
    }

    private TrainingTriggers triggers(int retrainAfterChanges, boolean trainAtStart) {
        return new TrainingTriggers(
                runner, query, new OncePerCluster(jdbc, transaction, clock), retrainAfterChanges, trainAtStart);
    }

    private List<String> runTriggers() {
        return jdbc.sql("SELECT trigger_kind FROM prediction_runs ORDER BY id")
                .query(String.class)
                .list();
    }

    /** Accepted changes as the matrix writer records them: one matrix_events row per cell changed. */
    private void acceptChanges(int count) {
        long modelId =
                jdbc.sql("SELECT min(model_id) FROM models").query(Long.class).single();
        for (int i = 0; i < count; i++) {
            long id = jdbc.sql("SELECT nextval('matrix_events_seq')")
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            INSERT INTO matrix_events (id, change_id, occurred_at, kind, model_id, hardware_type,
                                                       previous_level, new_level, actor)
                            VALUES (:id, :id, :at, 'level_changed', :model, 'cpu', 'high', 'medium', 'editor')""")
                    .param("id", id)
                    .param("at", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                    .param("model", modelId)
                    .update();
        }
    }

    @Test
    void the_changes_trigger_fires_after_n_accepted_changes_and_not_before() {
        TrainingTriggers afterThree = triggers(3, false);
        awaitFinished(runner.start(Trigger.ADMIN, "admin"));

        acceptChanges(2);
        afterThree.retrainAfterChanges();
        assertThat(runTriggers()).containsExactly("ADMIN");

        acceptChanges(1);
        afterThree.retrainAfterChanges();
        assertThat(runTriggers()).containsExactly("ADMIN", "CHANGES");
        awaitNoneRunning(jdbc);

        afterThree.retrainAfterChanges();
        assertThat(runTriggers()).as("the count starts again at the new run").containsExactly("ADMIN", "CHANGES");
        triggers(0, false).retrainAfterChanges();
        acceptChanges(5);
        triggers(0, false).retrainAfterChanges();
        assertThat(runTriggers()).as("0: never").containsExactly("ADMIN", "CHANGES");
    }

    @Test
    void the_nightly_training_fired_on_two_nodes_runs_on_one() {
        TrainingTriggers nodeA = triggers(0, false);
        TrainingTriggers nodeB = triggers(0, false);

        nodeA.nightly();
        awaitNoneRunning(jdbc);
        nodeB.nightly();

        assertThat(runTriggers()).containsExactly("NIGHTLY");
        awaitNoneRunning(jdbc);
        assertThat(jdbc.sql("SELECT state FROM prediction_runs")
                        .query(String.class)
                        .single())
                .isEqualTo("ADOPTED");
    }

    @Test
    void the_start_up_training_runs_once_when_there_are_claims_and_no_run_yet() {
        triggers(0, false).atStartUp();
        assertThat(runTriggers()).as("switched off").isEmpty();

        triggers(0, true).atStartUp();
        assertThat(runTriggers()).containsExactly("START_UP");
        awaitNoneRunning(jdbc);

        triggers(0, true).atStartUp();
        assertThat(runTriggers()).as("a run exists: no second").containsExactly("START_UP");
    }
}
