package dev.compatmatrix.validation.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.feedback.query.OpenReportsQuery;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.SqlRanks;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.query.DisputedClaim;
import dev.compatmatrix.matrix.query.Objection;
import dev.compatmatrix.matrix.query.OpenObjection;
import dev.compatmatrix.matrix.query.StaleValidation;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The validation queue: claims that are unvalidated or partially validated, validated ones gone stale —
 * older than the configured age, or whose framework/runtime version changed since the approval that set
 * their status —, disputed ones (an automated result says otherwise, unresolved), reported ones (users' open reports
 * contradict the level, {@link OpenReportsQuery}) and ones with an open objection (a lower-level rejection waiting for
 * a validator of the approval's level). Disputed first, then reported, then objections, then stale, then by the level
 * needed and age.
 */
@Repository
public class QueueQuery {

    /** Every claim with its model, and what decides its marks (set-based: see StaleValidation). */
    private static final String FROM = """
            FROM compatibility_details d
            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            JOIN models m ON m.model_id = c.model_id
            LEFT JOIN (%s) changed ON changed.claim_id = d.id
            LEFT JOIN (%s) latest ON latest.model_id = c.model_id AND latest.hardware_type = d.hardware_type
            LEFT JOIN (%s) reported ON reported.claim_id = d.id
            %s
            """.formatted(
                    StaleValidation.changedSinceApproval(""),
                    DisputedClaim.latestResults(""),
                    OpenReportsQuery.CONTRADICTING_BY_CLAIM,
                    OpenObjection.JOIN);

    private static final String REPORTED = "reported.claim_id IS NOT NULL";

    private static final String REQUIRED = SqlRanks.requiredLevel("d.compatibility_level");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Staleness staleness;

    public QueueQuery(JdbcClient jdbc, Clock clock, Staleness staleness) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleness = staleness;
    }

    public List<QueueRow> page(QueueFilter filter, int offset, int limit) {
        return rows(pageStatement(filter, offset, limit));
    }

    /** The rows of these claims that the filtered queue still holds (the others have left it), in queue order. */
    public List<QueueRow> ofClaims(QueueFilter filter, Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return rows(statement(filter, claimIds, 0, claimIds.size()));
    }

    private List<QueueRow> rows(MatrixQuery.Statement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> new QueueRow(
                        rs.getLong("id"),
                        rs.getInt("row_version"),
                        rs.getString("model_name"),
                        rs.getString("model_family"),
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                        CompatibilityLevel.fromKey(rs.getString("compatibility_level"))
                                .orElseThrow(),
                        rs.getInt("required_level"),
                        ValidationStatus.fromKey(rs.getString("validation_status"))
                                .orElseThrow(),
                        rs.getBoolean("stale"),
                        rs.getBoolean("simulated"),
                        rs.getString("updated_by"),
                        rs.getLong("age"),
                        rs.getBoolean("disputed")
                                ? new AutomatedResult(
                                        rs.getLong("result_id"),
                                        rs.getString("reporter"),
                                        rs.getString("reporter_type"),
                                        CompatibilityLevel.fromKey(rs.getString("reported_level"))
                                                .orElseThrow(),
                                        SqlTimes.utc(rs.getTimestamp("reported_at")),
                                        rs.getString("result_run"),
                                        rs.getString("result_version"))
                                : null,
                        rs.getObject("needs_level") == null
                                ? null
                                : new Objection(
                                        rs.getString("objector"),
                                        rs.getString("objector_name"),
                                        rs.getInt("objector_level"),
                                        rs.getInt("needs_level"),
                                        rs.getString("objection_comment"),
                                        SqlTimes.utc(rs.getTimestamp("objected_at"))),
                        rs.getInt("open_reports"),
                        null))
                .list();
    }

    /** The SQL and parameters of one queue page (for a benchmark to run the same over plain JDBC). */
    public MatrixQuery.Statement pageStatement(QueueFilter filter, int offset, int limit) {
        return statement(filter, null, offset, limit);
    }

    /** A page of the queue, of only these claims unless {@code claimIds} is null. */
    private MatrixQuery.Statement statement(QueueFilter filter, Collection<Long> claimIds, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql =
                "SELECT d.id, d.row_version, m.model_name, m.model_family, d.hardware_type, d.compatibility_level, "
                        + REQUIRED + " AS required_level, d.validation_status, " + StaleValidation.JOINED
                        + " AS stale, d.simulated, "
                        + "latest.result_id, latest.reporter, latest.reporter_type, latest.reported_level, latest.reported_at, "
                        + "latest.evidence_run AS result_run, latest.framework_version AS result_version, "
                        + DisputedClaim.JOINED + " AS disputed, coalesce(reported.reports, 0) AS open_reports, "
                        + "objection.needs_level, objection.reviewer AS objector, "
                        + "objection.validator_name AS objector_name, objection.verification_level AS objector_level, "
                        + "objection.comment AS objection_comment, objection.reviewed_at AS objected_at, "
                        + "d.updated_by, "
                        // whole calendar days between the two dates, as DuckDB's date_diff('day', …) counts them
                        + "CAST(:now AS DATE) - CAST(coalesce(d.updated_at, d.validation_date, c.last_updated) AS DATE) AS age\n"
                        + FROM + where(filter, params) + claims(claimIds, params)
                        // stale and age can be NULL: last, as DuckDB sorts them by default and PostgreSQL does not
                        + "\nORDER BY disputed DESC, " + REPORTED
                        + " DESC, objection.needs_level IS NOT NULL DESC, stale DESC NULLS LAST,"
                        + " required_level DESC, age DESC NULLS LAST, d.id\nLIMIT :limit OFFSET :offset";
        params.put("now", LocalDateTime.now(clock));
        params.put("limit", limit);
        params.put("offset", offset);
        return new MatrixQuery.Statement(sql, params);
    }

    public long count(QueueFilter filter) {
        MatrixQuery.Statement statement = countStatement(filter);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query(Long.class)
                .single();
    }

    public MatrixQuery.Statement countStatement(QueueFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return new MatrixQuery.Statement("SELECT count(*)\n" + FROM + where(filter, params), params);
    }

    /**
     * The level a validator needs to settle the row is {@code :required}: the claim's level needs it (and no objection
     * needs more), or an objection needs it (and the claim's level no more). Written with the claim's levels as a list
     * of keys, as {@code greatest(required level, objection level) = :required} PostgreSQL estimates at 0.5 % of the
     * rows and then joined the whole latest-results table once per claim (the level 3 + CUDA page ran for more than
     * 85 s at 100,000 models); a list on a column it estimates from its statistics.
     */
    static String needed(int required) {
        return "((d.compatibility_level IN (" + levels(l -> ValidationRules.requiredLevel(l) == required)
                + ") AND coalesce(objection.needs_level, 0) <= :required)"
                + " OR (objection.needs_level = :required AND d.compatibility_level IN ("
                + levels(l -> ValidationRules.requiredLevel(l) <= required) + ")))";
    }

    /** The keys of the levels that pass, quoted, or NULL (no level) when none does. */
    private static String levels(java.util.function.Predicate<CompatibilityLevel> test) {
        String keys = java.util.Arrays.stream(CompatibilityLevel.values())
                .filter(test)
                .map(l -> "'" + l.key() + "'")
                .collect(java.util.stream.Collectors.joining(", "));
        return keys.isEmpty() ? "NULL" : keys;
    }

    private static String claims(Collection<Long> claimIds, Map<String, Object> params) {
        if (claimIds == null) {
            return "";
        }
        params.put("claims", claimIds);
        return " AND d.id IN (:claims)";
    }

    private String where(QueueFilter filter, Map<String, Object> params) {
        LocalDateTime now = LocalDateTime.now(clock);
        params.put("staleBefore", staleness.staleBefore(now));
        StringBuilder where = new StringBuilder("WHERE m.deleted_at IS NULL AND (d.validation_status <> 'validated' OR "
                + StaleValidation.JOINED + " OR " + DisputedClaim.JOINED + " OR " + REPORTED
                + " OR objection.claim_id IS NOT NULL)");
        if (filter.reportedOnly()) {
            where.append(" AND ").append(REPORTED);
        }
        if (filter.model() != null) {
            where.append(" AND strpos(lower(m.model_name), lower(:model)) > 0");
            params.put("model", filter.model());
        }
        if (filter.requiredLevel() != null) {
            where.append(" AND ").append(needed(filter.requiredLevel()));
            params.put("required", filter.requiredLevel());
        }
        if (filter.platform() != null) {
            where.append(" AND d.hardware_type = :platform");
            params.put("platform", filter.platform().key());
        }
        if (filter.family() != null) {
            where.append(" AND m.model_family = :family");
            params.put("family", filter.family());
        }
        if (filter.minAgeDays() != null) {
            where.append(" AND coalesce(d.updated_at, d.validation_date, c.last_updated) <= :changedBefore");
            params.put("changedBefore", now.minusDays(filter.minAgeDays()));
        }
        return where.toString();
    }
}
