package dev.compatmatrix.prediction.learn;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.TrainingData.KnownClaim;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training data indexed for learning: models by position, each cell's claimed level (or none) and weight, each
 * model's family as a number. Claims of models that are not in the data (deleted) are left out.
 */
final class ClaimTable {

    static final int PLATFORMS = Platform.values().length;
    static final int LEVELS = CompatibilityLevel.values().length;
    static final byte UNTESTED = -1;

    final List<ModelFacts> models;
    final List<String> familyNames = new ArrayList<>();
    final int[] family;
    final int[] familyModels;
    private final byte[] levels;
    private final float[] weights;
    final int claims;
    final int[] claimsOn = new int[PLATFORMS];

    ClaimTable(TrainingData data) {
        models = data.models();
        family = new int[models.size()];
        Map<String, Integer> familyIds = new HashMap<>();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ModelFacts model = models.get(i);
            index.put(model.modelId(), i);
            family[i] = familyIds.computeIfAbsent(model.family(), name -> {
                familyNames.add(name);
                return familyNames.size() - 1;
            });
        }
        familyModels = new int[familyNames.size()];
        for (int f : family) {
            familyModels[f]++;
        }
        levels = new byte[models.size() * PLATFORMS];
        Arrays.fill(levels, UNTESTED);
        weights = new float[levels.length];
        for (KnownClaim claim : data.claims()) {
            Integer model = index.get(claim.modelId());
            if (model != null) {
                int cell = model * PLATFORMS + claim.platform().ordinal();
                levels[cell] = (byte) claim.level().ordinal();
                weights[cell] = weight(claim);
            }
        }
        int counted = 0;
        for (int cell = 0; cell < levels.length; cell++) {
            if (levels[cell] != UNTESTED) {
                counted++;
                claimsOn[cell % PLATFORMS]++;
            }
        }
        claims = counted;
    }

    /**
     * A training row's weight: a validated claim counts twice, a partly validated one 1.5 times; a claim on simulated
     * evidence counts once whatever its status says, as simulated evidence never counts as validated.
     */
    static float weight(KnownClaim claim) {
        if (claim.simulated()) {
            return 1f;
        }
        return switch (claim.status()) {
            case VALIDATED -> 2f;
            case PARTIALLY_VALIDATED -> 1.5f;
            case UNVALIDATED -> 1f;
        };
    }

    int size() {
        return models.size();
    }

    /** The claimed level's ordinal, or {@link #UNTESTED}. */
    int level(int model, int platform) {
        return levels[model * PLATFORMS + platform];
    }

    float weight(int model, int platform) {
        return weights[model * PLATFORMS + platform];
    }

    boolean hasClaims(int model) {
        for (int p = 0; p < PLATFORMS; p++) {
            if (level(model, p) != UNTESTED) {
                return true;
            }
        }
        return false;
    }

    int modelsWithClaims() {
        int count = 0;
        for (int m = 0; m < size(); m++) {
            if (hasClaims(m)) {
                count++;
            }
        }
        return count;
    }
}
