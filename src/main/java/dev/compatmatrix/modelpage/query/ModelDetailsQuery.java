package dev.compatmatrix.modelpage.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.SettingApproval;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One model's header and its per-platform claims (the seed's "detailed compatibility information"). */
@Repository
public class ModelDetailsQuery {

    /** The seed's "detailed compatibility information" query, by model id. */
    public static final String CLAIMS_SQL = """
            SELECT cd.id, cd.row_version, cd.hardware_type, cd.compatibility_level, cd.limitations, cd.workarounds,
                   cd.performance_notes, cd.validation_status, v.name AS validator, cd.validation_date,
                   cd.evidence_run, cd.framework_version, cd.device, cd.batch_size, cd.precision, cd.simulated,
                   (SELECT r.framework_version FROM validation_reviews r
                    WHERE r.claim_id = cd.id AND %s
                    ORDER BY r.id DESC LIMIT 1) AS approved_version
            FROM cross_platform_compatibility cpc
            JOIN compatibility_details cd ON cpc.id = cd.compatibility_id
            LEFT JOIN validators v ON cd.validator_id = v.validator_id
            WHERE cpc.model_id = :modelId
            """.formatted(SettingApproval.of("r", "cd"));

    /** One model with its derived columns, by name. */
    public static final String HEADER_SQL = """
            SELECT m.model_id, m.model_name, m.model_family, m.model_type, m.model_size,
                   m.parameters_millions, m.source_url, c.compatibility_score, c.recommended_platform,
                   c.last_updated
            FROM models m
            JOIN cross_platform_compatibility c ON c.model_id = m.model_id
            WHERE m.model_name = :name AND m.deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    public ModelDetailsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ModelOverview.Header> header(String modelName) {
        return jdbc.sql(HEADER_SQL)
                .param("name", modelName)
                .query((rs, n) -> new ModelOverview.Header(
                        rs.getInt("model_id"),
                        rs.getString("model_name"),
                        rs.getString("model_family"),
                        rs.getString("model_type"),
                        rs.getString("model_size"),
                        (Double) rs.getObject("parameters_millions"),
                        rs.getString("source_url"),
                        ScoreRule.fromStored(rs.getDouble("compatibility_score")),
                        Platform.fromKey(rs.getString("recommended_platform")).orElse(null),
                        SqlTimes.utc(rs.getTimestamp("last_updated"))))
                .optional();
    }

    public List<ModelOverview.ClaimRow> claims(int modelId) {
        return jdbc.sql(CLAIMS_SQL)
                .param("modelId", modelId)
                .query((rs, n) -> new ModelOverview.ClaimRow(
                        rs.getLong("id"),
                        rs.getInt("row_version"),
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                        CompatibilityLevel.fromKey(rs.getString("compatibility_level"))
                                .orElseThrow(),
                        rs.getString("limitations"),
                        rs.getString("workarounds"),
                        rs.getString("performance_notes"),
                        ValidationStatus.fromKey(rs.getString("validation_status"))
                                .orElse(ValidationStatus.UNVALIDATED),
                        rs.getString("validator"),
                        SqlTimes.utc(rs.getTimestamp("validation_date")),
                        new ModelOverview.Evidence(
                                rs.getString("evidence_run"),
                                rs.getString("framework_version"),
                                rs.getString("device"),
                                (Integer) rs.getObject("batch_size"),
                                rs.getString("precision"),
                                rs.getBoolean("simulated")),
                        rs.getString("approved_version")))
                .list();
    }
}
