package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** The size classes of PRODUCT.md §2, smallest first. */
public enum ModelSize implements Keyed {
    TINY,
    SMALL,
    BASE,
    LARGE,
    XL,
    XXL;

    @Override
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The size as a number that sorts from tiny (1) to xxl (6); in SQL see {@link SqlRanks#sizeRank}. */
    public int rank() {
        return ordinal() + 1;
    }

    public static Optional<ModelSize> fromKey(String key) {
        return Keyed.fromKey(ModelSize.class, key);
    }
}
