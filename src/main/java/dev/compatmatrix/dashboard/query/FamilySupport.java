package dev.compatmatrix.dashboard.query;

import dev.compatmatrix.matrix.Platform;

/**
 * How many of a family's models are supported on each platform.
 *
 * @param supportedModels indexed by {@link Platform#ordinal()}
 */
public record FamilySupport(String family, long models, long[] supportedModels) {

    /** The share of the family's models supported on the platform, in whole percent. */
    public int percentSupported(Platform platform) {
        return models == 0 ? 0 : (int) Math.round(100.0 * supportedModels[platform.ordinal()] / models);
    }
}
