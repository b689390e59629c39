package dev.compatmatrix.feedback.repository;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' reports on cells (V0020). Reports are never deleted; changes are conditional on the version read. */
@Repository
public class CellReportRepository {

    public static final String SELECT = """
            SELECT r.*, m.model_name
            FROM cell_reports r JOIN models m ON m.model_id = r.model_id
            """;

    private final JdbcClient jdbc;

    CellReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open report; its id. */
    public long insert(
            int modelId,
            Platform platform,
            String reporter,
            ReportDraft draft,
            CompatibilityLevel levelNow,
            LocalDateTime now) {
        long id =
                jdbc.sql("SELECT nextval('cell_reports_seq')").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO cell_reports (id, model_id, hardware_type, reporter, outcome, framework,
                            framework_version, driver, device, precision, batch_size, comment, link, level_at_report,
                            state, created_at, updated_at, row_version)
                        VALUES (:id, :modelId, :platform, :reporter, :outcome, :framework, :frameworkVersion, :driver,
                            :device, :precision, :batchSize, :comment, :link, :level, 'OPEN', :now, :now, 1)""")
                .param("id", id)
                .param("modelId", modelId)
                .param("platform", platform.key())
                .param("reporter", reporter)
                .params(draftParams(draft, levelNow))
                .param("now", now)
                .update();
        return id;
    }

    /** Replaces the draft of an open report still at {@code expectedVersion}; false when it is not. */
    public boolean updateOpen(
            long id, int expectedVersion, ReportDraft draft, CompatibilityLevel levelNow, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE cell_reports SET outcome = :outcome, framework = :framework,
                            framework_version = :frameworkVersion, driver = :driver, device = :device,
                            precision = :precision, batch_size = :batchSize, comment = :comment, link = :link,
                            level_at_report = :level, updated_at = :now, row_version = row_version + 1
                        WHERE id = :id AND row_version = :expected AND state = 'OPEN'""")
                        .params(draftParams(draft, levelNow))
                        .param("now", now)
                        .param("id", id)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Closes an open report still at {@code expectedVersion} as {@code state}, with the reason (declined), the report
     * it repeats (duplicate) or the claim saved from it (accepted); false when it is not open at that version.
     */
    public boolean close(
            long id,
            int expectedVersion,
            ReportState state,
            String closedBy,
            String reason,
            Long duplicateOf,
            Long claimId,
            LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE cell_reports SET state = :state, closed_at = :now, closed_by = :by,
                            close_reason = :reason, duplicate_of = :duplicateOf, accepted_claim_id = :claimId,
                            updated_at = :now, row_version = row_version + 1
                        WHERE id = :id AND row_version = :expected AND state = 'OPEN'""")
                        .param("state", state.name())
                        .param("now", now)
                        .param("by", closedBy)
                        .param("reason", reason)
                        .param("duplicateOf", duplicateOf)
                        .param("claimId", claimId)
                        .param("id", id)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    public Optional<CellReport> find(long id) {
        return jdbc.sql(SELECT + "WHERE r.id = :id")
                .param("id", id)
                .query(CellReportRepository::row)
                .optional();
    }

    /** The reporter's open report on the cell, if any (at most one: the service keeps it so). */
    public Optional<CellReport> findOpen(String reporter, int modelId, Platform platform) {
        return jdbc.sql(SELECT + """
                        WHERE r.reporter = :reporter AND r.model_id = :modelId AND r.hardware_type = :platform
                          AND r.state = 'OPEN'
                        ORDER BY r.id LIMIT 1""")
                .param("reporter", reporter)
                .param("modelId", modelId)
                .param("platform", platform.key())
                .query(CellReportRepository::row)
                .optional();
    }

    /** Every report on a model's cells, open first, then newest first. */
    public List<CellReport> forModel(int modelId) {
        return jdbc.sql(SELECT + """
                        WHERE r.model_id = :modelId
                        ORDER BY CASE WHEN r.state = 'OPEN' THEN 0 ELSE 1 END, r.updated_at DESC, r.id DESC""")
                .param("modelId", modelId)
                .query(CellReportRepository::row)
                .list();
    }

    /** A reporter's reports, newest first. */
    public List<CellReport> byReporter(String reporter, int limit) {
        return jdbc.sql(SELECT + "WHERE r.reporter = :reporter ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit")
                .param("reporter", reporter)
                .param("limit", limit)
                .query(CellReportRepository::row)
                .list();
    }

    /** A reporter's reports closed (triaged) at or after {@code since}, newest first. */
    public List<CellReport> closedSince(String reporter, LocalDateTime since, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE r.reporter = :reporter AND r.closed_at >= :since
                        ORDER BY r.closed_at DESC, r.id DESC LIMIT :limit""")
                .param("reporter", reporter)
                .param("since", since)
                .param("limit", limit)
                .query(CellReportRepository::row)
                .list();
    }

    /** How many reports the reporter created since {@code since} (the hourly limit). */
    public int createdSince(String reporter, LocalDateTime since) {
        return jdbc.sql("SELECT count(*) FROM cell_reports WHERE reporter = :reporter AND created_at >= :since")
                .param("reporter", reporter)
                .param("since", since)
                .query(Integer.class)
                .single();
    }

    private static Map<String, Object> draftParams(ReportDraft draft, CompatibilityLevel levelNow) {
        Map<String, Object> params = new HashMap<>(); // values may be null
        params.put("outcome", draft.outcome().name());
        params.put("framework", draft.framework());
        params.put("frameworkVersion", draft.frameworkVersion());
        params.put("driver", draft.driver());
        params.put("device", draft.device());
        params.put(
                "precision",
                draft.precision() == null ? null : draft.precision().key());
        params.put("batchSize", draft.batchSize());
        params.put("comment", draft.comment());
        params.put("link", draft.link());
        params.put("level", levelNow == null ? null : levelNow.key());
        return params;
    }

    public static CellReport row(ResultSet rs, int n) throws SQLException {
        ReportDraft draft = new ReportDraft(
                ReportOutcome.valueOf(rs.getString("outcome")),
                rs.getString("framework"),
                rs.getString("framework_version"),
                rs.getString("driver"),
                rs.getString("device"),
                Precision.fromKey(rs.getString("precision")).orElse(null),
                rs.getObject("batch_size", Integer.class),
                rs.getString("comment"),
                rs.getString("link"));
        return new CellReport(
                rs.getLong("id"),
                rs.getInt("model_id"),
                rs.getString("model_name"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                rs.getString("reporter"),
                draft,
                CompatibilityLevel.fromKey(rs.getString("level_at_report")).orElse(null),
                ReportState.valueOf(rs.getString("state")),
                SqlTimes.utc(rs.getTimestamp("created_at")),
                SqlTimes.utc(rs.getTimestamp("updated_at")),
                SqlTimes.utc(rs.getTimestamp("closed_at")),
                rs.getString("closed_by"),
                rs.getString("close_reason"),
                rs.getObject("duplicate_of", Long.class),
                rs.getObject("accepted_claim_id", Long.class),
                rs.getInt("row_version"));
    }
}
