package dev.compatmatrix.ingest;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.Platform;
import java.util.List;

/** A result that passed the shape checks, in the console's own types. */
public record CheckedResult(
        int index, String modelName, Platform platform, ClaimData claim, List<Measurement> performance) {

    /** A performance_results row to be. */
    public record Measurement(
            String task,
            int batchSize,
            String precision,
            Double throughput,
            Double latencyP50,
            Double latencyP95,
            Integer memoryMb) {}
}
