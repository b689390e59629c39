package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** The model types of PRODUCT.md §2, stored as their key in {@code models.model_type}. */
public enum ModelType implements Keyed {
    TEXT_EMBEDDING("text_embedding"),
    TEXT_GENERATION("text_generation"),
    TEXT2TEXT("text2text"),
    VISION("vision"),
    AUDIO("audio"),
    MULTIMODAL("multimodal"),
    VISION_LANGUAGE("vision_language");

    private final String key;

    ModelType(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Optional<ModelType> fromKey(String key) {
        return Keyed.fromKey(ModelType.class, key);
    }
}
