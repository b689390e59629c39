package dev.compatmatrix.badge;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;

/**
 * What one model's badge on one platform shows: its claim's level and validation, both null when not
 * tested, and the matrix's stale and disputed marks. {@code version} changes whenever any of it may have changed
 * (the claim's row version, validation, the model row's last update, the marks), so it can tag cached copies.
 */
public record BadgeData(
        int modelId,
        String modelName,
        Platform platform,
        CompatibilityLevel level,
        ValidationStatus status,
        boolean stale,
        boolean disputed,
        String version) {

    /** The same badge with the marks the matrix shows for its cell. */
    BadgeData withMarks(boolean newStale, boolean newDisputed) {
        return new BadgeData(
                modelId,
                modelName,
                platform,
                level,
                status,
                newStale,
                newDisputed,
                version + "|" + newStale + "|" + newDisputed);
    }
}
