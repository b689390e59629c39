package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** A sortable column of the recommendations screen and its direction; only these columns can be sorted on. */
public record RecommendationSort(Column column, boolean descending) {

    /** By model, then task and batch size: the order of the seed's query. */
    public static final RecommendationSort BY_MODEL = new RecommendationSort(Column.MODEL, false);

    public enum Column implements Keyed {
        MODEL("model"),
        TASK("task"),
        BATCH("batch"),
        RATIO("ratio"),
        MEMORY("memory");

        private final String key;

        Column(String key) {
            this.key = key;
        }

        /** The grid column's key and the URL's {@code sort} value. */
        @Override
        public String key() {
            return key;
        }

        public static Optional<Column> fromKey(String key) {
            return Keyed.fromKey(Column.class, key);
        }
    }

    public RecommendationSort {
        java.util.Objects.requireNonNull(column, "column");
    }

    /** {@code ratio} ascending, {@code -ratio} descending. */
    public String toKey() {
        return (descending ? "-" : "") + column.key();
    }

    public static Optional<RecommendationSort> fromKey(String value) {
        boolean descending = value.startsWith("-");
        return Column.fromKey(descending ? value.substring(1) : value)
                .map(column -> new RecommendationSort(column, descending));
    }
}
