package dev.compatmatrix.prediction;

import dev.compatmatrix.base.db.OncePerCluster;
import dev.compatmatrix.prediction.query.TrainingRunsQuery;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The trainings nobody asks for: after every {@code compat.predictions.retrain-after-changes} accepted changes (0:
 * never), nightly ({@code compat.predictions.nightly-cron}, on one node of the cluster) and once at start-up when the
 * database has claims but no run ever ({@code compat.predictions.train-at-start}). A trigger that meets a running run
 * leaves it be; the next check tries again.
 */
@Component
class TrainingTriggers {

    private static final Logger log = LoggerFactory.getLogger(TrainingTriggers.class);

    /** Its row in scheduled_job_locks is inserted by the first night's run. */
    static final String NIGHTLY_JOB = "nightly-prediction-training";

    /** As for the nightly backup: longer than two nodes' clocks may differ, shorter than a day. */
    static final Duration ONCE_WITHIN = Duration.ofHours(1);

    private final TrainingRunner runner;
    private final TrainingRunsQuery query;
    private final OncePerCluster oncePerCluster;
    private final int retrainAfterChanges;
    private final boolean trainAtStart;

    TrainingTriggers(
            TrainingRunner runner,
            TrainingRunsQuery query,
            OncePerCluster oncePerCluster,
            @Value("${compat.predictions.retrain-after-changes:50}") int retrainAfterChanges,
            @Value("${compat.predictions.train-at-start:true}") boolean trainAtStart) {
        this.runner = runner;
        this.query = query;
        this.oncePerCluster = oncePerCluster;
        this.retrainAfterChanges = retrainAfterChanges;
        this.trainAtStart = trainAtStart;
    }

    /** Every minute on every node: enough accepted changes since the last run started → a run (one node wins). */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void retrainAfterChanges() {
        if (retrainAfterChanges <= 0) {
            return;
        }
        long changes = query.changesSinceLastRun();
        if (changes >= retrainAfterChanges) {
            tryToStart(Trigger.CHANGES, changes + " changes since the last run started");
        }
    }

    /** Every node's scheduler fires; one node of the cluster trains. */
    @Scheduled(cron = "${compat.predictions.nightly-cron:0 0 3 * * *}", zone = "UTC")
    void nightly() {
        oncePerCluster.run(NIGHTLY_JOB, ONCE_WITHIN, () -> tryToStart(Trigger.NIGHTLY, "nightly"));
    }

    /** So that a new installation (or the demo) shows predictions without waiting for a night or an admin. */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        if (trainAtStart && query.anyClaim() && !query.anyRun()) {
            tryToStart(Trigger.START_UP, "claims and no run yet");
        }
    }

    private void tryToStart(Trigger trigger, String why) {
        try {
            long runId = runner.start(trigger, null);
            log.info("Training run #{} started: {}", runId, why);
        } catch (TrainingRefusedException e) {
            log.info("No {} training now ({}): {}", trigger, why, e.getMessage());
        }
    }
}
