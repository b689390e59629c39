package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;
import static dev.compatmatrix.prediction.learn.ClaimTable.PLATFORMS;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The features of a model × platform cell: the model's size, log parameters, type, family (the commonest families,
 * one feature each), its claimed levels on the other platforms (4 high … 1 unsupported, 0 untested: untested is a
 * value of its own), the level shares of its family and of its type on the platform (from the claims the caller leaves
 * in: never the row's own), and the precisions its performance results were measured at. Held in Tribuo's sorted
 * name order, so that each row is built without looking names up.
 */
final class CellFeatures {

    /** Families with one feature each, commonest first; the others are known by their level shares only. */
    static final int MAX_FAMILY_FEATURES = 12;

    private static final int MIN_MODELS_FOR_FAMILY_FEATURE = 3;

    private final ClaimTable table;
    private final GroupLevels groups;
    private final String[] sortedNames;
    private final int[] position;
    private final int[] familySlot;
    private final int typeSlot;
    private final int platformSlot;
    private final int familySharesSlot;
    private final int typeSharesSlot;
    private final int precisionSlot;

    CellFeatures(ClaimTable table, GroupLevels groups) {
        this.table = table;
        this.groups = groups;
        List<String> names = new ArrayList<>(List.of("size", "log_parameters"));
        typeSlot = names.size();
        for (ModelType type : ModelType.values()) {
            names.add("type_" + type.key());
        }
        familySlot = new int[table.familyNames.size()];
        Arrays.fill(familySlot, -1);
        int[] commonest = IntStream.range(0, familySlot.length)
                .boxed()
                .filter(f -> table.familyModels[f] >= MIN_MODELS_FOR_FAMILY_FEATURE)
                .sorted(Comparator.<Integer>comparingInt(f -> -table.familyModels[f])
                        .thenComparing(f -> table.familyNames.get(f)))
                .limit(MAX_FAMILY_FEATURES)
                .mapToInt(Integer::intValue)
                .toArray();
        for (int f : commonest) {
            familySlot[f] = names.size();
            names.add("family_" + table.familyNames.get(f));
        }
        platformSlot = names.size();
        for (Platform platform : Platform.values()) {
            names.add("on_" + platform.key());
        }
        familySharesSlot = names.size();
        addShares(names, "family");
        typeSharesSlot = names.size();
        addShares(names, "type");
        precisionSlot = names.size();
        for (Precision precision : Precision.values()) {
            names.add("measured_" + precision.key());
        }
        sortedNames = names.stream().sorted().toArray(String[]::new);
        position = new int[names.size()];
        List<String> sorted = Arrays.asList(sortedNames);
        for (int slot = 0; slot < names.size(); slot++) {
            position[slot] = sorted.indexOf(names.get(slot));
        }
    }

    private static void addShares(List<String> names, String group) {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            names.add(group + "_share_" + level.key());
        }
        names.add(group + "_claims");
    }

    /** The feature names in the order of {@link #values}. */
    String[] names() {
        return sortedNames;
    }

    /** The cell's feature values; the group shares leave out the claims of the given folds. */
    double[] values(int model, int platform, int leaveOut, int alsoLeaveOut) {
        double[] values = new double[sortedNames.length];
        ModelFacts facts = table.models.get(model);
        set(values, 0, facts.size().rank());
        Double parameters = facts.parametersMillions();
        set(values, 1, parameters == null ? 0 : 4 + Math.log10(Math.max(parameters, 0.001)));
        set(values, typeSlot + facts.type().ordinal(), 1);
        int family = familySlot[table.family[model]];
        if (family >= 0) {
            set(values, family, 1);
        }
        for (int p = 0; p < PLATFORMS; p++) {
            int level = table.level(model, p);
            if (p != platform && level != ClaimTable.UNTESTED) {
                set(values, platformSlot + p, LEVELS - level);
            }
        }
        setShares(values, familySharesSlot, groups.family(model, platform, leaveOut, alsoLeaveOut));
        setShares(values, typeSharesSlot, groups.type(model, platform, leaveOut, alsoLeaveOut));
        for (Precision precision : facts.measuredPrecisions()) {
            set(values, precisionSlot + precision.ordinal(), 1);
        }
        return values;
    }

    private void setShares(double[] values, int slot, int[] counts) {
        int sum = LevelTally.sum(counts);
        if (sum == 0) {
            return;
        }
        for (int level = 0; level < LEVELS; level++) {
            set(values, slot + level, (double) counts[level] / sum);
        }
        set(values, slot + LEVELS, Math.log1p(sum));
    }

    private void set(double[] values, int slot, double value) {
        values[position[slot]] = value;
    }
}
