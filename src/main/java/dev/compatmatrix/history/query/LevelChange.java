package dev.compatmatrix.history.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;

/** One model's level on a platform from {@code date} on; {@code level} null when the claim was removed. */
public record LevelChange(Platform platform, CompatibilityLevel level, LocalDateTime date) {}
