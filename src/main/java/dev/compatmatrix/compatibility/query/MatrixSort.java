package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.Platform;
import java.util.Arrays;
import java.util.Optional;

/**
 * A sortable matrix column and its direction. {@code key} is what the URL and the grid use; a platform
 * column sorts by level (high first when descending) with not tested last.
 */
public record MatrixSort(String key, boolean descending) {

    public static final MatrixSort BY_NAME = new MatrixSort("name", false);

    /** Column keys other than the platforms'. */
    public enum Column {
        NAME("name"),
        FAMILY("family"),
        TYPE("type"),
        SIZE("size"),
        PARAMETERS("parameters"),
        SCORE("score"),
        RECOMMENDED("recommended");

        private final String key;

        Column(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static boolean isKnown(String key) {
        return Arrays.stream(Column.values()).anyMatch(c -> c.key.equals(key))
                || Platform.fromKey(key).isPresent();
    }

    public Optional<Platform> platform() {
        return Platform.fromKey(key);
    }
}
