package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** How well a model runs on a platform, as claimed in a {@code compatibility_details} row. */
public enum CompatibilityLevel implements Keyed {
    HIGH("high", "High", 1.0),
    MEDIUM("medium", "Medium", 0.7),
    LOW("low", "Low", 0.4),
    UNSUPPORTED("unsupported", "Unsupported", 0.0);

    private final String key;
    private final String label;
    private final double scoreWeight;

    CompatibilityLevel(String key, String label, double scoreWeight) {
        this.key = key;
        this.label = label;
        this.scoreWeight = scoreWeight;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** This level's share of a platform's slot in the compatibility score; see {@link ScoreRule}. */
    public double scoreWeight() {
        return scoreWeight;
    }

    /** The level as a number that sorts from unsupported (1) to high (4), as stored on the matrix row. */
    public int sortRank() {
        return values().length - ordinal();
    }

    public boolean isSupported() {
        return this != UNSUPPORTED;
    }

    public static Optional<CompatibilityLevel> fromKey(String key) {
        return Keyed.fromKey(CompatibilityLevel.class, key);
    }
}
