package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;

/** A platform's newest {@code performance_results} row for one choice; the metrics may be unknown (null). */
public record PerformanceRow(
        Platform platform,
        Double throughputItemsPerS,
        Double latencyP50Ms,
        Double latencyP95Ms,
        Integer memoryMb,
        LocalDateTime measuredAt,
        String source) {}
