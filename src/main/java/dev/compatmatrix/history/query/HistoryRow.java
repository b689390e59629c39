package dev.compatmatrix.history.query;

import dev.compatmatrix.base.db.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * One {@code compatibility_history} row as screens show it; statuses are level keys, null when absent; {@code
 * changedBy} is null for generated history; {@code reportId} is the user's report the change was accepted from, else
 * null.
 */
public record HistoryRow(
        long id,
        String modelName,
        String hardwareType,
        String previousStatus,
        String newStatus,
        String changeReason,
        LocalDateTime changeDate,
        String changeVersion,
        String changedBy,
        Long reportId) {

    /** "from report #12", or "" when the change was not accepted from a report. */
    public String fromReport() {
        return reportId == null ? "" : "from report #" + reportId;
    }

    /** Reads a row of a query that selects the history columns, {@code report_id} included, and the model's name. */
    public static HistoryRow read(ResultSet rs, int n) throws SQLException {
        return new HistoryRow(
                rs.getLong("id"),
                rs.getString("model_name"),
                rs.getString("hardware_type"),
                rs.getString("previous_status"),
                rs.getString("new_status"),
                rs.getString("change_reason"),
                SqlTimes.utc(rs.getTimestamp("change_date")),
                rs.getString("change_version"),
                rs.getString("changed_by"),
                rs.getObject("report_id", Long.class));
    }
}
