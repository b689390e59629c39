package dev.compatmatrix.modelpage.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.history.query.HistoryRow;
import java.time.LocalDateTime;

/**
 * A history row in the API's snake_case JSON; levels are keys, null when absent; times are UTC; {@code report_id} the
 * user's report the change was accepted from, else null.
 */
public record ApiHistoryRow(
        long id,
        @JsonProperty("model_name") String modelName,
        @JsonProperty("hardware_type") String hardwareType,
        @JsonProperty("previous_status") String previousStatus,
        @JsonProperty("new_status") String newStatus,
        @JsonProperty("change_reason") String changeReason,
        @JsonProperty("change_date") LocalDateTime changeDate,
        @JsonProperty("change_version") String changeVersion,
        @JsonProperty("changed_by") String changedBy,
        @JsonProperty("report_id") Long reportId) {

    public static ApiHistoryRow of(HistoryRow row) {
        return new ApiHistoryRow(
                row.id(),
                row.modelName(),
                row.hardwareType(),
                row.previousStatus(),
                row.newStatus(),
                row.changeReason(),
                row.changeDate(),
                row.changeVersion(),
                row.changedBy(),
                row.reportId());
    }
}
