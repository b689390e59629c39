package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.store.MatrixVersion;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every model's id in name order, read again only when a model is added, renamed or deleted — not when claims
 * change, as most writes do. Sorting 100,000 names costs DuckDB ~35 ms; with this list a deep page in name order
 * after a claim write costs one unordered read of the filter's members instead.
 */
final class ModelNameOrder {

    /** Changes with every committed model write on any node (added, edited, deleted), not with claim writes. */
    static final String VERSION_SQL = MatrixVersion.MODELS_SQL;

    /** The matrix rows keep their model's name (V0023); a deleted model has none. */
    static final String IDS_SQL = "SELECT model_id FROM cross_platform_compatibility ORDER BY model_name";

    private record Versioned(String version, int[] ids) {}

    private volatile Versioned current;

    /** The ids in ascending name order at the caller's snapshot of the data. */
    int[] ids(JdbcClient jdbc) {
        String version = jdbc.sql(VERSION_SQL).query(String.class).single();
        Versioned known = current;
        if (known != null && known.version().equals(version)) {
            return known.ids();
        }
        int[] ids = jdbc.sql(IDS_SQL).query(Integer.class).list().stream()
                .mapToInt(Integer::intValue)
                .toArray();
        current = new Versioned(version, ids);
        return ids;
    }

    void clear() {
        current = null;
    }
}
