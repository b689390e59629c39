package dev.compatmatrix.prediction.learn;

import static dev.compatmatrix.prediction.learn.ClaimTable.LEVELS;
import static dev.compatmatrix.prediction.learn.ClaimTable.PLATFORMS;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The strongest reasons for a predicted level, in words, strongest first, at most three: how many of the model's
 * family (and of its family at its size, and of its type, and of all models) have that level on the platform, and the
 * model's own claims of that level on other platforms. A reason's strength is the lower end of the 95 % Wilson interval
 * of its share, so "3 of 3" ranks below "40 of 42"; a group where the level is a minority is named only when there is
 * nothing better. Only identifiers and numbers go into the words.
 */
final class Reasons {

    static final int MAX = 3;

    private final ClaimTable table;
    private final GroupLevels groups;
    /** [from platform][its level][to platform][level there]: how often one platform's level goes with another's. */
    private final int[][][][] together = new int[PLATFORMS][LEVELS][PLATFORMS][LEVELS];

    Reasons(ClaimTable table, GroupLevels groups) {
        this.table = table;
        this.groups = groups;
        for (int m = 0; m < table.size(); m++) {
            for (int from = 0; from < PLATFORMS; from++) {
                int fromLevel = table.level(m, from);
                if (fromLevel == ClaimTable.UNTESTED) {
                    continue;
                }
                for (int to = 0; to < PLATFORMS; to++) {
                    int toLevel = table.level(m, to);
                    if (to != from && toLevel != ClaimTable.UNTESTED) {
                        together[from][fromLevel][to][toLevel]++;
                    }
                }
            }
        }
    }

    /** {@code backs}: most of its group has the predicted level (a minority share is said only if nothing else is). */
    private record Reason(String words, double strength, boolean backs) {}

    List<String> of(int model, int platform, int level) {
        ModelFacts facts = table.models.get(model);
        String levelLabel = CompatibilityLevel.values()[level].label();
        String on = Platform.values()[platform].label();
        int none = GroupedFolds.NONE;
        String family = facts.family();
        List<Reason> reasons = new ArrayList<>();
        int[] counts = groups.family(model, platform, none, none);
        add(reasons, counts, level, "%d of %d " + family + " models are " + levelLabel + " on " + on);
        counts = groups.familySize(model, platform, none, none);
        add(
                reasons,
                counts,
                level,
                "%d of %d " + facts.size().key() + " " + family + " models are " + levelLabel + " on " + on);
        counts = groups.type(model, platform, none, none);
        add(reasons, counts, level, "type " + facts.type().key() + ": %d of %d are " + levelLabel + " on " + on);
        counts = groups.all(platform, none, none);
        add(reasons, counts, level, "%d of %d models are " + levelLabel + " on " + on);
        otherPlatforms(model, platform, level, levelLabel).ifPresent(reasons::add);
        List<Reason> strongest = reasons.stream()
                .sorted(Comparator.comparingDouble(Reason::strength).reversed())
                .toList();
        List<String> backing = strongest.stream()
                .filter(Reason::backs)
                .limit(MAX)
                .map(Reason::words)
                .toList();
        return backing.isEmpty()
                ? strongest.stream().limit(1).map(Reason::words).toList()
                : backing;
    }

    private static void add(List<Reason> reasons, int[] counts, int level, String format) {
        int of = LevelTally.sum(counts);
        if (counts[level] > 0) {
            reasons.add(new Reason(
                    format.formatted(counts[level], of), wilsonLower(counts[level], of), 2 * counts[level] >= of));
        }
    }

    /** "High on CUDA and CPU": the model's claims of this level elsewhere, as strong as the best of them foretells. */
    private Optional<Reason> otherPlatforms(int model, int platform, int level, String levelLabel) {
        List<Platform> same = new ArrayList<>();
        double strength = 0;
        for (int from = 0; from < PLATFORMS; from++) {
            if (from != platform && table.level(model, from) == level) {
                same.add(Platform.values()[from]);
                int[] there = together[from][level][platform];
                strength = Math.max(strength, wilsonLower(there[level], LevelTally.sum(there)));
            }
        }
        if (same.isEmpty() || strength == 0) {
            return Optional.empty();
        }
        List<String> labels = same.stream().limit(3).map(Platform::label).toList();
        String list = labels.size() == 1
                ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
        String more = same.size() > 3 ? " (and " + (same.size() - 3) + " more)" : "";
        return Optional.of(new Reason(levelLabel + " on " + list + more, strength, true));
    }

    static double wilsonLower(int successes, int trials) {
        if (trials == 0) {
            return 0;
        }
        double z = 1.96;
        double p = (double) successes / trials;
        double denominator = 1 + z * z / trials;
        double centre = p + z * z / (2 * trials);
        double spread = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials));
        return (centre - spread) / denominator;
    }
}
