package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.TableAppender;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends {@code compatibility_history} rows; never updates or deletes them. */
@Repository
public class HistoryRepository {

    private final JdbcClient jdbc;
    private final TableAppender appender;

    public HistoryRepository(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
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

    /** A level change for {@link #appendAll}, as {@link #append} takes it. */
    public record HistoryWrite(int modelId, String platform, String previous, String next, String reason,
                               String version) {
    }

    /** {@link #append} for many changes by one person at one time, through the appender, ids in list order. */
    public void appendAll(List<HistoryWrite> rows, String changedBy, LocalDateTime when) {
        // Column order: V0001's, then V0003's changed_by.
        appender.appendWithIds("compatibility_history", "compatibility_history_seq",
                rows.stream().map(h -> new Object[] {h.modelId(), h.platform(), h.previous(), h.next(), h.reason(), when,
                        h.version(), changedBy}).toList());
    }
}
