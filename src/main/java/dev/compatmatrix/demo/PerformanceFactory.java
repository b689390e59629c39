package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Measured-looking performance of generated models (PRODUCT.md §7), from one speed model that also ranks the
 * platforms of the hardware recommendations: a recommendation's performance ratio is the ratio of the fp16
 * throughputs at its batch size. fp16 throughput therefore carries no jitter; fp32 throughput, p95 latency,
 * memory and measuring time do, each drawn from a Random of its own cell (model, platform, task, batch,
 * precision), so the caller's Random and the rest of the generated data stay as they are.
 */
final class PerformanceFactory {

    /** Throughput relative to CUDA, from PRODUCT.md §7's bert-base-uncased figures (batch 32). */
    private static final Map<Platform, Double> SPEED = new EnumMap<>(Map.of(
            Platform.CUDA,
            1.0,
            Platform.ROCM,
            0.874,
            Platform.MPS,
            0.7514,
            Platform.OPENVINO,
            0.6665,
            Platform.QUALCOMM,
            0.4595,
            Platform.WEBGPU,
            0.3763,
            Platform.CPU,
            0.22,
            Platform.WEBNN,
            0.13));

    /** bert-base-uncased (110 M parameters) on CUDA at batch 32, fp16 (PRODUCT.md §7). */
    private static final double BERT_BASE_CUDA_ITEMS_PER_S = 240.5;

    private static final int REFERENCE_BATCH = 32;
    private static final double FP32_SHARE = 0.55;
    private static final double JITTER = 0.05;
    private static final int MEASURED_WITHIN_DAYS = 30;

    private final PerformanceDetail detail;
    private final LocalDateTime measuredBefore;

    /**
     * @param detail         how many measurements a model gets
     * @param measuredBefore measurements fall in the 30 days before this time (UTC)
     */
    PerformanceFactory(PerformanceDetail detail, LocalDateTime measuredBefore) {
        this.detail = detail;
        this.measuredBefore = measuredBefore;
    }

    /** The batch sizes measured and recommended: large models stop at 16. */
    static List<Integer> batches(double params) {
        return params >= 1000 ? List.of(1, 4, 16) : List.of(1, 8, 32);
    }

    /**
     * Relative throughput that ranks platforms; lower levels run slower, and at batch 1 small models favour
     * low-overhead CPUs.
     */
    static double relativeThroughput(Platform platform, CompatibilityLevel level, double params, int batch) {
        double speed = SPEED.get(platform)
                * switch (level) {
                    case LOW -> 0.5;
                    case MEDIUM -> 0.8;
                    default -> 1.0;
                };
        boolean lowOverhead = platform == Platform.CPU || platform == Platform.OPENVINO;
        return batch == 1 && params < 200 && lowOverhead ? speed * 5 : speed;
    }

    /** Memory at 16 bits without jitter: 2 MB per million weights plus about 40 MB of activations per item. */
    static int memoryMb(double params, int batch) {
        return (int) Math.round(weightsMb(params, Precision.FP16.key()) + activationsMb(params, batch));
    }

    /** A row for each task, supported platform, batch size and precision the detail asks for. */
    List<GeneratedModel.Performance> measurements(
            String model, double params, List<String> tasks, Map<Platform, CompatibilityLevel> levels) {
        List<GeneratedModel.Performance> rows = new ArrayList<>();
        for (String task : detail.tasks(tasks)) {
            for (Map.Entry<Platform, CompatibilityLevel> entry : levels.entrySet()) {
                if (!entry.getValue().isSupported()) {
                    continue;
                }
                for (int batch : detail.batches(batches(params))) {
                    for (String precision : detail.precisions()) {
                        rows.add(measure(model, entry.getKey(), entry.getValue(), params, task, batch, precision));
                    }
                }
            }
        }
        return rows;
    }

    /** One cell's measurement; the same cell always gives the same values, whatever else is generated. */
    GeneratedModel.Performance measure(
            String model,
            Platform platform,
            CompatibilityLevel level,
            double params,
            String task,
            int batch,
            String precision) {
        Random jitter = new Random(Seeds.mix(Objects.hash(model, platform.key(), task, batch, precision)));
        double fp16 = BERT_BASE_CUDA_ITEMS_PER_S
                * Math.pow(110.0 / params, 0.75)
                * relativeThroughput(platform, level, params, batch)
                * Math.pow((double) batch / REFERENCE_BATCH, 0.6); // sub-linear in the batch size
        double throughput = Precision.FP16.key().equals(precision) ? fp16 : fp16 * FP32_SHARE * around(jitter);
        double p50 = batch / throughput * 1000;
        double p95 = p50 * (1.15 + 0.25 * jitter.nextDouble());
        int memory = (int) Math.round(weightsMb(params, precision) + activationsMb(params, batch) * around(jitter));
        LocalDateTime measuredAt = measuredBefore.minusMinutes(1 + jitter.nextInt(MEASURED_WITHIN_DAYS * 24 * 60 - 1));
        return new GeneratedModel.Performance(
                task, platform, batch, precision, throughput, p50, p95, memory, measuredAt);
    }

    private static double around(Random jitter) {
        return 1 + JITTER * (2 * jitter.nextDouble() - 1);
    }

    private static double weightsMb(double params, String precision) {
        return params * (Precision.FP16.key().equals(precision) ? 2 : 4);
    }

    /** bert-base at batch 32 ≈ 1.3 GB of activations; grows with the square root of the model size. */
    private static double activationsMb(double params, int batch) {
        return 40.0 * batch * Math.sqrt(params / 110.0);
    }
}
