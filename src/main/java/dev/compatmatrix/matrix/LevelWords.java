package dev.compatmatrix.matrix;

/**
 * A claim's level in words, as every place that shows one reads it (screens, exports, badges): "Not tested"
 * for no claim, so it is never read as unsupported.
 */
public final class LevelWords {

    private LevelWords() {}

    public static String word(CompatibilityLevel level) {
        return level == null ? "Not tested" : level.label();
    }

    public static String title(CompatibilityLevel level, ValidationStatus status) {
        return level == null
                ? "Not tested: no claim recorded for this platform"
                : level.label() + " · " + status.label();
    }
}
