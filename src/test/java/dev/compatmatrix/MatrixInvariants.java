package dev.compatmatrix;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.SqlRanks;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invariants of PRODUCT.md §2 that tie the matrix to its claims, checked over any database: each one answers
 * the rows that break it (empty when it holds), so a test can print them.
 */
public final class MatrixInvariants {

    private MatrixInvariants() {}

    /** Matrix rows whose support booleans, level ranks, score or recommended platform do not follow their claims by ScoreRule. */
    public static List<String> derivedColumnsNotFollowingClaims(JdbcClient jdbc) {
        return derivedColumnsNotFollowingClaims(jdbc, "%");
    }

    /**
     * The same over the models whose names are LIKE {@code modelNames}: in a database that other tests share, some
     * store arbitrary derived values on purpose.
     */
    public static List<String> derivedColumnsNotFollowingClaims(JdbcClient jdbc, String modelNames) {
        Map<Integer, Map<Platform, CompatibilityLevel>> levels = new HashMap<>();
        jdbc.sql("SELECT compatibility_id, hardware_type, compatibility_level FROM compatibility_details")
                .query((ResultSet rs) -> {
                    levels.computeIfAbsent(rs.getInt(1), id -> new EnumMap<>(Platform.class))
                            .put(
                                    Platform.fromKey(rs.getString(2)).orElseThrow(),
                                    CompatibilityLevel.fromKey(rs.getString(3)).orElseThrow());
                });
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> row :
                jdbc.sql("""
                SELECT c.* FROM cross_platform_compatibility c JOIN models m ON m.model_id = c.model_id
                WHERE m.model_name LIKE :names""").param("names", modelNames).query().listOfRows()) {
            var derived = ScoreRule.derive(levels.getOrDefault((Integer) row.get("id"), Map.of()));
            String model = "model " + row.get("model_id");
            for (Platform platform : Platform.values()) {
                if (!Objects.equals(row.get(platform.supportColumn()), derived.supports(platform))) {
                    broken.add(model + ": " + platform.supportColumn() + " = " + row.get(platform.supportColumn()));
                }
                Object rank = row.get(platform.levelRankColumn());
                Integer stored = rank == null ? null : ((Number) rank).intValue();
                if (!Objects.equals(stored, derived.levelRank(platform))) {
                    broken.add(model + ": " + platform.levelRankColumn() + " = " + rank + " instead of "
                            + derived.levelRank(platform));
                }
            }
            if (Math.abs(((Number) row.get("compatibility_score")).doubleValue() - derived.score()) > 0.0005) {
                broken.add(model + ": score " + row.get("compatibility_score") + " instead of " + derived.score());
            }
            String recommended =
                    derived.recommended() == null ? null : derived.recommended().key();
            if (!Objects.equals(row.get("recommended_platform"), recommended)) {
                broken.add(model + ": recommended " + row.get("recommended_platform") + " instead of " + recommended);
            }
        }
        return broken;
    }

    /**
     * Matrix rows whose copy of their model's columns (name, family, type, size and its rank, parameters: the sort keys
     * of V0023) differs from the model's, models not deleted without a matrix row, and matrix rows of a deleted or
     * missing model: pages read their ids from the matrix rows alone.
     */
    public static List<String> matrixRowsNotFollowingModels(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT 'model ' || m.model_id || ' (' || m.model_name || ') has no matrix row'
                FROM models m WHERE m.deleted_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM cross_platform_compatibility c WHERE c.model_id = m.model_id)
                UNION ALL
                SELECT 'matrix row ' || c.id || ' of model ' || c.model_id || ' (' || coalesce(c.model_name, '-') || '): '
                       || CASE WHEN m.model_id IS NULL THEN 'no such model'
                               WHEN m.deleted_at IS NOT NULL THEN 'model deleted'
                               ELSE 'name ' || coalesce(m.model_name, '-') || ' / ' || coalesce(c.model_name, '-')
                                    || ', family ' || coalesce(m.model_family, '-') || ' / ' || coalesce(c.model_family, '-')
                                    || ', type ' || coalesce(m.model_type, '-') || ' / ' || coalesce(c.model_type, '-')
                                    || ', size ' || coalesce(m.model_size, '-') || ' / ' || coalesce(c.model_size, '-')
                                    || ' rank ' || coalesce(CAST(c.model_size_rank AS VARCHAR), '-')
                                    || ', parameters ' || coalesce(CAST(m.parameters_millions AS VARCHAR), '-') || ' / '
                                    || coalesce(CAST(c.parameters_millions AS VARCHAR), '-') END
                FROM cross_platform_compatibility c LEFT JOIN models m ON m.model_id = c.model_id
                WHERE m.model_id IS NULL OR m.deleted_at IS NOT NULL
                   OR c.model_name IS DISTINCT FROM m.model_name OR c.model_family IS DISTINCT FROM m.model_family
                   OR c.model_type IS DISTINCT FROM m.model_type OR c.model_size IS DISTINCT FROM m.model_size
                   OR c.parameters_millions IS DISTINCT FROM m.parameters_millions
                   OR c.model_size_rank IS DISTINCT FROM """ + " " + SqlRanks.sizeRank("m.model_size"))
                .query(String.class)
                .list();
    }

    /** Claims whose newest history row does not end at their current level. */
    public static List<String> claimsWhoseHistoryEndsElsewhere(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT c.model_id || '/' || d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                WHERE d.compatibility_level IS DISTINCT FROM (
                    SELECT h.new_status FROM compatibility_history h
                    WHERE h.model_id = c.model_id AND h.hardware_type = d.hardware_type
                    ORDER BY h.change_date DESC, h.id DESC LIMIT 1)""").query(String.class).list();
    }

    /**
     * Validated or partially validated claims without the approval that set their status: a review approving the
     * claim by the validator the claim names, at the date it names (PRODUCT.md §4).
     */
    public static List<String> claimsWithoutTheirApproval(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT c.model_id || '/' || d.hardware_type || ' ' || d.validation_status
                FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                WHERE d.validation_status <> 'unvalidated' AND NOT EXISTS (
                    SELECT 1 FROM validation_reviews r
                    WHERE r.claim_id = d.id AND r.decision = 'approve' AND r.validator_id = d.validator_id
                      AND r.reviewed_at = d.validation_date AND r.resulting_status = d.validation_status)""").query(String.class).list();
    }

    /** History rows without their author ({@code changed_by}, PRODUCT.md §2). */
    public static List<String> historyRowsWithoutAuthor(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT id || ': ' || model_id || '/' || hardware_type FROM compatibility_history
                WHERE changed_by IS NULL OR trim(changed_by) = ''""").query(String.class).list();
    }

    /**
     * Cells whose present state in {@code cell_states} (V0017) is not their claim as it is (level, validation,
     * framework version), claims without one, present states without a claim, and cells with two present states.
     */
    public static List<String> cellStatesNotFollowingClaims(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT 'claim ' || c.model_id || '/' || d.hardware_type || ' present state ' || coalesce(
                           s.compatibility_level || ' ' || s.validation_status, 'missing')
                FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                LEFT JOIN cell_states s
                       ON s.model_id = c.model_id AND s.hardware_type = d.hardware_type AND s.valid_to IS NULL
                WHERE s.id IS NULL OR s.compatibility_level <> d.compatibility_level
                   OR s.validation_status <> d.validation_status OR s.validator_id IS DISTINCT FROM d.validator_id
                   OR s.validation_date IS DISTINCT FROM d.validation_date
                   OR s.framework_version IS DISTINCT FROM d.framework_version
                UNION ALL
                SELECT 'state ' || s.model_id || '/' || s.hardware_type || ' open without a claim' FROM cell_states s
                WHERE s.valid_to IS NULL AND NOT EXISTS (
                    SELECT 1 FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                    WHERE c.model_id = s.model_id AND d.hardware_type = s.hardware_type)
                UNION ALL
                SELECT 'cell ' || model_id || '/' || hardware_type || ' has ' || count(*) || ' present states'
                FROM cell_states WHERE valid_to IS NULL GROUP BY model_id, hardware_type HAVING count(*) > 1""").query(String.class).list();
    }
}
