package dev.compatmatrix.prediction.learn;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.prediction.learn.TrainingData.KnownClaim;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/** Training data built in memory, where the truth is known: families of models whose levels follow a chosen rule. */
final class MadeUpClaims {

    private static final CompatibilityLevel[] LEVELS = CompatibilityLevel.values();
    private static final ModelSize[] SIZES = ModelSize.values();

    private final Random random;
    private final List<ModelFacts> models = new ArrayList<>();
    private final List<KnownClaim> claims = new ArrayList<>();

    MadeUpClaims(long seed) {
        random = new Random(seed);
    }

    /** The rule: a model's level on a platform (null: untested), given the model and the platform. */
    interface LevelRule extends BiFunction<ModelFacts, Platform, CompatibilityLevel> {}

    MadeUpClaims family(String family, ModelType type, int count, LevelRule rule) {
        for (int i = 0; i < count; i++) {
            ModelSize size = SIZES[random.nextInt(SIZES.length)];
            ModelFacts model = new ModelFacts(
                    models.size() + 1,
                    family,
                    type,
                    size,
                    Math.pow(10, size.rank() + random.nextDouble()),
                    random.nextBoolean() ? Set.of(Precision.FP16) : Set.of());
            models.add(model);
            for (Platform platform : Platform.values()) {
                CompatibilityLevel level = rule.apply(model, platform);
                if (level != null) {
                    claims.add(new KnownClaim(model.modelId(), platform, level, ValidationStatus.UNVALIDATED, false));
                }
            }
        }
        return this;
    }

    CompatibilityLevel randomLevel() {
        return LEVELS[random.nextInt(LEVELS.length)];
    }

    LevelRule random() {
        return (model, platform) -> randomLevel();
    }

    TrainingData data() {
        return new TrainingData(models, claims);
    }

    /** ROCm's level follows the size (tiny/small high, base/large medium, xl low, xxl unsupported); the rest random. */
    static CompatibilityLevel rocmBySize(ModelSize size) {
        return switch (size) {
            case TINY, SMALL -> CompatibilityLevel.HIGH;
            case BASE, LARGE -> CompatibilityLevel.MEDIUM;
            case XL -> CompatibilityLevel.LOW;
            case XXL -> CompatibilityLevel.UNSUPPORTED;
        };
    }

    /** A bert family whose ROCm level follows its size, and four families of random levels everywhere. */
    static TrainingData sizeRuledFamily(long seed) {
        MadeUpClaims made = new MadeUpClaims(seed);
        made.family(
                "bert",
                ModelType.TEXT_EMBEDDING,
                200,
                (model, platform) -> platform == Platform.ROCM ? rocmBySize(model.size()) : made.randomLevel());
        addRandomFamilies(made, 50);
        return made.data();
    }

    static TrainingData randomLevels(long seed) {
        MadeUpClaims made = new MadeUpClaims(seed);
        made.family("bert", ModelType.TEXT_EMBEDDING, 100, made.random());
        addRandomFamilies(made, 75);
        return made.data();
    }

    private static void addRandomFamilies(MadeUpClaims made, int each) {
        made.family("llama", ModelType.TEXT_GENERATION, each, made.random());
        made.family("t5", ModelType.TEXT2TEXT, each, made.random());
        made.family("vit", ModelType.VISION, each, made.random());
        made.family("whisper", ModelType.AUDIO, each, made.random());
    }
}
