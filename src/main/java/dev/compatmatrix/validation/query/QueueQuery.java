package dev.compatmatrix.validation.query;

import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The validation queue: claims that are unvalidated or partially validated, validated ones gone stale —
 * older than the configured age, or whose framework/runtime version changed since the approval that set
 * their status — and disputed ones (an automated result says otherwise). Disputed first, then stale, then
 * by required level and age.
 */
@Repository
public class QueueQuery {

    /** Every claim with its model, and what decides its stale and disputed marks (set-based: see StaleValidation). */
    private static final String FROM = """
            FROM compatibility_details d
            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            JOIN models m ON m.model_id = c.model_id
            LEFT JOIN (%s) changed ON changed.claim_id = d.id
            LEFT JOIN (%s) latest ON latest.model_id = c.model_id AND latest.hardware_type = d.hardware_type
            """.formatted(StaleValidation.changedSinceApproval(""), DisputedClaim.latestResults(""));
    private static final String REQUIRED = "CASE d.compatibility_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int staleAfterDays;

    public QueueQuery(JdbcClient jdbc, Clock clock, @Value(StaleValidation.MAX_AGE_PROPERTY) int staleAfterDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfterDays = staleAfterDays;
    }

    public List<QueueRow> page(QueueFilter filter, int offset, int limit) {
        MatrixQuery.Statement statement = pageStatement(filter, offset, limit);
        return jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> new QueueRow(rs.getLong("id"),
                rs.getInt("row_version"), rs.getString("model_name"), rs.getString("model_family"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                CompatibilityLevel.fromKey(rs.getString("compatibility_level")).orElseThrow(),
                rs.getInt("required_level"), ValidationStatus.fromKey(rs.getString("validation_status")).orElseThrow(),
                rs.getBoolean("stale"), rs.getBoolean("simulated"), rs.getString("updated_by"), rs.getLong("age"),
                automatedSide(rs.getString("automated"), rs.getString("compatibility_level")), null))
                .list();
    }

    /** The SQL and parameters of one queue page (for a benchmark to run the same over plain JDBC). */
    public MatrixQuery.Statement pageStatement(QueueFilter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT d.id, d.row_version, m.model_name, m.model_family, d.hardware_type, d.compatibility_level, "
                + REQUIRED + " AS required_level, d.validation_status, " + StaleValidation.JOINED + " AS stale, d.simulated, "
                + "latest.reported_level || '|' || latest.reporter AS automated, " + DisputedClaim.JOINED + " AS disputed, "
                + "d.updated_by, date_diff('day', coalesce(d.updated_at, d.validation_date, c.last_updated), :now) AS age\n"
                + FROM + where(filter, params)
                + "\nORDER BY disputed DESC, stale DESC,"
                + " required_level DESC, age DESC, d.id\nLIMIT :limit OFFSET :offset";
        params.put("now", LocalDateTime.now(clock));
        params.put("limit", limit);
        params.put("offset", offset);
        return new MatrixQuery.Statement(sql, params);
    }

    /** "nightly-ci reports Medium" when the newest automated result disagrees with the claim, else null. */
    private static String automatedSide(String latest, String claimedLevel) {
        if (latest == null) {
            return null;
        }
        String[] parts = latest.split("\\|", 2);
        return parts[0].equals(claimedLevel) ? null : parts[1] + " reports "
                + CompatibilityLevel.fromKey(parts[0]).map(CompatibilityLevel::label).orElse(parts[0]);
    }

    public long count(QueueFilter filter) {
        MatrixQuery.Statement statement = countStatement(filter);
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }

    public MatrixQuery.Statement countStatement(QueueFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return new MatrixQuery.Statement("SELECT count(*)\n" + FROM + where(filter, params), params);
    }

    private String where(QueueFilter filter, Map<String, Object> params) {
        LocalDateTime now = LocalDateTime.now(clock);
        params.put("staleBefore", now.minusDays(staleAfterDays));
        StringBuilder where = new StringBuilder("WHERE m.deleted_at IS NULL AND (d.validation_status <> 'validated' OR "
                + StaleValidation.JOINED + " OR " + DisputedClaim.JOINED + ")");
        if (filter.requiredLevel() != null) {
            where.append(" AND ").append(REQUIRED).append(" = :required");
            params.put("required", filter.requiredLevel());
        }
        if (filter.platform() != null) {
            where.append(" AND d.hardware_type = :platform");
            params.put("platform", filter.platform().key());
        }
        if (filter.family() != null && !filter.family().isBlank()) {
            where.append(" AND m.model_family = :family");
            params.put("family", filter.family().strip());
        }
        if (filter.minAgeDays() != null) {
            where.append(" AND coalesce(d.updated_at, d.validation_date, c.last_updated) <= :changedBefore");
            params.put("changedBefore", now.minusDays(filter.minAgeDays()));
        }
        return where.toString();
    }
}
