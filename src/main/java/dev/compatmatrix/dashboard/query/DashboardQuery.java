package dev.compatmatrix.dashboard.query;

import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.Platform;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's aggregates beyond coverage: score distribution, family × platform support, recent changes. */
@Repository
public class DashboardQuery {

    /** Scores fall into this many equal buckets from 0 to 1; a score of exactly 1 counts in the last. */
    public static final int SCORE_BUCKETS = 10;

    /**
     * The product is REAL like the score, as DuckDB computes REAL × INTEGER; PostgreSQL would widen it to double
     * precision, where a stored 0.7 (0.69999999…) falls into the bucket below.
     */
    public static final String SCORE_SQL = """
            SELECT least(floor(coalesce(c.compatibility_score, 0) * CAST(:buckets AS REAL)), :buckets - 1)::INTEGER
                   AS bucket,
                   count(*) AS models
            FROM cross_platform_compatibility c
            GROUP BY bucket
            """;

    /** A page of the families, most models first, and per platform how many of their models are supported there. */
    public static final String FAMILY_SQL = """
            WITH families AS (
                SELECT m.model_family, count(*) AS models
                FROM models m
                WHERE m.deleted_at IS NULL
                GROUP BY m.model_family
                ORDER BY models DESC, m.model_family
                LIMIT :limit OFFSET :offset
            )
            SELECT f.model_family, f.models, d.hardware_type,
                   count(*) FILTER (WHERE d.compatibility_level <> 'unsupported') AS supported
            FROM families f
            JOIN models m ON m.model_family = f.model_family AND m.deleted_at IS NULL
            JOIN cross_platform_compatibility c ON c.model_id = m.model_id
            LEFT JOIN compatibility_details d ON d.compatibility_id = c.id
            GROUP BY f.model_family, f.models, d.hardware_type
            """;

    public static final String FAMILY_COUNT_SQL = """
            SELECT count(DISTINCT model_family) FROM models WHERE deleted_at IS NULL
            """;

    /** The newest changes; the top rows are picked before the join (4.4 M history rows at 100,000 models). */
    public static final String RECENT_SQL = """
            SELECT ch.id, m.model_name, ch.hardware_type, ch.previous_status, ch.new_status, ch.change_reason,
                   ch.change_date, ch.change_version, ch.changed_by, ch.report_id
            FROM (SELECT * FROM compatibility_history ORDER BY change_date DESC, id DESC LIMIT :limit) ch
            JOIN models m ON m.model_id = ch.model_id
            ORDER BY ch.change_date DESC, ch.id DESC
            """;

    private final JdbcClient jdbc;

    public DashboardQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Models per score bucket, index 0 = [0, 0.1), …, index 9 = [0.9, 1]. */
    public long[] scoreDistribution() {
        long[] counts = new long[SCORE_BUCKETS];
        jdbc.sql(SCORE_SQL)
                .param("buckets", SCORE_BUCKETS)
                .query((rs, n) -> counts[rs.getInt("bucket")] = rs.getLong("models"))
                .list();
        return counts;
    }

    /**
     * {@code limit} families from the {@code offset}-th, biggest first, with the share of their models supported on
     * each platform.
     */
    public List<FamilySupport> familySupport(int offset, int limit) {
        var byFamily = new java.util.LinkedHashMap<String, FamilySupport>();
        jdbc.sql(FAMILY_SQL).param("limit", limit).param("offset", offset).query(rs -> {
            String family = rs.getString("model_family");
            FamilySupport row = byFamily.computeIfAbsent(
                    family, f -> new FamilySupport(f, uncheckedLong(rs, "models"), new long[Platform.values().length]));
            Platform.fromKey(rs.getString("hardware_type"))
                    .ifPresent(p -> row.supportedModels()[p.ordinal()] = uncheckedLong(rs, "supported"));
        });
        return byFamily.values().stream()
                .sorted(java.util.Comparator.comparingLong(FamilySupport::models)
                        .reversed()
                        .thenComparing(FamilySupport::family))
                .toList();
    }

    /** How many families the models (not deleted) belong to. */
    public int familyCount() {
        return jdbc.sql(FAMILY_COUNT_SQL).query(Integer.class).single();
    }

    public List<HistoryRow> recentChanges(int limit) {
        return jdbc.sql(RECENT_SQL)
                .param("limit", limit)
                .query(HistoryRow::read)
                .list();
    }

    private static long uncheckedLong(java.sql.ResultSet rs, String column) {
        try {
            return rs.getLong(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
