package dev.compatmatrix.ingest;

import dev.compatmatrix.matrix.CompatibilityLevel;

/**
 * The level a result reports when it gives pass/fail counts instead of a level: high from 98 % passed,
 * medium from 90 %, low from 50 %, unsupported below (or when nothing passed).
 */
public final class ReportedLevel {

    private ReportedLevel() {}

    public static CompatibilityLevel fromCounts(int passed, int failed) {
        double rate = (double) passed / (passed + failed);
        if (passed == 0 || rate < 0.5) {
            return CompatibilityLevel.UNSUPPORTED;
        }
        return rate >= 0.98
                ? CompatibilityLevel.HIGH
                : rate >= 0.9 ? CompatibilityLevel.MEDIUM : CompatibilityLevel.LOW;
    }
}
