package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a model's levels into a full generated model: claim texts with measured-looking throughput,
 * validation consistent with the validators' levels (PRODUCT.md §4), a history chain ending at the
 * current level, hardware recommendations, and performance measurements ({@link PerformanceFactory}) that
 * agree with the claims' notes and the recommendations' ratios. All randomness comes from the caller's
 * seeded Random, except the measurements' jitter, which has Randoms of its own.
 */
public final class ClaimFactory {

    private static final Map<Platform, List<String>> VERSIONS = new EnumMap<>(Map.of(
            Platform.CPU, List.of("torch 2.2.0", "torch 2.3.1", "torch 2.4.0", "torch 2.5.1"),
            Platform.CUDA, List.of("CUDA 12.1 / torch 2.2", "CUDA 12.4 / torch 2.4", "CUDA 12.6 / torch 2.5"),
            Platform.ROCM, List.of("ROCm 6.0", "ROCm 6.1", "ROCm 6.2", "ROCm 6.3"),
            Platform.MPS, List.of("macOS 14.4 / torch 2.3", "macOS 15.0 / torch 2.4", "macOS 15.1 / torch 2.5"),
            Platform.OPENVINO, List.of("OpenVINO 2024.1", "OpenVINO 2024.3", "OpenVINO 2024.5"),
            Platform.QUALCOMM, List.of("QNN 2.20", "QNN 2.24", "QNN 2.26"),
            Platform.WEBNN, List.of("Chrome 124 / ORT-web 1.18", "Chrome 128 / ORT-web 1.19"),
            Platform.WEBGPU, List.of("Chrome 122 / transformers.js 2.17", "Chrome 126 / transformers.js 3.0")));

    /** The device each platform's demo runs used. */
    private static final Map<Platform, String> DEVICES = new EnumMap<>(Map.of(
            Platform.CPU,
            "Xeon Platinum 8480+",
            Platform.CUDA,
            "NVIDIA A100 80GB",
            Platform.ROCM,
            "AMD MI250X",
            Platform.MPS,
            "Apple M2 Max",
            Platform.OPENVINO,
            "Intel Core i9-13900K",
            Platform.QUALCOMM,
            "Snapdragon 8 Gen 3",
            Platform.WEBNN,
            "Chrome 128 on Core Ultra 7",
            Platform.WEBGPU,
            "Chrome 126 on RTX 4070"));

    private static final Map<ModelType, List<String>> TASKS = new EnumMap<>(Map.of(
            ModelType.TEXT_EMBEDDING, List.of("embedding", "text_classification"),
            ModelType.TEXT_GENERATION, List.of("text_generation"),
            ModelType.TEXT2TEXT, List.of("text_generation", "translation"),
            ModelType.VISION, List.of("image_classification"),
            ModelType.AUDIO, List.of("speech_recognition", "audio_classification"),
            ModelType.MULTIMODAL, List.of("zero_shot_classification"),
            ModelType.VISION_LANGUAGE, List.of("image_captioning", "visual_question_answering")));

    /**
     * The demo's editor account, the author of the generated history (never an approver). The claims themselves keep
     * no author ({@code updated_by} null): tests take such untouched demo claims as fresh ones.
     */
    static final String AUTHOR = "editor";

    private final List<ValidatorRef> validators;
    private final LocalDateTime historyEnd;
    private final PerformanceFactory performance;

    /** With every performance measurement ({@link PerformanceDetail#FULL}). */
    public ClaimFactory(List<ValidatorRef> validators, LocalDateTime historyEnd) {
        this(validators, historyEnd, PerformanceDetail.FULL);
    }

    /**
     * @param validators        who may appear as approvers
     * @param historyEnd        the newest possible history time; history spans the year before it, performance
     *                          measurements its last 30 days
     * @param performanceDetail how many performance measurements each model gets
     */
    public ClaimFactory(List<ValidatorRef> validators, LocalDateTime historyEnd, PerformanceDetail performanceDetail) {
        this.validators = validators;
        this.historyEnd = historyEnd;
        this.performance = new PerformanceFactory(performanceDetail, historyEnd);
    }

    /**
     * A validator row as the generator needs it: {@code reviewer} is who signs its reviews (the console user
     * linked to a person, {@code api:…} for a pipeline), {@code automated} whether it reports through the API.
     */
    public record ValidatorRef(int id, int level, String reviewer, boolean automated) {}

    /** The framework/runtime versions a platform's runs used, oldest first. */
    static List<String> versions(Platform platform) {
        return VERSIONS.get(platform);
    }

    /** A test run id as the evidence names it. */
    static String evidenceRun(Platform platform, Random random) {
        return String.format(java.util.Locale.ROOT, "run-%s-%06d", platform.key(), random.nextInt(1_000_000));
    }

    public GeneratedModel model(
            String name,
            String family,
            ModelType type,
            ModelSize size,
            double params,
            Map<Platform, CompatibilityLevel> levels,
            Random random,
            int minChanges,
            int maxChanges) {
        LocalDateTime yearAgo = historyEnd.minusDays(365);
        Map<Platform, GeneratedModel.Claim> claims = new EnumMap<>(Platform.class);
        List<GeneratedModel.Change> history = new ArrayList<>();
        for (Map.Entry<Platform, CompatibilityLevel> entry : levels.entrySet()) {
            Platform platform = entry.getKey();
            CompatibilityLevel level = entry.getValue();
            int changes = minChanges + random.nextInt(maxChanges - minChanges + 1);
            List<GeneratedModel.Change> chain = chain(platform, level, changes, yearAgo, random);
            history.addAll(chain);
            claims.put(
                    platform,
                    claim(name, TASKS.get(type).getFirst(), params, platform, level, chain.getLast(), random));
        }
        history.sort(Comparator.comparing(GeneratedModel.Change::date));
        LocalDateTime createdAt =
                history.isEmpty() ? yearAgo : history.getFirst().date().minusDays(1);
        return new GeneratedModel(
                name,
                family,
                type,
                size,
                params,
                createdAt,
                claims,
                history,
                recommendations(type, params, levels, random),
                performance.measurements(name, params, TASKS.get(type), levels),
                List.of());
    }

    private List<GeneratedModel.Change> chain(
            Platform platform, CompatibilityLevel current, int changes, LocalDateTime from, Random random) {
        CompatibilityLevel[] all = CompatibilityLevel.values();
        CompatibilityLevel[] steps = new CompatibilityLevel[changes];
        steps[changes - 1] = current;
        for (int i = changes - 2; i >= 0; i--) {
            CompatibilityLevel other;
            do {
                other = all[random.nextInt(all.length)];
            } while (other == steps[i + 1]);
            steps[i] = other;
        }
        List<String> versions = VERSIONS.get(platform);
        List<GeneratedModel.Change> chain = new ArrayList<>();
        long span = 360L * 24 * 60; // minutes in the year, kept clear of its last days
        long[] offsets = new long[changes];
        for (int i = 0; i < changes; i++) {
            offsets[i] = random.nextLong(span);
        }
        java.util.Arrays.sort(offsets);
        for (int i = 0; i < changes; i++) {
            LocalDateTime date = from.plusMinutes(offsets[i] + i); // + i keeps equal draws in order
            String version =
                    versions.get(Math.min(versions.size() - 1, i * versions.size() / changes + random.nextInt(2)));
            CompatibilityLevel previous = i == 0 ? null : steps[i - 1];
            chain.add(new GeneratedModel.Change(
                    platform,
                    previous,
                    steps[i],
                    reason(platform, previous, steps[i], version),
                    date,
                    version,
                    AUTHOR));
        }
        return chain;
    }

    private static String reason(
            Platform platform, CompatibilityLevel previous, CompatibilityLevel next, String version) {
        if (previous == null) {
            return "First test run on " + platform.label() + " (" + version + ")";
        }
        return next.ordinal() < previous.ordinal()
                ? "Improved kernel support in " + version
                : "Regression observed after upgrading to " + version;
    }

    /** A claim whose evidence and performance notes are the measurement of {@code task} at the largest batch. */
    private GeneratedModel.Claim claim(
            String model,
            String task,
            double params,
            Platform platform,
            CompatibilityLevel level,
            GeneratedModel.Change lastChange,
            Random random) {
        String limitations = switch (level) {
            case HIGH -> null;
            case MEDIUM -> "Some operators fall back to slower kernels; fp16 only partly accelerated.";
            case LOW -> "Runs only with batch size ≤ 4 and fp32; several operators fall back to CPU.";
            case UNSUPPORTED -> "Fails to load: unsupported operators or not enough device memory.";
        };
        String workarounds = switch (level) {
            case HIGH, UNSUPPORTED -> null;
            case MEDIUM -> "Export to ONNX with static shapes for better kernel coverage.";
            case LOW -> "Use int8 weight quantisation and a smaller batch size.";
        };
        int batch = PerformanceFactory.batches(params).getLast();
        String precision = (level == CompatibilityLevel.LOW ? Precision.FP32 : Precision.FP16).key();
        String notes = level == CompatibilityLevel.UNSUPPORTED
                ? null
                : String.format(
                        java.util.Locale.ROOT,
                        "≈ %.1f items/s at batch %d (%s)",
                        performance
                                .measure(model, platform, level, params, task, batch, precision)
                                .throughputItemsPerS(),
                        batch,
                        precision);

        int required = ValidationRules.requiredLevel(level);
        int roll = random.nextInt(100);
        List<ValidatorRef> full =
                validators.stream().filter(v -> v.level() >= required).toList();
        List<ValidatorRef> partial =
                validators.stream().filter(v -> v.level() < required).toList();
        ValidationStatus status;
        ValidatorRef approver = null;
        if (roll < 45 || (roll < 70 && partial.isEmpty())) {
            status = ValidationStatus.VALIDATED;
            approver = full.get(random.nextInt(full.size()));
        } else if (roll < 70) {
            status = ValidationStatus.PARTIALLY_VALIDATED;
            approver = partial.get(random.nextInt(partial.size()));
        } else {
            status = ValidationStatus.UNVALIDATED;
        }
        LocalDateTime validated = approver == null ? null : lastChange.date().plusHours(1 + random.nextInt(72));
        String run = evidenceRun(platform, random);
        return new GeneratedModel.Claim(
                level,
                limitations,
                workarounds,
                notes,
                status,
                approver == null ? null : approver.id(),
                validated,
                run,
                lastChange.version(),
                DEVICES.get(platform),
                batch,
                precision,
                lastChange.date());
    }

    /**
     * The model with the approval behind each validated or partially validated claim that has none yet: by the
     * validator the claim names, at the date it names ({@link DemoApprovals#approval}).
     */
    GeneratedModel withApprovals(GeneratedModel model) {
        Map<Platform, GeneratedModel.Claim> claims = new EnumMap<>(Platform.class);
        List<GeneratedModel.AutomatedResult> results = new ArrayList<>(model.automatedResults());
        model.claims()
                .forEach((platform, claim) -> claims.put(
                        platform,
                        claim.status() == ValidationStatus.UNVALIDATED
                                        || !claim.reviews().isEmpty()
                                ? claim
                                : claim.reviewed(
                                        claim.status(),
                                        claim.validatorId(),
                                        claim.validationDate(),
                                        List.of(DemoApprovals.approval(platform, claim, approver(claim), results)))));
        return model.withValidation(claims, results);
    }

    /** The validator a claim names as its approver. */
    ValidatorRef approver(GeneratedModel.Claim claim) {
        return validators.stream()
                .filter(v -> v.id() == claim.validatorId())
                .findFirst()
                .orElseThrow();
    }

    private List<GeneratedModel.Recommendation> recommendations(
            ModelType type, double params, Map<Platform, CompatibilityLevel> levels, Random random) {
        List<Platform> supported = levels.entrySet().stream()
                .filter(e -> e.getValue().isSupported())
                .map(Map.Entry::getKey)
                .toList();
        if (supported.isEmpty()) {
            return List.of();
        }
        LocalDateTime generatedAt = historyEnd.minusDays(random.nextInt(30));
        List<GeneratedModel.Recommendation> result = new ArrayList<>();
        for (String task : TASKS.get(type)) {
            for (int batch : PerformanceFactory.batches(params)) {
                List<Platform> ranked = supported.stream()
                        .sorted(Comparator.comparingDouble((Platform p) ->
                                -PerformanceFactory.relativeThroughput(p, levels.get(p), params, batch)))
                        .toList();
                Platform best = ranked.getFirst();
                Platform fallback = ranked.size() > 1 ? ranked.get(1) : null;
                double ratio = fallback == null
                        ? 1.0
                        : PerformanceFactory.relativeThroughput(fallback, levels.get(fallback), params, batch)
                                / PerformanceFactory.relativeThroughput(best, levels.get(best), params, batch);
                ratio = Math.round(ratio * 1000) / 1000.0;
                String reason = fallback == null
                        ? best.label() + " is the only supported platform"
                        : String.format(
                                java.util.Locale.ROOT,
                                "%s is fastest at batch %d; %s reaches %.0f %% of it",
                                best.label(),
                                batch,
                                fallback.label(),
                                ratio * 100);
                int memory = PerformanceFactory.memoryMb(params, batch);
                int computeUnits = (int) Math.min(80, Math.max(1, Math.round(params / 100.0 + batch / 4.0)));
                result.add(new GeneratedModel.Recommendation(
                        task, batch, best, fallback, reason, ratio, memory, computeUnits, generatedAt));
            }
        }
        return result;
    }
}
