package dev.compatmatrix.prediction.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cross-validation folds grouped by model: all claims of a model are in one fold, so a model's own claims (on any
 * platform) are never on the training side when it is held out. Models are shuffled with a fixed seed, then dealt out
 * in turn, so the same data gives the same folds.
 */
final class GroupedFolds {

    static final int NONE = -1;

    private final int[] fold;
    final int count;

    private GroupedFolds(int[] fold, int count) {
        this.fold = fold;
        this.count = count;
    }

    static GroupedFolds deal(ClaimTable table, int wanted, long seed) {
        List<Integer> withClaims = new ArrayList<>();
        for (int m = 0; m < table.size(); m++) {
            if (table.hasClaims(m)) {
                withClaims.add(m);
            }
        }
        int count = Math.min(wanted, withClaims.size());
        Collections.shuffle(withClaims, new Random(seed));
        int[] fold = new int[table.size()];
        Arrays.fill(fold, NONE);
        for (int i = 0; i < withClaims.size(); i++) {
            fold[withClaims.get(i)] = i % count;
        }
        return new GroupedFolds(fold, count);
    }

    /** The model's fold, or {@link #NONE} for a model without claims. */
    int of(int model) {
        return fold[model];
    }
}
