package dev.compatmatrix.badge.query;

import dev.compatmatrix.badge.BadgeData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One model's claim on one platform, for its badge. */
@Repository
public class BadgeQuery {

    private static final String SQL = """
            SELECT m.model_id, m.model_name, d.compatibility_level, d.validation_status,
                   concat_ws('|', c.last_updated, d.id, d.row_version, d.compatibility_level,
                             d.validation_status, d.validation_date) AS version
            FROM models m
            JOIN cross_platform_compatibility c ON c.model_id = m.model_id
            LEFT JOIN compatibility_details d ON d.compatibility_id = c.id AND d.hardware_type = :platform
            WHERE m.model_name = :name AND m.deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    public BadgeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when no model has this name; without the stale and disputed marks (BadgeService adds them). */
    public Optional<BadgeData> find(String modelName, Platform platform) {
        return jdbc.sql(SQL)
                .param("name", modelName)
                .param("platform", platform.key())
                .query((rs, n) -> new BadgeData(
                        rs.getInt("model_id"),
                        rs.getString("model_name"),
                        platform,
                        CompatibilityLevel.fromKey(rs.getString("compatibility_level"))
                                .orElse(null),
                        ValidationStatus.fromKey(rs.getString("validation_status"))
                                .orElse(null),
                        false,
                        false,
                        rs.getString("version")))
                .optional();
    }
}
