package dev.compatmatrix.prediction.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The adopted training run whose predictions are the stored ones (the newest ADOPTED run), with its evaluation per
 * platform: what a reader of predictions needs beside them.
 */
@Repository
public class AdoptedRunQuery {

    /** The run whose predictions are shown; {@code platforms} its evaluation on each platform evaluated. */
    public record AdoptedRun(long runId, LocalDateTime finishedAt, Map<Platform, PlatformEvaluation> platforms) {

        /** Whether this run's predictions are shown on the platform. */
        public boolean shownOn(Platform platform) {
            PlatformEvaluation figures = platforms.get(platform);
            return figures != null && figures.beatsBaseline();
        }
    }

    private final PlatformEvaluationQuery evaluations;

    public AdoptedRunQuery(PlatformEvaluationQuery evaluations) {
        this.evaluations = evaluations;
    }

    /** The adopted run, or empty when no training was ever adopted. */
    public Optional<AdoptedRun> current() {
        return evaluations.adoptedRun().map(run -> {
            Map<Platform, PlatformEvaluation> platforms = new EnumMap<>(Platform.class);
            evaluations.forRun(run.runId()).forEach(p -> platforms.put(p.platform(), p));
            return new AdoptedRun(run.runId(), run.finishedAt(), platforms);
        });
    }
}
