package dev.compatmatrix.history.query;

import java.time.LocalDateTime;

/** One {@code compatibility_history} row as screens show it; statuses are level keys, null when absent; {@code changedBy} is null for generated history. */
public record HistoryRow(
        long id,
        String modelName,
        String hardwareType,
        String previousStatus,
        String newStatus,
        String changeReason,
        LocalDateTime changeDate,
        String changeVersion,
        String changedBy) {}
