package dev.compatmatrix.matrix.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.CompatibilityLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The newest automated result for a cell, the other side of a dispute: who reported what (the validator's name and
 * type: ci_pipeline, automated_test), when, and its evidence.
 */
public record AutomatedResult(
        long resultId,
        String reporter,
        String reporterType,
        CompatibilityLevel level,
        LocalDateTime reportedAt,
        String evidenceRun,
        String frameworkVersion) {

    /**
     * A result from a row with the columns {@code result_id}, {@code reporter}, {@code reporter_type},
     * {@code reported_level}, {@code reported_at}, {@code evidence_run} and {@code framework_version}.
     */
    public static AutomatedResult read(ResultSet rs) throws SQLException {
        return new AutomatedResult(
                rs.getLong("result_id"),
                rs.getString("reporter"),
                rs.getString("reporter_type"),
                CompatibilityLevel.fromKey(rs.getString("reported_level")).orElseThrow(),
                SqlTimes.utc(rs.getTimestamp("reported_at")),
                rs.getString("evidence_run"),
                rs.getString("framework_version"));
    }

    /** "nightly-ci reports Medium". */
    public String summary() {
        return reporter + " reports " + level.label();
    }
}
