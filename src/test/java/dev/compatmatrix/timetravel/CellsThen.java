package dev.compatmatrix.timetravel;

import dev.compatmatrix.matrix.query.CellsAsOf;
import dev.compatmatrix.matrix.query.DisputedClaim;
import dev.compatmatrix.matrix.query.StaleValidation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The matrix's cells, as of an instant (kernel {@link CellsAsOf}) or live (the claims with the matrix's own stale and
 * disputed rules), each as one comparable line keyed by {@code model name/platform}: level, validation, validator,
 * validation date, framework version, stale, disputed. Only models that existed then (live: not deleted).
 */
public final class CellsThen {

    private static final String COLUMNS = """
            m.model_name, cells.hardware_type, cells.compatibility_level, cells.validation_status,
            cells.validator_id, cells.validation_date, cells.framework_version, cells.stale, cells.disputed""";

    private static final String AS_OF = "SELECT " + COLUMNS + " FROM (" + CellsAsOf.cells(null)
            + ") cells JOIN models m ON m.model_id = cells.model_id WHERE " + CellsAsOf.MODEL_EXISTED;

    private static final String LIVE = "SELECT " + COLUMNS + " "
            + """
             FROM (SELECT c.model_id, d.hardware_type, d.compatibility_level, d.validation_status, d.validator_id,
                          d.validation_date, d.framework_version, %s AS stale, %s AS disputed
                   FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                   LEFT JOIN (%s) changed ON changed.claim_id = d.id
                   LEFT JOIN (%s) latest ON latest.model_id = c.model_id AND latest.hardware_type = d.hardware_type
                  ) cells
             JOIN models m ON m.model_id = cells.model_id WHERE m.deleted_at IS NULL""".formatted(
                            StaleValidation.JOINED,
                            DisputedClaim.JOINED,
                            StaleValidation.changedSinceApproval(""),
                            DisputedClaim.latestResults(""));

    private static final String MODELS_THEN =
            "SELECT m.model_name FROM models m WHERE " + CellsAsOf.MODEL_EXISTED + " ORDER BY m.model_name";

    private CellsThen() {}

    /** The cells just before {@code before}, stale against {@code staleBefore}. */
    public static Map<String, Line> asOf(JdbcClient jdbc, LocalDateTime before, LocalDateTime staleBefore) {
        Map<String, Line> cells = new TreeMap<>();
        jdbc.sql(AS_OF).param("asOf", before).param("staleBefore", staleBefore).query((ResultSet rs) -> {
            cells.put(key(rs), line(rs));
        });
        return cells;
    }

    /** The cells now, stale against {@code staleBefore}. */
    public static Map<String, Line> live(JdbcClient jdbc, LocalDateTime staleBefore) {
        Map<String, Line> cells = new TreeMap<>();
        jdbc.sql(LIVE).param("staleBefore", staleBefore).query((ResultSet rs) -> {
            cells.put(key(rs), line(rs));
        });
        return cells;
    }

    /** The names of the models that existed just before {@code before}. */
    public static java.util.List<String> modelsAsOf(JdbcClient jdbc, LocalDateTime before) {
        return jdbc.sql(MODELS_THEN).param("asOf", before).query(String.class).list();
    }

    /** The names of the models not deleted now. */
    public static java.util.List<String> liveModels(JdbcClient jdbc) {
        return jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name")
                .query(String.class)
                .list();
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getString(1) + "/" + rs.getString(2);
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(
                rs.getString(3),
                rs.getString(4),
                (Integer) rs.getObject(5),
                rs.getObject(6, LocalDateTime.class),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getBoolean(9));
    }

    /** One cell: its level, validation (status, validator, date), framework version, stale and disputed marks. */
    public record Line(
            String level,
            String validation,
            Integer validatorId,
            LocalDateTime validationDate,
            String frameworkVersion,
            boolean stale,
            boolean disputed) {

        /** What a person sees of it: {@code level validation[ stale]}. */
        public String shown() {
            return level + " " + validation + (stale ? " stale" : "");
        }
    }

    /**
     * The cells whose level or validation differs between just before {@code from} and just before {@code to}
     * (cells of models that did not exist then count as not tested), as {@code name/platform: before -> after}, by
     * model name and platform: a FULL OUTER JOIN of {@link CellsAsOf} at both instants.
     */
    public static java.util.List<String> changes(
            JdbcClient jdbc,
            LocalDateTime from,
            LocalDateTime fromStaleBefore,
            LocalDateTime to,
            LocalDateTime toStaleBefore) {
        return jdbc.sql(CHANGES)
                .param("fromAsOf", from)
                .param("fromStaleBefore", fromStaleBefore)
                .param("toAsOf", to)
                .param("toStaleBefore", toStaleBefore)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + ": "
                        + side(rs.getString(3), rs.getString(4)) + " -> " + side(rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String side(String level, String validation) {
        return level == null ? "not tested" : level + " " + validation;
    }

    /** {@link CellsAsOf} of the models that existed then, its parameters renamed {@code :<side>AsOf} etc. */
    public static String existingCells(String side) {
        return ("SELECT cells.* FROM (" + CellsAsOf.cells(null) + ") cells JOIN models m ON m.model_id = cells.model_id"
                        + " WHERE " + CellsAsOf.MODEL_EXISTED)
                .replace(":asOf", ":" + side + "AsOf")
                .replace(":staleBefore", ":" + side + "StaleBefore");
    }

    public static final String CHANGES = """
            SELECT m.model_name, changed.hardware_type, changed.level_before, changed.validation_before,
                   changed.level_after, changed.validation_after
            FROM (SELECT coalesce(a.model_id, b.model_id) AS model_id,
                         coalesce(a.hardware_type, b.hardware_type) AS hardware_type,
                         a.compatibility_level AS level_before, a.validation_status AS validation_before,
                         b.compatibility_level AS level_after, b.validation_status AS validation_after
                  FROM (%s) a FULL OUTER JOIN (%s) b ON b.model_id = a.model_id AND b.hardware_type = a.hardware_type
                  WHERE a.model_id IS NULL OR b.model_id IS NULL OR a.compatibility_level <> b.compatibility_level
                     OR a.validation_status <> b.validation_status) changed
            JOIN models m ON m.model_id = changed.model_id
            ORDER BY m.model_name, changed.hardware_type""".formatted(existingCells("from"), existingCells("to"));
}
