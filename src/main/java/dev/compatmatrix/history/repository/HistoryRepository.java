package dev.compatmatrix.history.repository;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends {@code compatibility_history} rows; never updates or deletes them. */
@Repository
public class HistoryRepository {

    private final JdbcClient jdbc;

    public HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One level change; {@code previous} null for a creation, {@code next} null for a removal. */
    public void append(int modelId, String platform, String previous, String next, String reason,
                       LocalDateTime when, String version, String changedBy) {
        jdbc.sql("""
                        INSERT INTO compatibility_history (model_id, hardware_type, previous_status, new_status,
                            change_reason, change_date, change_version, changed_by)
                        VALUES (:modelId, :platform, :previous, :next, :reason, :when, :version, :changedBy)
                        """)
                .param("modelId", modelId).param("platform", platform).param("previous", previous)
                .param("next", next).param("reason", reason).param("when", when).param("version", version)
                .param("changedBy", changedBy)
                .update();
    }
}
