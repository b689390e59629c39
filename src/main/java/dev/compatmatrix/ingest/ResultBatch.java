package dev.compatmatrix.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A batch of test results as a CI pipeline posts it to {@code POST /api/v1/results}. Field names are
 * snake_case in JSON. {@link ResultChecks} says what is required.
 *
 * @param batchId the client's id for this batch; posting the same id again changes nothing
 */
public record ResultBatch(@JsonProperty("batch_id") String batchId, List<Result> results) {

    /**
     * One cell's result: a level, or pass/fail counts from which the level follows ({@link ReportedLevel}).
     *
     * @param notes performance notes, as on the claim form
     */
    public record Result(
            String model,
            String hardware,
            String level,
            @JsonProperty("tests_passed") Integer testsPassed,
            @JsonProperty("tests_failed") Integer testsFailed,
            String limitations,
            String workarounds,
            String notes,
            Evidence evidence,
            List<Performance> performance) {}

    /** What the result rests on, as on the claim form. */
    public record Evidence(
            String run,
            @JsonProperty("framework_version") String frameworkVersion,
            String device,
            @JsonProperty("batch_size") Integer batchSize,
            String precision,
            Boolean simulated) {}

    /** One measurement for the performance comparison. */
    public record Performance(
            String task,
            @JsonProperty("batch_size") Integer batchSize,
            String precision,
            @JsonProperty("throughput_items_per_s") Double throughput,
            @JsonProperty("latency_p50_ms") Double latencyP50,
            @JsonProperty("latency_p95_ms") Double latencyP95,
            @JsonProperty("memory_mb") Integer memoryMb) {}
}
