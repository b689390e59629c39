package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic data set of any size for load tests and benchmarks: models named
 * {@code synthetic-<family>-<000001>}, families weighted roughly by how common they are on model hubs,
 * parameter counts spread log-uniformly within each family's real range, levels following
 * {@link DemoDataSet#typicalLevel} with a little noise, about 15 % of cells not tested, 6–7 history rows per
 * claim, and the reviews and automated results behind each claim's validation status ({@link SyntheticValidation}).
 *
 * <p>Model {@code i} depends only on the seed and {@code i}, so a caller can stream any number of models
 * one at a time, and the same seed always gives the same database.
 */
public final class SyntheticDataSet {

    public static final String NAME_PREFIX = "synthetic-";

    /** Share of cells left without a claim ("not tested"). */
    private static final int NOT_TESTED_PERCENT = 15;
    /** Share of tested cells whose level departs from the typical one (odd kernels, regressions …). */
    private static final int NOISE_PERCENT = 4;

    static final int MIN_CHANGES = 6;
    static final int MAX_CHANGES = 7;

    /** A model family: its type, real parameter range in millions, and relative frequency. */
    private record Family(String key, ModelType type, double minParams, double maxParams, int weight) {}

    private static final List<Family> FAMILIES = List.of(
            new Family("bert", ModelType.TEXT_EMBEDDING, 4.4, 340, 10),
            new Family("distilbert", ModelType.TEXT_EMBEDDING, 40, 70, 5),
            new Family("roberta", ModelType.TEXT_EMBEDDING, 82, 355, 6),
            new Family("deberta", ModelType.TEXT_EMBEDDING, 70, 900, 3),
            new Family("minilm", ModelType.TEXT_EMBEDDING, 15, 120, 5),
            new Family("bge", ModelType.TEXT_EMBEDDING, 33, 570, 4),
            new Family("e5", ModelType.TEXT_EMBEDDING, 33, 560, 3),
            new Family("t5", ModelType.TEXT2TEXT, 16, 11_000, 5),
            new Family("bart", ModelType.TEXT2TEXT, 140, 400, 3),
            new Family("gpt2", ModelType.TEXT_GENERATION, 124, 1_500, 5),
            new Family("opt", ModelType.TEXT_GENERATION, 125, 13_000, 3),
            new Family("bloom", ModelType.TEXT_GENERATION, 560, 7_100, 2),
            new Family("llama", ModelType.TEXT_GENERATION, 1_100, 70_000, 8),
            new Family("mistral", ModelType.TEXT_GENERATION, 7_200, 46_700, 4),
            new Family("qwen2", ModelType.TEXT_GENERATION, 500, 72_000, 5),
            new Family("phi", ModelType.TEXT_GENERATION, 1_300, 3_800, 3),
            new Family("gemma", ModelType.TEXT_GENERATION, 2_000, 9_000, 3),
            new Family("vit", ModelType.VISION, 5.7, 632, 5),
            new Family("resnet", ModelType.VISION, 11, 60, 4),
            new Family("convnext", ModelType.VISION, 28, 350, 2),
            new Family("efficientnet", ModelType.VISION, 5.3, 66, 2),
            new Family("mobilenet", ModelType.VISION, 2.5, 5.5, 2),
            new Family("dinov2", ModelType.VISION, 22, 1_100, 2),
            new Family("whisper", ModelType.AUDIO, 39, 1_550, 4),
            new Family("wav2vec2", ModelType.AUDIO, 95, 317, 3),
            new Family("hubert", ModelType.AUDIO, 95, 1_000, 1),
            new Family("clip", ModelType.MULTIMODAL, 150, 430, 3),
            new Family("xclip", ModelType.MULTIMODAL, 200, 400, 1),
            new Family("blip", ModelType.VISION_LANGUAGE, 225, 470, 2),
            new Family("llava", ModelType.VISION_LANGUAGE, 7_000, 13_000, 2),
            new Family("qwen2-vl", ModelType.VISION_LANGUAGE, 2_200, 72_000, 1));

    private static final int TOTAL_WEIGHT =
            FAMILIES.stream().mapToInt(Family::weight).sum();

    private final ClaimFactory factory;
    private final SyntheticValidation validation;
    private final long seed;

    /**
     * @param validators who approves, rejects and reports results (people and at least one pipeline)
     * @param now        the newest possible time of any row
     */
    public SyntheticDataSet(List<ClaimFactory.ValidatorRef> validators, LocalDateTime now, long seed) {
        this.factory = new ClaimFactory(validators, now, PerformanceDetail.SUMMARY);
        this.validation = new SyntheticValidation(validators, now);
        this.seed = seed;
    }

    /** The model with this 1-based index; the same index and seed always give the same model. */
    public GeneratedModel model(int index) {
        Random random = new Random(Seeds.mix(seed + index));
        Family family = pickFamily(random);
        double params = params(family, random);
        String name = name(family.key(), index);
        Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            if (random.nextInt(100) < NOT_TESTED_PERCENT) {
                continue;
            }
            CompatibilityLevel level = random.nextInt(100) < NOISE_PERCENT
                    ? CompatibilityLevel.values()[random.nextInt(CompatibilityLevel.values().length)]
                    : DemoDataSet.typicalLevel(platform, family.type(), params, name, random);
            levels.put(platform, level);
        }
        return validation.validate(
                factory.model(
                        name,
                        family.key(),
                        family.type(),
                        size(params),
                        params,
                        levels,
                        random,
                        MIN_CHANGES,
                        MAX_CHANGES),
                random);
    }

    public static String name(String family, int index) {
        return "%s%s-%06d".formatted(NAME_PREFIX, family, index);
    }

    private static Family pickFamily(Random random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Family family : FAMILIES) {
            roll -= family.weight();
            if (roll < 0) {
                return family;
            }
        }
        throw new AssertionError("weights add up to TOTAL_WEIGHT");
    }

    /** Log-uniform within the family's range, rounded the way model cards state sizes. */
    private static double params(Family family, Random random) {
        double log = Math.log(family.minParams())
                + random.nextDouble() * (Math.log(family.maxParams()) - Math.log(family.minParams()));
        double params = Math.exp(log);
        return params < 10 ? Math.round(params * 10) / 10.0 : Math.round(params);
    }

    /** Size class from parameters, matching how the demo models' names and sizes line up. */
    private static ModelSize size(double params) {
        if (params < 30) {
            return ModelSize.TINY;
        } else if (params < 100) {
            return ModelSize.SMALL;
        } else if (params < 700) {
            return ModelSize.BASE;
        } else if (params < 5_000) {
            return ModelSize.LARGE;
        } else if (params < 20_000) {
            return ModelSize.XL;
        }
        return ModelSize.XXL;
    }
}
