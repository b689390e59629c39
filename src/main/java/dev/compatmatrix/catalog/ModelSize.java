package dev.compatmatrix.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The size classes of PRODUCT.md §2, smallest first. */
public enum ModelSize {
    TINY, SMALL, BASE, LARGE, XL, XXL;

    public String key() {
        return name().toLowerCase();
    }

    public static Optional<ModelSize> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equalsIgnoreCase(key)).findFirst();
    }
}
