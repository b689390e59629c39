package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Learns each platform's levels with a Tribuo random forest, evaluates it by cross-validation grouped by model beside
 * the family-else-type baseline, then trains on all claims and predicts every untested cell.
 *
 * <p>One forest per platform rather than one with the platform as a feature: the same family or size means different
 * things on CUDA and on WebNN, so a shared forest would spend its first splits separating platforms; per platform, each
 * forest's rows are that platform's claims, a platform with too few or one-level claims is skipped on its own, and the
 * family and type shares are naturally "on this platform".
 *
 * <p>Speed (100,000 models, ~700,000 claims, on 2 cores; BENCHMARKS.md "Predictions (issue 21): training"): Tribuo's
 * trees cost rows × features × depth per tree, so each cross-validation forest trains on at most
 * {@link #MAX_FOLD_TRAINING_ROWS} rows, the final one on at most {@link #MAX_TRAINING_ROWS}, and cross-validation
 * scores at most {@link #MAX_HELD_OUT_ROWS} held-out claims per platform. Every sample takes whole models, chosen by a
 * hash of the model id with a fixed seed; smaller data is used whole. The evaluation thus judges a forest trained on
 * fewer rows than the one that predicts: if anything it understates. Same data, same outcome.
 */
@Component
public class TribuoLearner implements Learner {

    static final int MIN_CLAIMS = 20;
    static final int MIN_MODELS = 5;
    static final int MIN_PLATFORM_CLAIMS = 10;
    static final int FOLDS = 5;
    static final long SEED = 20261205L;
    /** Rows of a cross-validation forest, of the final forest, and held-out claims scored per platform, at most. */
    static final int MAX_FOLD_TRAINING_ROWS = 6_000;

    static final int MAX_TRAINING_ROWS = 15_000;
    static final int MAX_HELD_OUT_ROWS = 10_000;
    /** Platforms learnt side by side: the target machine has two cores. */
    static final int THREADS = 2;

    /** Sees each fold's models on either side and each held-out prediction (for tests). */
    interface FoldWatcher {
        FoldWatcher NONE = (platform, fold, training, heldOut) -> {};

        void fold(Platform platform, int fold, Set<Integer> trainingModels, Set<Integer> heldOutModels);

        default void heldOut(
                Platform platform, int modelId, CompatibilityLevel claimed, CompatibilityLevel predicted) {}
    }

    private final FoldWatcher watcher;

    public TribuoLearner() {
        this(FoldWatcher.NONE);
    }

    TribuoLearner(FoldWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public TrainingOutcome train(TrainingData data, TrainingProgress progress) {
        progress.report(0, "Reading the claims");
        ClaimTable table = new ClaimTable(data);
        int models = table.modelsWithClaims();
        if (table.claims < MIN_CLAIMS || models < MIN_MODELS) {
            String had = table.claims == 0 ? "No claims" : "Only " + claimsOf(table.claims, models);
            return notLearnt(
                    table.claims,
                    models,
                    had + ": at least " + MIN_CLAIMS + " claims of " + MIN_MODELS + " models are needed to learn.");
        }
        List<String> notes = new ArrayList<>();
        List<Platform> learnable = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            skipReason(table, platform).ifPresentOrElse(notes::add, () -> learnable.add(platform));
        }
        if (learnable.isEmpty()) {
            return notLearnt(table.claims, models, "No platform can be learnt. " + String.join(" ", notes));
        }
        GroupedFolds folds = GroupedFolds.deal(table, FOLDS, SEED);
        GroupLevels groups = new GroupLevels(table, folds);
        CellFeatures features = new CellFeatures(table, groups);
        Steps steps = new Steps(progress, learnable.size() * (folds.count + 2));

        PlatformLearning learning = new PlatformLearning(table, folds, groups, features, watcher, steps);
        List<PlatformLearning.Learnt> learnt = sideBySide(learnable, learning::learn);
        PairedScore overall = new PairedScore();
        List<PlatformEvaluation> evaluations = new ArrayList<>();
        List<CellPrediction> predictions = new ArrayList<>();
        for (int i = 0; i < learnable.size(); i++) {
            PairedScore score = learnt.get(i).score();
            overall.addAll(score);
            evaluations.add(new PlatformEvaluation(
                    learnable.get(i),
                    score.model.examples(),
                    score.model.metrics(),
                    score.baseline.metrics(),
                    score.model.confusion,
                    score.beatsBaseline()));
            predictions.addAll(learnt.get(i).predictions());
        }
        steps.finish();
        notes.addFirst("Learnt from " + claimsOf(table.claims, models) + " in " + folds.count + " folds grouped by"
                + " model; predicted " + predictions.size() + " untested cells.");
        if (predictions.isEmpty()) {
            notes.add("No untested cells on the platforms learnt: nothing to predict.");
        }
        return new TrainingOutcome(
                table.claims,
                models,
                folds.count,
                overall.model.metrics(),
                overall.baseline.metrics(),
                evaluations,
                predictions,
                String.join(" ", notes),
                true);
    }

    private static Optional<String> skipReason(ClaimTable table, Platform platform) {
        int claims = table.claimsOn[platform.ordinal()];
        String skipped = ": no evaluation and no predictions there.";
        if (claims == 0) {
            return Optional.of(platform.label() + " has no claims" + skipped);
        }
        if (claims < MIN_PLATFORM_CLAIMS) {
            return Optional.of(platform.label() + " has only " + claimsOf(claims) + " (at least " + MIN_PLATFORM_CLAIMS
                    + " are needed)" + skipped);
        }
        int[] levels = new int[LEVELS];
        for (int m = 0; m < table.size(); m++) {
            int level = table.level(m, platform.ordinal());
            if (level != ClaimTable.UNTESTED) {
                levels[level]++;
            }
        }
        int majority = LevelTally.majority(levels);
        if (levels[majority] == claims) {
            return Optional.of("All " + claimsOf(claims) + " on " + platform.label() + " are "
                    + CompatibilityLevel.values()[majority].label() + ", so there is nothing to tell apart"
                    + skipped);
        }
        return Optional.empty();
    }

    /**
     * Runs each platform's learning on up to {@link #THREADS} threads; the results come back in the platforms' order,
     * and as each platform's forests have seeds of their own, the outcome does not depend on which thread ran what.
     */
    private static <T> List<T> sideBySide(List<Platform> platforms, Function<Platform, T> work) {
        int threads = Math.min(THREADS, Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().name("prediction-learner-", 1).daemon().factory())) {
            List<Future<T>> running = platforms.stream()
                    .map(platform -> pool.submit(() -> work.apply(platform)))
                    .toList();
            List<T> results = new ArrayList<>();
            for (Future<T> future : running) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Training was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static TrainingOutcome notLearnt(int claims, int models, String message) {
        return new TrainingOutcome(claims, models, 0, null, null, List.of(), List.of(), message, false);
    }

    private static String claimsOf(int claims, int models) {
        return claimsOf(claims) + " of " + models + (models == 1 ? " model" : " models");
    }

    private static String claimsOf(int claims) {
        return claims + (claims == 1 ? " claim" : " claims");
    }

    /** Reports progress as a share of equal steps (from any of the learning threads). */
    static final class Steps {
        private final TrainingProgress progress;
        private final int total;
        private int done;

        Steps(TrainingProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        synchronized void next(String step) {
            progress.report((double) done / total, step);
            done = Math.min(done + 1, total);
        }

        synchronized void finish() {
            progress.report(1, "Done");
        }
    }
}
