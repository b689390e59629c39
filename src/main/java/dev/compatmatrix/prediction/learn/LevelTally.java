package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;
import static dev.compatmatrix.prediction.learn.ClaimTable.PLATFORMS;

/**
 * How many claims of each level a group of models (a family, a type, or all) has on each platform, kept per fold so
 * that the claims of up to two folds can be left out: a held-out model sees only the training folds' claims, and a
 * training row sees neither its own fold's claims nor the held-out fold's, so no row's own claim is ever in its
 * features.
 */
final class LevelTally {

    private final int folds;
    private final int[] counts;

    private LevelTally(int groups, int folds) {
        this.folds = folds;
        this.counts = new int[groups * folds * PLATFORMS * LEVELS];
    }

    interface Grouping {
        int groupOf(int model);
    }

    static LevelTally of(ClaimTable table, GroupedFolds folds, int groups, Grouping grouping) {
        LevelTally tally = new LevelTally(groups, folds.count);
        for (int m = 0; m < table.size(); m++) {
            int fold = folds.of(m);
            if (fold == GroupedFolds.NONE) {
                continue;
            }
            for (int p = 0; p < PLATFORMS; p++) {
                int level = table.level(m, p);
                if (level != ClaimTable.UNTESTED) {
                    tally.counts[tally.index(grouping.groupOf(m), fold, p) + level]++;
                }
            }
        }
        return tally;
    }

    private int index(int group, int fold, int platform) {
        return ((group * folds + fold) * PLATFORMS + platform) * LEVELS;
    }

    /** The group's claims of each level on the platform, leaving out the claims of the given folds (NONE: none). */
    int[] levels(int group, int platform, int leaveOut, int alsoLeaveOut) {
        int[] levels = new int[LEVELS];
        for (int fold = 0; fold < folds; fold++) {
            if (fold == leaveOut || fold == alsoLeaveOut) {
                continue;
            }
            int at = index(group, fold, platform);
            for (int level = 0; level < LEVELS; level++) {
                levels[level] += counts[at + level];
            }
        }
        return levels;
    }

    static int sum(int[] levels) {
        int sum = 0;
        for (int n : levels) {
            sum += n;
        }
        return sum;
    }

    /** The most common level (the higher one on a tie). */
    static int majority(int[] levels) {
        int best = 0;
        for (int level = 1; level < levels.length; level++) {
            if (levels[level] > levels[best]) {
                best = level;
            }
        }
        return best;
    }
}
