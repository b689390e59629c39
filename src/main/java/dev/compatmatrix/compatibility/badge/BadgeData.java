package dev.compatmatrix.compatibility.badge;

import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;

/**
 * What one model's badge on one platform shows: its claim's level and validation, both null when not
 * tested. {@code version} changes whenever any of it may have changed (the claim's row version, validation,
 * the model row's last update), so it can tag cached copies.
 */
public record BadgeData(String modelName, Platform platform, CompatibilityLevel level, ValidationStatus status,
                        String version) {
}
