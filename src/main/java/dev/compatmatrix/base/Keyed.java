package dev.compatmatrix.base;

import java.util.Arrays;
import java.util.Optional;

/** An enum stored and linked by a lower-case key (the seed's values, URL parameters). */
public interface Keyed {

    String key();

    /** The constant whose key matches, ignoring case; empty for null or an unknown key. */
    static <E extends Enum<E> & Keyed> Optional<E> fromKey(Class<E> type, String key) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.key().equalsIgnoreCase(key))
                .findFirst();
    }
}
