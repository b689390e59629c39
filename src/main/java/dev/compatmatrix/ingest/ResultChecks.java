package dev.compatmatrix.ingest;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Identifier;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape rules of a results batch, checked before anything touches the database; every problem is
 * reported with the result's index and field, so a pipeline can fix them all at once.
 */
public final class ResultChecks {

    public static final int MAX_RESULTS = 1000;
    public static final int MAX_MEASUREMENTS = 50;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int NAME_MAX = 200;
    private static final int TASK_MAX = 100;

    private ResultChecks() {}

    /** The checked results; throws {@link IngestRejectedException} listing every problem found. */
    public static List<CheckedResult> check(ResultBatch batch) {
        List<ItemError> errors = new ArrayList<>();
        if (batch == null) {
            throw new IngestRejectedException(List.of(new ItemError(-1, "", "The body must be a JSON object")));
        }
        if (batch.batchId() == null || !BATCH_ID.matcher(batch.batchId()).matches()) {
            errors.add(new ItemError(-1, "batch_id", "Required: 1 to 100 characters of A-Z a-z 0-9 . _ : -"));
        }
        List<ResultBatch.Result> results = batch.results();
        if (results == null || results.isEmpty()) {
            errors.add(new ItemError(-1, "results", "Required: a non-empty array of results"));
        } else if (results.size() > MAX_RESULTS) {
            errors.add(new ItemError(-1, "results", "At most " + MAX_RESULTS + " results per batch; split the batch"));
        }
        if (!errors.isEmpty()) {
            throw new IngestRejectedException(errors);
        }
        List<CheckedResult> checked = new ArrayList<>();
        Map<String, Integer> firstIndexOfCell = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            ResultBatch.Result result = results.get(i);
            if (result == null) {
                errors.add(new ItemError(i, "", "A result must be an object"));
                continue;
            }
            int before = errors.size();
            CheckedResult one = checkOne(i, result, errors);
            if (errors.size() == before) {
                Integer earlier = firstIndexOfCell.putIfAbsent(one.modelName() + "\u0000" + one.platform(), i);
                if (earlier != null) {
                    errors.add(new ItemError(
                            i,
                            "hardware",
                            "Result " + earlier + " already reports " + one.modelName() + " on "
                                    + one.platform().key() + "; send one result per cell and batch"));
                } else {
                    checked.add(one);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IngestRejectedException(errors);
        }
        return checked;
    }

    private static CheckedResult checkOne(int i, ResultBatch.Result r, List<ItemError> errors) {
        if (r.model() == null || r.model().isBlank() || r.model().length() > NAME_MAX) {
            errors.add(new ItemError(i, "model", "Required: a model name of at most " + NAME_MAX + " characters"));
        } else {
            Identifier.MODEL_NAME.problem(r.model().strip()).ifPresent(p -> errors.add(new ItemError(i, "model", p)));
        }
        Optional<Platform> platform = r.hardware() == null ? Optional.empty() : Platform.fromKey(r.hardware());
        if (platform.isEmpty()) {
            errors.add(new ItemError(i, "hardware", "Required: one of " + keys(Platform.values())));
        }
        CompatibilityLevel level = level(i, r, errors);
        ResultBatch.Evidence evidence =
                r.evidence() == null ? new ResultBatch.Evidence(null, null, null, null, null, null) : r.evidence();
        Precision precision = null;
        if (evidence.precision() != null) {
            precision = Precision.fromKey(evidence.precision()).orElse(null);
            if (precision == null) {
                errors.add(new ItemError(i, "evidence.precision", "One of " + keys(Precision.values())));
            }
        }
        if (evidence.batchSize() != null && evidence.batchSize() < 1) {
            errors.add(new ItemError(i, "evidence.batch_size", "A batch size is a positive number"));
        }
        text(i, "limitations", r.limitations(), ClaimData.TEXT_MAX, errors);
        text(i, "workarounds", r.workarounds(), ClaimData.TEXT_MAX, errors);
        text(i, "notes", r.notes(), ClaimData.TEXT_MAX, errors);
        text(i, "evidence.run", evidence.run(), ClaimData.SHORT_MAX, errors);
        text(i, "evidence.framework_version", evidence.frameworkVersion(), ClaimData.VERSION_MAX, errors);
        text(i, "evidence.device", evidence.device(), ClaimData.VERSION_MAX, errors);
        List<CheckedResult.Measurement> measurements = measurements(i, r.performance(), errors);
        if (level == null || platform.isEmpty() || r.model() == null) {
            return null;
        }
        ClaimData claim = new ClaimData(
                level,
                r.limitations(),
                r.workarounds(),
                r.notes(),
                evidence.run(),
                evidence.frameworkVersion(),
                evidence.device(),
                evidence.batchSize(),
                precision,
                Boolean.TRUE.equals(evidence.simulated()));
        return new CheckedResult(i, r.model().strip(), platform.get(), claim, measurements);
    }

    private static CompatibilityLevel level(int i, ResultBatch.Result r, List<ItemError> errors) {
        boolean counts = r.testsPassed() != null || r.testsFailed() != null;
        if (r.level() != null && counts) {
            errors.add(new ItemError(i, "level", "Give either a level or tests_passed/tests_failed, not both"));
            return null;
        }
        if (r.level() != null) {
            Optional<CompatibilityLevel> level = CompatibilityLevel.fromKey(r.level());
            if (level.isEmpty()) {
                errors.add(new ItemError(i, "level", "One of " + keys(CompatibilityLevel.values())));
            }
            return level.orElse(null);
        }
        if (!counts) {
            errors.add(new ItemError(i, "level", "Required: a level, or tests_passed and tests_failed"));
            return null;
        }
        if (r.testsPassed() == null
                || r.testsFailed() == null
                || r.testsPassed() < 0
                || r.testsFailed() < 0
                || (long) r.testsPassed() + r.testsFailed() == 0) {
            errors.add(new ItemError(i, "tests_passed", "tests_passed and tests_failed: both ≥ 0, not both 0"));
            return null;
        }
        return ReportedLevel.fromCounts(r.testsPassed(), r.testsFailed());
    }

    private static List<CheckedResult.Measurement> measurements(
            int i, List<ResultBatch.Performance> performance, List<ItemError> errors) {
        if (performance == null) {
            return List.of();
        }
        if (performance.size() > MAX_MEASUREMENTS) {
            errors.add(new ItemError(i, "performance", "At most " + MAX_MEASUREMENTS + " measurements per result"));
            return List.of();
        }
        List<CheckedResult.Measurement> result = new ArrayList<>();
        for (int m = 0; m < performance.size(); m++) {
            ResultBatch.Performance p = performance.get(m);
            String field = "performance[" + m + "]";
            if (p == null || p.task() == null || p.task().isBlank() || p.task().length() > TASK_MAX) {
                errors.add(
                        new ItemError(i, field + ".task", "Required: a task of at most " + TASK_MAX + " characters"));
                continue;
            }
            if (p.batchSize() == null || p.batchSize() < 1) {
                errors.add(new ItemError(i, field + ".batch_size", "Required: a positive batch size"));
                continue;
            }
            if (p.precision() == null || Precision.fromKey(p.precision()).isEmpty()) {
                errors.add(new ItemError(i, field + ".precision", "Required: one of " + keys(Precision.values())));
                continue;
            }
            if (negative(p.throughput())
                    || negative(p.latencyP50())
                    || negative(p.latencyP95())
                    || (p.memoryMb() != null && p.memoryMb() < 0)) {
                errors.add(new ItemError(i, field, "Measurements are finite numbers ≥ 0"));
                continue;
            }
            if (p.latencyP50() != null && p.latencyP95() != null && p.latencyP95() < p.latencyP50()) {
                errors.add(new ItemError(i, field + ".latency_p95_ms", "p95 latency cannot be below p50"));
                continue;
            }
            result.add(new CheckedResult.Measurement(
                    p.task().strip(),
                    p.batchSize(),
                    p.precision(),
                    p.throughput(),
                    p.latencyP50(),
                    p.latencyP95(),
                    p.memoryMb()));
        }
        return result;
    }

    private static boolean negative(Double value) {
        return value != null && (value < 0 || value.isNaN() || value.isInfinite());
    }

    private static void text(int i, String field, String value, int max, List<ItemError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new ItemError(i, field, "At most " + max + " characters"));
        }
    }

    private static String keys(dev.compatmatrix.base.Keyed[] values) {
        return java.util.Arrays.stream(values)
                .map(dev.compatmatrix.base.Keyed::key)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
