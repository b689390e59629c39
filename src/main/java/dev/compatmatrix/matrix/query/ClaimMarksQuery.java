package dev.compatmatrix.matrix.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.Platform;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One model's open disputes and objections, per platform, by the shared conditions ({@link DisputedClaim},
 * {@link OpenObjection}): for the model page, and for the checks before a dispute is resolved.
 */
@Repository
public class ClaimMarksQuery {

    private static final String CLAIMS = """
            FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            """;

    private static final String DISPUTES = "SELECT d.hardware_type, latest.*\n" + CLAIMS
            + "JOIN (" + DisputedClaim.latestResults("WHERE a.model_id = :modelId") + ") latest"
            + " ON latest.model_id = c.model_id AND latest.hardware_type = d.hardware_type\n"
            + "WHERE c.model_id = :modelId AND " + DisputedClaim.JOINED;

    private static final String OBJECTIONS = "SELECT d.hardware_type, objection.*\n" + CLAIMS + OpenObjection.JOIN
            + "\nWHERE c.model_id = :modelId AND objection.claim_id IS NOT NULL";

    private final JdbcClient jdbc;

    public ClaimMarksQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The disputed claims of a model: the automated result each disagrees with. */
    public Map<Platform, AutomatedResult> disputes(int modelId) {
        Map<Platform, AutomatedResult> disputes = new EnumMap<>(Platform.class);
        jdbc.sql(DISPUTES)
                .param("modelId", modelId)
                .query((rs, n) -> disputes.put(
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(), AutomatedResult.read(rs)))
                .list();
        return disputes;
    }

    /** The claims of a model with an open objection. */
    public Map<Platform, Objection> objections(int modelId) {
        Map<Platform, Objection> objections = new EnumMap<>(Platform.class);
        jdbc.sql(OBJECTIONS)
                .param("modelId", modelId)
                .query((rs, n) -> objections.put(
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                        new Objection(
                                rs.getString("reviewer"),
                                rs.getString("validator_name"),
                                rs.getInt("verification_level"),
                                rs.getInt("needs_level"),
                                rs.getString("comment"),
                                SqlTimes.utc(rs.getTimestamp("reviewed_at")))))
                .list();
        return objections;
    }
}
