package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;

import dev.compatmatrix.matrix.CompatibilityLevel;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A random forest of one platform's levels (Tribuo's CART trees, bagged, each split choosing among half of the
 * features; the trees' leaf distributions averaged, which gives probabilities rather than votes). Trees fit the
 * interactions the data has (a family whose level follows its size) without our naming them.
 */
final class Forest {

    static final int TREES = 12;
    static final int MAX_DEPTH = 10;
    private static final float MIN_CHILD_WEIGHT = 3f;
    private static final float FEATURES_PER_SPLIT = 0.5f;

    private static final LabelFactory LABELS = new LabelFactory();
    private static final Label[] LEVEL_LABELS = new Label[LEVELS];

    /** Tribuo logs every tree it builds at INFO; kept here so the setting is not collected. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            LEVEL_LABELS[level.ordinal()] = new Label(level.key());
        }
    }

    private final String[] names;
    private final MutableDataset<Label> rows;
    private Model<Label> model;

    Forest(String[] names) {
        this.names = names;
        this.rows = new MutableDataset<>(new SimpleDataSourceProvenance("claims", LABELS), LABELS);
    }

    void add(int level, float weight, double[] values) {
        ArrayExample<Label> example = new ArrayExample<>(LEVEL_LABELS[level], names, values);
        example.setWeight(weight);
        rows.add(example);
    }

    boolean trained() {
        return model != null;
    }

    int rows() {
        return rows.size();
    }

    /** Trains on the rows added; a fresh trainer each time, so the outcome depends on the seed and rows alone. */
    void train(long seed) {
        CARTClassificationTrainer tree = new CARTClassificationTrainer(
                MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, FEATURES_PER_SPLIT, false, new GiniIndex(), seed);
        model = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), TREES, seed).train(rows);
        rows.clear();
    }

    /** The probability of each level (by ordinal), adding up to 1. */
    double[] odds(double[] values) {
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] odds = new double[LEVELS];
        double sum = 0;
        for (int level = 0; level < LEVELS; level++) {
            Label score = scores.get(LEVEL_LABELS[level].getLabel());
            odds[level] = score == null ? 0 : Math.max(0, score.getScore());
            sum += odds[level];
        }
        for (int level = 0; level < LEVELS; level++) {
            odds[level] = sum == 0 ? 1.0 / LEVELS : odds[level] / sum;
        }
        return odds;
    }
}
