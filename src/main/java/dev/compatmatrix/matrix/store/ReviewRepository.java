package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.SettingApproval;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code validation_reviews} ({@link MatrixWriter} appends them; rows are never updated). */
@Repository
public class ReviewRepository {

    private static final String SELECT = """
            SELECT r.id, r.claim_id, r.claim_version, r.hardware_type, r.claim_level, v.name AS validator_name,
                   r.reviewer, r.verification_level, r.decision, r.resulting_status, r.comment, r.reviewed_at
            FROM validation_reviews r LEFT JOIN validators v ON v.validator_id = r.validator_id
            """;

    /** One model's reviews, newest first. */
    public static final String FOR_MODEL_SQL =
            SELECT + "WHERE r.model_id = :modelId ORDER BY r.reviewed_at DESC, r.id DESC";

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The verification level of the approval that set the claim's present status: its review, or (for claims
     * validated before reviews were kept) the approving validator's level; 0 when nothing approved it.
     */
    public int approvalLevel(Claim claim) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT r.verification_level FROM validation_reviews r
                                         WHERE r.claim_id = d.id AND %s AND r.validator_id = d.validator_id
                                         ORDER BY r.id DESC LIMIT 1), v.verification_level, 0)
                        FROM compatibility_details d LEFT JOIN validators v ON v.validator_id = d.validator_id
                        WHERE d.id = :id AND d.validation_status <> 'unvalidated'""".formatted(SettingApproval.of("r", "d")))
                .param("id", claim.claimId())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** A model's reviews, newest first: the validation trail of its claims. */
    public List<Review> forModel(int modelId) {
        return jdbc.sql(FOR_MODEL_SQL)
                .param("modelId", modelId)
                .query((rs, n) -> new Review(
                        rs.getLong("id"),
                        rs.getLong("claim_id"),
                        rs.getInt("claim_version"),
                        rs.getString("hardware_type"),
                        rs.getString("claim_level"),
                        rs.getString("validator_name"),
                        rs.getString("reviewer"),
                        rs.getInt("verification_level"),
                        Review.Decision.valueOf(rs.getString("decision").toUpperCase(Locale.ROOT)),
                        ValidationStatus.fromKey(rs.getString("resulting_status"))
                                .orElseThrow(),
                        rs.getString("comment"),
                        SqlTimes.utc(rs.getTimestamp("reviewed_at"))))
                .list();
    }
}
