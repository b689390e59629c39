package dev.compatmatrix.prediction;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.ClusterLock;
import dev.compatmatrix.base.db.ClusterLock.Hold;
import dev.compatmatrix.prediction.AdoptionRule.AdoptedRun;
import dev.compatmatrix.prediction.AdoptionRule.Decision;
import dev.compatmatrix.prediction.learn.Learner;
import dev.compatmatrix.prediction.learn.TrainingOutcome;
import dev.compatmatrix.prediction.query.TrainingDataQuery;
import dev.compatmatrix.prediction.query.TrainingRunsQuery;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs trainings, one at a time across the cluster, each in the background on this node's one training thread: load
 * the claims, let the learner train and evaluate itself (reporting progress), then in one transaction finish the run
 * row with its evaluation and, when {@link AdoptionRule} adopts it, replace the shown predictions. A failure marks the
 * run FAILED with what failed in words and changes nothing else. Not a security boundary: users reach it through
 * {@link PredictionTrainingService}, the triggers ({@link TrainingTriggers}) directly.
 */
@Component
class TrainingRunner {

    private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);

    /** A run RUNNING longer than this is taken for one whose node stopped: the next start marks it FAILED. */
    static final Duration GIVEN_UP_AFTER = Duration.ofMinutes(30);

    /** Who the audit log names for runs nobody asked for. */
    static final String SCHEDULER = "scheduler";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final PredictionRunRepository runs;
    private final TrainingRunsQuery query;
    private final TrainingDataQuery trainingData;
    private final Learner learner;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread training = new Thread(work, "prediction-training");
        training.setDaemon(true);
        return training;
    });

    /** This node's run while it runs. */
    private final AtomicReference<TrainingStatus> current = new AtomicReference<>();

    TrainingRunner(
            PredictionRunRepository runs,
            TrainingRunsQuery query,
            TrainingDataQuery trainingData,
            Learner learner,
            ClusterLock lock,
            TransactionTemplate transaction,
            AuditLog audit,
            Clock clock) {
        this.runs = runs;
        this.query = query;
        this.trainingData = trainingData;
        this.learner = learner;
        this.lock = lock;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a run in the background and returns its id; refused while another run is RUNNING anywhere (a RUNNING run
     * older than {@link #GIVEN_UP_AFTER} is marked FAILED instead). The start is audited.
     */
    long start(Trigger trigger, String requestedBy) {
        LocalDateTime now = now();
        // The check and the new row in one exclusive turn, so two nodes (or two clicks) never both start one.
        long runId = lock.inTransaction(Hold.EXCLUSIVE, () -> {
            for (RunRow running : query.running()) {
                if (running.startedAt().isAfter(now.minus(GIVEN_UP_AFTER))) {
                    throw new TrainingRefusedException("Training run #" + running.id() + " is running since "
                            + TIME.format(running.startedAt())
                            + "; only one runs at a time. Wait until it has finished.");
                }
                runs.fail(
                        running.id(),
                        "Did not finish within " + GIVEN_UP_AFTER.toMinutes()
                                + " minutes (the node running it stopped); marked failed when the next run started.",
                        now);
            }
            long id = runs.start(trigger, requestedBy, now);
            audit.record(
                    requestedBy == null ? SCHEDULER : requestedBy,
                    "predictions.train",
                    "prediction_run",
                    id,
                    "Training run #" + id + " started (" + triggerInWords(trigger) + ")",
                    null,
                    Map.of("trigger", trigger.name()),
                    now);
            return id;
        });
        current.set(new TrainingStatus(runId, trigger, requestedBy, now, 0.0, "Waiting for the training thread"));
        thread.execute(() -> run(runId));
        return runId;
    }

    /** The run in progress: this node's with its progress, or another node's without. */
    Optional<TrainingStatus> progress() {
        TrainingStatus here = current.get();
        if (here != null) {
            return Optional.of(here);
        }
        LocalDateTime givenUp = now().minus(GIVEN_UP_AFTER);
        return query.running().stream()
                .filter(r -> r.startedAt().isAfter(givenUp))
                .findFirst()
                .map(r -> new TrainingStatus(
                        r.id(), r.trigger(), r.requestedBy(), r.startedAt(), null, "Training on another node"));
    }

    private void run(long runId) {
        long started = System.nanoTime();
        try {
            report(runId, 0.0, "Loading the claims");
            TrainingOutcome outcome =
                    learner.train(trainingData.load(), (fraction, step) -> report(runId, fraction, step));
            report(runId, 1.0, "Saving the evaluation");
            long millis = (System.nanoTime() - started) / 1_000_000;
            transaction.executeWithoutResult(status -> {
                Decision decision =
                        AdoptionRule.decide(outcome, query.adopted().map(r -> new AdoptedRun(r.id(), r.model())));
                runs.finish(runId, decision.state(), outcome, decision.message(), now(), millis);
                if (decision.adopted()) {
                    runs.replacePredictions(runId, outcome.predictions());
                }
            });
            log.info("Training run #{} finished in {} ms", runId, millis);
        } catch (RuntimeException | Error e) {
            log.error("Training run #{} failed", runId, e);
            failQuietly(runId, "Training failed: " + inWords(e));
        } finally {
            current.updateAndGet(status -> status != null && status.runId() == runId ? null : status);
        }
    }

    private void report(long runId, double fraction, String step) {
        current.updateAndGet(
                status -> status != null && status.runId() == runId ? status.advancedTo(fraction, step) : status);
    }

    private void failQuietly(long runId, String message) {
        try {
            transaction.executeWithoutResult(status -> runs.fail(runId, message, now()));
        } catch (RuntimeException e) {
            log.error("Training run #{} could not be marked failed; the next start will", runId, e);
        }
    }

    private static String inWords(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static String triggerInWords(Trigger trigger) {
        return switch (trigger) {
            case ADMIN -> "asked for by an admin";
            case CHANGES -> "after accepted changes";
            case NIGHTLY -> "nightly";
            case START_UP -> "first run at start-up";
        };
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
