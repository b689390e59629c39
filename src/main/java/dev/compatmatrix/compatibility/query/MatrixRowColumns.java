package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.DisputedClaim;
import dev.compatmatrix.matrix.query.StaleValidation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The columns of matrix rows, one result row per claim (or one without a claim), and how they become
 * {@link MatrixRow}s. Pivoted in Java, because 16 filtered aggregates in SQL cost more than the join itself.
 */
final class MatrixRowColumns {

    /**
     * The rows of the models {@code :ids} (one text parameter, {@link TextList#joinIds}, so the statement's text is
     * the same for every page and can be reused), one row per claim (or one without a claim), with the stale and disputed
     * marks. Reviews and automated results are read for these models only: as correlated subqueries DuckDB joined
     * every page against all approvals (half a million at 100,000 models), 130–180 ms a page instead of 25–30 ms.
     */
    static final String FOR_MODELS = """
            WITH page AS (
                SELECT m.model_id, m.model_name, m.model_family, m.model_type, m.model_size, m.parameters_millions,
                       c.compatibility_score, c.recommended_platform, c.last_updated, d.id AS claim_id,
                       d.hardware_type, d.compatibility_level, d.validation_status, d.validation_date, d.framework_version
                FROM models m
                JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                LEFT JOIN compatibility_details d ON d.compatibility_id = c.id
                WHERE m.model_id IN (%s))
            SELECT d.*, %s AS stale, %s AS disputed
            FROM page d
            LEFT JOIN (%s) changed ON changed.claim_id = d.claim_id
            LEFT JOIN (%s) latest ON latest.model_id = d.model_id AND latest.hardware_type = d.hardware_type
            """.formatted(
                    TextList.IDS_QUERY,
                    StaleValidation.JOINED,
                    DisputedClaim.JOINED,
                    StaleValidation.changedSinceApproval("AND r.model_id IN (" + TextList.IDS_QUERY + ")"),
                    DisputedClaim.latestResults("WHERE a.model_id IN (" + TextList.IDS_QUERY + ")"));

    private MatrixRowColumns() {}

    /** The model part of a row, before its claims are added. */
    static MatrixRow model(ResultSet rs) throws SQLException {
        return new MatrixRow(
                rs.getInt("model_id"),
                rs.getString("model_name"),
                rs.getString("model_family"),
                rs.getString("model_type"),
                rs.getString("model_size"),
                (Double) rs.getObject("parameters_millions"),
                ScoreRule.fromStored(rs.getDouble("compatibility_score")),
                Platform.fromKey(rs.getString("recommended_platform")).orElse(null),
                SqlTimes.utc(rs.getTimestamp("last_updated")),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
    }

    /** Adds the result row's claim, if it has one, to its model's cells. */
    static void addCell(ResultSet rs, Map<Platform, MatrixRow.Cell> cells) throws SQLException {
        var level = CompatibilityLevel.fromKey(rs.getString("compatibility_level"));
        if (level.isPresent()) {
            cells.put(
                    Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                    new MatrixRow.Cell(
                            level.get(),
                            ValidationStatus.fromKey(rs.getString("validation_status"))
                                    .orElse(ValidationStatus.UNVALIDATED),
                            rs.getBoolean("stale"),
                            rs.getBoolean("disputed")));
        }
    }

    /**
     * Every model of a CTE {@code ordered(model_id, position)} in that order, one result row per model with its
     * claims folded into {@code cells}: "platform:level:status:SD,…" (S, D: 1 when stale, disputed). Reading
     * 100,000 folded rows over JDBC takes a third of the time of reading the 680,000 joined ones. The claims are
     * folded per matrix row before the join, so the final sort orders one row per model: sorting the 680,000 joined
     * claims by position spilled to disk on PostgreSQL (95 MB with its default work_mem of 4 MB). The model's own
     * columns come from the matrix row, which keeps them (V0023).
     */
    static final String FOLDED_BY_POSITION = """
            SELECT o.position, c.model_id, c.model_name, c.model_family, c.model_type, c.model_size,
                   c.parameters_millions, c.compatibility_score, c.recommended_platform, c.last_updated, f.cells
            FROM ordered o
            JOIN cross_platform_compatibility c ON c.model_id = o.model_id
            LEFT JOIN (SELECT dc.id AS row_id,
                              string_agg(d.hardware_type || ':' || d.compatibility_level || ':' || d.validation_status
                                         || ':' || (%s)::INTEGER || (%s)::INTEGER, ',') AS cells
                       FROM ordered od
                       JOIN cross_platform_compatibility dc ON dc.model_id = od.model_id
                       JOIN compatibility_details d ON d.compatibility_id = dc.id
                       LEFT JOIN (%s) changed ON changed.claim_id = d.id
                       LEFT JOIN (%s) latest ON latest.model_id = dc.model_id AND latest.hardware_type = d.hardware_type
                       GROUP BY dc.id) f ON f.row_id = c.id
            ORDER BY o.position
            """.formatted(
                    StaleValidation.JOINED,
                    DisputedClaim.JOINED,
                    StaleValidation.changedSinceApproval(""),
                    DisputedClaim.latestResults(""));

    /** A row of {@link #FOLDED_BY_POSITION}. */
    static MatrixRow folded(ResultSet rs) throws SQLException {
        Map<Platform, MatrixRow.Cell> cells = new EnumMap<>(Platform.class);
        String folded = rs.getString("cells");
        if (folded != null) {
            for (String cell : folded.split(",")) {
                String[] parts = cell.split(":");
                cells.put(
                        Platform.fromKey(parts[0]).orElseThrow(),
                        new MatrixRow.Cell(
                                CompatibilityLevel.fromKey(parts[1]).orElseThrow(),
                                ValidationStatus.fromKey(parts[2]).orElse(ValidationStatus.UNVALIDATED),
                                parts[3].charAt(0) == '1',
                                parts[3].charAt(1) == '1'));
            }
        }
        return model(rs).withCells(cells);
    }
}
