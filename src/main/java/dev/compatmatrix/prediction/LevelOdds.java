package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.CompatibilityLevel;

/** A prediction's probability of each level; the four add up to 1. */
public record LevelOdds(double high, double medium, double low, double unsupported) {

    public double of(CompatibilityLevel level) {
        return switch (level) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case UNSUPPORTED -> unsupported;
        };
    }

    /** The most likely level (the higher level when two are equally likely). */
    public CompatibilityLevel likeliest() {
        CompatibilityLevel best = CompatibilityLevel.HIGH;
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            if (of(level) > of(best)) {
                best = level;
            }
        }
        return best;
    }

    /** Shannon entropy in bits: 0 when one level is certain, 2 when all four are equally likely. */
    public double entropyBits() {
        double bits = 0;
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            double p = of(level);
            if (p > 0) {
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }
}
