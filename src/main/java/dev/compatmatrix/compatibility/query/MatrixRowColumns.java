package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ScoreRule;
import dev.compatmatrix.compatibility.ValidationStatus;
import dev.compatmatrix.validation.query.DisputedClaim;
import dev.compatmatrix.validation.query.StaleValidation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The columns of matrix rows, one result row per claim (or one without a claim), and how they become
 * {@link MatrixRow}s. Pivoted in Java, because 16 filtered aggregates in SQL cost more than the join itself.
 */
final class MatrixRowColumns {

    /** Models with their derived columns and claims; the caller adds a WHERE or a JOIN that selects models. */
    static final String SELECT = """
            SELECT m.model_id, m.model_name, m.model_family, m.model_type, m.model_size, m.parameters_millions,
                   c.compatibility_score, c.recommended_platform, c.last_updated,
                   d.hardware_type, d.compatibility_level, d.validation_status,
                   %s AS stale, %s AS disputed
            FROM models m
            JOIN cross_platform_compatibility c ON c.model_id = m.model_id
            LEFT JOIN compatibility_details d ON d.compatibility_id = c.id
            """.formatted(StaleValidation.CONDITION, DisputedClaim.CONDITION);

    private MatrixRowColumns() {
    }

    /** The model part of a row, before its claims are added. */
    static MatrixRow model(ResultSet rs) throws SQLException {
        return new MatrixRow(rs.getInt("model_id"), rs.getString("model_name"), rs.getString("model_family"),
                rs.getString("model_type"), rs.getString("model_size"), (Double) rs.getObject("parameters_millions"),
                ScoreRule.fromStored(rs.getDouble("compatibility_score")),
                Platform.fromKey(rs.getString("recommended_platform")).orElse(null),
                SqlTimes.utc(rs.getTimestamp("last_updated")), Map.of());
    }

    /** Adds the result row's claim, if it has one, to its model's cells. */
    static void addCell(ResultSet rs, Map<Platform, MatrixRow.Cell> cells) throws SQLException {
        var level = CompatibilityLevel.fromKey(rs.getString("compatibility_level"));
        if (level.isPresent()) {
            cells.put(Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                    new MatrixRow.Cell(level.get(), ValidationStatus.fromKey(rs.getString("validation_status"))
                            .orElse(ValidationStatus.UNVALIDATED), rs.getBoolean("stale"), rs.getBoolean("disputed")));
        }
    }

    /** Turns result rows ordered by model into matrix rows, handing each on as soon as its model is complete. */
    static final class ConsecutiveRows {

        private final Consumer<MatrixRow> consumer;
        private MatrixRow model;
        private Map<Platform, MatrixRow.Cell> cells = new EnumMap<>(Platform.class);

        ConsecutiveRows(Consumer<MatrixRow> consumer) {
            this.consumer = consumer;
        }

        void read(ResultSet rs) throws SQLException {
            if (model == null || model.modelId() != rs.getInt("model_id")) {
                finish();
                model = model(rs);
            }
            addCell(rs, cells);
        }

        /** Hands on the last model read. */
        void finish() {
            if (model != null) {
                consumer.accept(model.withCells(cells));
                model = null;
                cells = new EnumMap<>(Platform.class);
            }
        }
    }
}
