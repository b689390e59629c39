package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.LevelOdds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * <p>Speed (100,000 models, ~700,000 claims on 2 cores): each forest trains on at most {@link #MAX_TRAINING_ROWS}
 * rows and cross-validation scores at most {@link #MAX_HELD_OUT_ROWS} held-out claims per platform; both samples take
 * whole models, chosen by a hash of the model id with a fixed seed. Smaller data is used whole. Same data, same
 * outcome.
 */
@Component
public class TribuoLearner implements Learner {

    static final int MIN_CLAIMS = 20;
    static final int MIN_MODELS = 5;
    static final int MIN_PLATFORM_CLAIMS = 10;
    static final int FOLDS = 5;
    static final long SEED = 20261205L;
    static final int MAX_TRAINING_ROWS = 30_000;
    static final int MAX_HELD_OUT_ROWS = 20_000;

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
        Steps steps = new Steps(progress, learnable.size() * (folds.count + 1));

        PairedScore overall = new PairedScore();
        List<PlatformEvaluation> evaluations = new ArrayList<>();
        for (Platform platform : learnable) {
            PairedScore score = crossValidate(table, folds, features, groups, platform, steps);
            overall.addAll(score);
            evaluations.add(new PlatformEvaluation(
                    platform,
                    score.model.examples(),
                    score.model.metrics(),
                    score.baseline.metrics(),
                    score.model.confusion,
                    score.beatsBaseline()));
        }

        Reasons reasons = new Reasons(table, groups);
        List<CellPrediction> predictions = new ArrayList<>();
        for (Platform platform : learnable) {
            steps.next(platform.label() + ": training on all claims and predicting its untested cells");
            predictions.addAll(predictUntested(table, folds, features, reasons, platform));
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

    private PairedScore crossValidate(
            ClaimTable table,
            GroupedFolds folds,
            CellFeatures features,
            GroupLevels groups,
            Platform platform,
            Steps steps) {
        int p = platform.ordinal();
        double heldOutShare = Math.min(1.0, (double) MAX_HELD_OUT_ROWS / table.claimsOn[p]);
        PairedScore score = new PairedScore();
        int commonest = LevelTally.majority(groups.all(p, GroupedFolds.NONE, GroupedFolds.NONE));
        for (int fold = 0; fold < folds.count; fold++) {
            steps.next(platform.label() + ": cross-validation, fold " + (fold + 1) + " of " + folds.count);
            int heldOut = fold;
            Forest forest = new Forest(features.names());
            Set<Integer> trainingModels = new HashSet<>();
            addRows(table, folds, features, forest, p, m -> folds.of(m) != heldOut, heldOut, trainingModels);
            Set<Integer> heldOutModels = new HashSet<>();
            if (forest.rows() > 0) {
                forest.train(SEED + fold);
            }
            for (int m = 0; m < table.size(); m++) {
                int claimed = table.level(m, p);
                if (folds.of(m) != heldOut
                        || claimed == ClaimTable.UNTESTED
                        || sampleKey(table, m, 1) >= heldOutShare) {
                    continue;
                }
                double[] baseline = groups.baseline(m, p, heldOut, GroupedFolds.NONE);
                double[] model =
                        forest.trained() ? forest.odds(features.values(m, p, heldOut, GroupedFolds.NONE)) : baseline;
                score.add(claimed, model, baseline, commonest);
                if (watcher != FoldWatcher.NONE) {
                    int modelId = table.models.get(m).modelId();
                    heldOutModels.add(modelId);
                    CompatibilityLevel[] levels = CompatibilityLevel.values();
                    watcher.heldOut(platform, modelId, levels[claimed], levels[Scorecard.likeliest(model)]);
                }
            }
            watcher.fold(platform, fold, trainingModels, heldOutModels);
        }
        return score;
    }

    private interface ModelFilter {
        boolean test(int model);
    }

    /**
     * Adds the platform's claims of the models the filter lets through, sampled by model to at most
     * {@link #MAX_TRAINING_ROWS}; each row's group shares leave out its own fold and the held-out fold.
     */
    private void addRows(
            ClaimTable table,
            GroupedFolds folds,
            CellFeatures features,
            Forest forest,
            int p,
            ModelFilter filter,
            int heldOut,
            Set<Integer> trainingModels) {
        int candidates = 0;
        for (int m = 0; m < table.size(); m++) {
            if (table.level(m, p) != ClaimTable.UNTESTED && filter.test(m)) {
                candidates++;
            }
        }
        double share = candidates == 0 ? 0 : Math.min(1.0, (double) MAX_TRAINING_ROWS / candidates);
        for (int m = 0; m < table.size(); m++) {
            int level = table.level(m, p);
            if (level == ClaimTable.UNTESTED || !filter.test(m) || sampleKey(table, m, 0) >= share) {
                continue;
            }
            forest.add(level, table.weight(m, p), features.values(m, p, folds.of(m), heldOut));
            if (watcher != FoldWatcher.NONE) {
                trainingModels.add(table.models.get(m).modelId());
            }
        }
    }

    private List<CellPrediction> predictUntested(
            ClaimTable table, GroupedFolds folds, CellFeatures features, Reasons reasons, Platform platform) {
        int p = platform.ordinal();
        Forest forest = new Forest(features.names());
        addRows(table, folds, features, forest, p, m -> true, GroupedFolds.NONE, new HashSet<>());
        forest.train(SEED + FOLDS);
        List<CellPrediction> predictions = new ArrayList<>();
        for (int m = 0; m < table.size(); m++) {
            if (table.level(m, p) != ClaimTable.UNTESTED) {
                continue;
            }
            double[] odds = forest.odds(features.values(m, p, GroupedFolds.NONE, GroupedFolds.NONE));
            LevelOdds levelOdds = new LevelOdds(odds[0], odds[1], odds[2], odds[3]);
            CompatibilityLevel level = levelOdds.likeliest();
            predictions.add(new CellPrediction(
                    0,
                    table.models.get(m).modelId(),
                    platform,
                    level,
                    levelOdds,
                    levelOdds.entropyBits(),
                    reasons.of(m, p, level.ordinal())));
        }
        return predictions;
    }

    /** A model's place in [0, 1) for sampling, fixed by its id and the seed (salt: a different draw per purpose). */
    private static double sampleKey(ClaimTable table, int model, int salt) {
        long x = table.models.get(model).modelId() * 0x9E3779B97F4A7C15L + SEED + salt * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (x >>> 11) * 0x1.0p-53;
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

    /** Reports progress as a share of equal steps. */
    private static final class Steps {
        private final TrainingProgress progress;
        private final int total;
        private int done;

        Steps(TrainingProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void next(String step) {
            progress.report((double) done / total, step);
            done = Math.min(done + 1, total);
        }

        void finish() {
            progress.report(1, "Done");
        }
    }
}
