package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.matrix.Platform;

/** How many of the selected recommendations name a platform as recommended and as fallback. */
public record PlatformTally(Platform platform, long recommended, long fallback) {}
