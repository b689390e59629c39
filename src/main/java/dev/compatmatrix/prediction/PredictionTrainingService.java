package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.query.PlatformEvaluationQuery;
import dev.compatmatrix.prediction.query.TrainingRunsQuery;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Training the predictions: admins start a run (in the background, one at a time across the cluster); every
 * signed-in user follows its progress, reads the history of runs and the adopted run's evaluation.
 */
@Service
public class PredictionTrainingService {

    /** A history page may not ask for more runs than this. */
    public static final int MAX_RUNS = 500;

    private final TrainingRunner runner;
    private final TrainingRunsQuery query;
    private final PlatformEvaluationQuery evaluations;

    PredictionTrainingService(TrainingRunner runner, TrainingRunsQuery query, PlatformEvaluationQuery evaluations) {
        this.runner = runner;
        this.query = query;
        this.evaluations = evaluations;
    }

    /** The adopted run with its evaluation per platform. */
    public record Evaluation(RunRow run, List<PlatformEvaluation> platforms) {}

    /**
     * Starts a training run now, in the background; its id. Refused with {@link TrainingRefusedException} while
     * another run is running.
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    public long trainNow() {
        return runner.start(Trigger.ADMIN, Actor.name());
    }

    /** The run in progress, if any. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public Optional<TrainingStatus> progress() {
        return runner.progress();
    }

    /** The newest runs (at most {@code limit}, up to {@value #MAX_RUNS}), newest first, adopted or not. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public List<RunRow> runs(int limit) {
        return query.newest(Math.clamp(limit, 1, MAX_RUNS));
    }

    /** The evaluation of the run whose predictions are shown; empty before any run was adopted. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public Optional<Evaluation> latestEvaluation() {
        return query.adopted().map(run -> new Evaluation(run, evaluations.forRun(run.id())));
    }
}
