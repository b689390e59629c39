package dev.compatmatrix.history.query;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The seed's "track compatibility changes over time" query, for one model. */
@Repository
public class HistoryQuery {

    /** One model's newest history rows. */
    public static final String FOR_MODEL_SQL = """
            SELECT ch.id, m.model_name, ch.hardware_type, ch.previous_status, ch.new_status,
                   ch.change_reason, ch.change_date, ch.change_version,
                   ch.changed_by, ch.report_id
            FROM compatibility_history ch
            JOIN models m ON m.model_id = ch.model_id
            WHERE ch.model_id = :modelId
            ORDER BY ch.change_date DESC, ch.id DESC
            LIMIT :limit
            """;

    private final JdbcClient jdbc;

    public HistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HistoryRow> forModel(int modelId, int limit) {
        return jdbc.sql(FOR_MODEL_SQL)
                .param("modelId", modelId)
                .param("limit", limit)
                .query(HistoryRow::read)
                .list();
    }
}
