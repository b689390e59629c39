package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.TribuoLearner.MAX_FOLD_TRAINING_ROWS;
import static dev.compatmatrix.prediction.learn.TribuoLearner.MAX_HELD_OUT_ROWS;
import static dev.compatmatrix.prediction.learn.TribuoLearner.MAX_TRAINING_ROWS;
import static dev.compatmatrix.prediction.learn.TribuoLearner.SEED;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.LevelOdds;
import dev.compatmatrix.prediction.learn.TribuoLearner.FoldWatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One platform's share of a training: cross-validation grouped by model beside the baseline, then a forest on all the
 * platform's claims that predicts its untested cells. Reads the shared tables only, so platforms can run side by side.
 */
final class PlatformLearning {

    /** What one platform gave: its held-out scores and its untested cells' predictions. */
    record Learnt(PairedScore score, List<CellPrediction> predictions) {}

    private final ClaimTable table;
    private final GroupedFolds folds;
    private final GroupLevels groups;
    private final CellFeatures features;
    private final Reasons reasons;
    private final FoldWatcher watcher;
    private final TribuoLearner.Steps steps;

    PlatformLearning(
            ClaimTable table,
            GroupedFolds folds,
            GroupLevels groups,
            CellFeatures features,
            FoldWatcher watcher,
            TribuoLearner.Steps steps) {
        this.table = table;
        this.folds = folds;
        this.groups = groups;
        this.features = features;
        this.reasons = new Reasons(table, groups);
        this.watcher = watcher;
        this.steps = steps;
    }

    Learnt learn(Platform platform) {
        return new Learnt(crossValidate(platform), predictUntested(platform));
    }

    private PairedScore crossValidate(Platform platform) {
        int p = platform.ordinal();
        double heldOutShare = Math.min(1.0, (double) MAX_HELD_OUT_ROWS / table.claimsOn[p]);
        PairedScore score = new PairedScore();
        int commonest = LevelTally.majority(groups.all(p, GroupedFolds.NONE, GroupedFolds.NONE));
        for (int fold = 0; fold < folds.count; fold++) {
            steps.next(platform.label() + ": cross-validation, fold " + (fold + 1) + " of " + folds.count);
            int heldOut = fold;
            Forest forest = new Forest(features.names());
            Set<Integer> trainingModels =
                    addRows(forest, p, m -> folds.of(m) != heldOut, heldOut, MAX_FOLD_TRAINING_ROWS);
            if (forest.rows() > 0) {
                forest.train(SEED + fold);
            }
            Set<Integer> heldOutModels = new HashSet<>();
            for (int m = 0; m < table.size(); m++) {
                int claimed = table.level(m, p);
                if (folds.of(m) != heldOut || claimed == ClaimTable.UNTESTED || sampleKey(m, 1) >= heldOutShare) {
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
                    synchronized (watcher) {
                        watcher.heldOut(platform, modelId, levels[claimed], levels[Scorecard.likeliest(model)]);
                    }
                }
            }
            synchronized (watcher) {
                watcher.fold(platform, fold, trainingModels, heldOutModels);
            }
        }
        return score;
    }

    /**
     * Adds the platform's claims of the models the filter lets through, sampled by model to at most {@code maxRows};
     * each row's group shares leave out its own fold and the held-out fold. The ids of the models added, when a watcher
     * wants them.
     */
    private Set<Integer> addRows(Forest forest, int p, IntPredicate filter, int heldOut, int maxRows) {
        int candidates = 0;
        for (int m = 0; m < table.size(); m++) {
            if (table.level(m, p) != ClaimTable.UNTESTED && filter.test(m)) {
                candidates++;
            }
        }
        double share = candidates == 0 ? 0 : Math.min(1.0, (double) maxRows / candidates);
        Set<Integer> added = new HashSet<>();
        for (int m = 0; m < table.size(); m++) {
            int level = table.level(m, p);
            if (level == ClaimTable.UNTESTED || !filter.test(m) || sampleKey(m, 0) >= share) {
                continue;
            }
            forest.add(level, table.weight(m, p), features.values(m, p, folds.of(m), heldOut));
            if (watcher != FoldWatcher.NONE) {
                added.add(table.models.get(m).modelId());
            }
        }
        return added;
    }

    private List<CellPrediction> predictUntested(Platform platform) {
        int p = platform.ordinal();
        steps.next(platform.label() + ": training on all claims");
        Forest forest = new Forest(features.names());
        addRows(forest, p, m -> true, GroupedFolds.NONE, MAX_TRAINING_ROWS);
        forest.train(SEED + folds.count);
        steps.next(platform.label() + ": predicting " + (table.size() - table.claimsOn[p]) + " untested cells");
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
    private double sampleKey(int model, int salt) {
        long x = table.models.get(model).modelId() * 0x9E3779B97F4A7C15L + SEED + salt * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (x >>> 11) * 0x1.0p-53;
    }
}
