package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.Platform;

/** How many models have a validated, partially validated, unvalidated or no claim on a platform. */
public record PlatformCoverage(
        Platform platform, long validated, long partiallyValidated, long unvalidated, long notTested) {}
