package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;

import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;

/**
 * The level counts on each platform of a model's family, its family and size, its type and all models, per fold (see
 * {@link LevelTally}); and the baseline they give.
 */
final class GroupLevels {

    private static final int SIZES = ModelSize.values().length;

    private final ClaimTable table;
    private final LevelTally family;
    private final LevelTally familySize;
    private final LevelTally type;
    private final LevelTally all;

    GroupLevels(ClaimTable table, GroupedFolds folds) {
        this.table = table;
        int families = table.familyNames.size();
        family = LevelTally.of(table, folds, families, m -> table.family[m]);
        familySize = LevelTally.of(table, folds, families * SIZES, m -> table.family[m] * SIZES + size(m));
        type = LevelTally.of(
                table,
                folds,
                ModelType.values().length,
                m -> table.models.get(m).type().ordinal());
        all = LevelTally.of(table, folds, 1, m -> 0);
    }

    private int size(int model) {
        return table.models.get(model).size().ordinal();
    }

    int[] family(int model, int platform, int leaveOut, int alsoLeaveOut) {
        return family.levels(table.family[model], platform, leaveOut, alsoLeaveOut);
    }

    int[] familySize(int model, int platform, int leaveOut, int alsoLeaveOut) {
        return familySize.levels(table.family[model] * SIZES + size(model), platform, leaveOut, alsoLeaveOut);
    }

    int[] type(int model, int platform, int leaveOut, int alsoLeaveOut) {
        return type.levels(table.models.get(model).type().ordinal(), platform, leaveOut, alsoLeaveOut);
    }

    int[] all(int platform, int leaveOut, int alsoLeaveOut) {
        return all.levels(0, platform, leaveOut, alsoLeaveOut);
    }

    /**
     * The baseline's odds: the level distribution of the model's family on the platform, else of its type, else of all
     * models (its likeliest level is the group's majority level). Uniform when the platform has no claims at all.
     */
    double[] baseline(int model, int platform, int leaveOut, int alsoLeaveOut) {
        int[] counts = family(model, platform, leaveOut, alsoLeaveOut);
        if (LevelTally.sum(counts) == 0) {
            counts = type(model, platform, leaveOut, alsoLeaveOut);
        }
        if (LevelTally.sum(counts) == 0) {
            counts = all(platform, leaveOut, alsoLeaveOut);
        }
        return shares(counts);
    }

    static double[] shares(int[] counts) {
        double[] shares = new double[LEVELS];
        int sum = LevelTally.sum(counts);
        for (int level = 0; level < LEVELS; level++) {
            shares[level] = sum == 0 ? 1.0 / LEVELS : (double) counts[level] / sum;
        }
        return shares;
    }
}
