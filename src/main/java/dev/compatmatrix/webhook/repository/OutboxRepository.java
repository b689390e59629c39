package dev.compatmatrix.webhook.repository;

import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.query.MatrixEventQuery;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox side of {@code matrix_events}: the changes whose events have not been fanned out into webhook
 * deliveries yet, and the flag that says they have been (the only column a feature writes in that table).
 */
@Repository
public class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The changes of the oldest events not fanned out yet (at most {@code events} events looked at). */
    public List<Long> pendingChanges(int events) {
        return jdbc.sql("""
                        SELECT DISTINCT change_id FROM (
                            SELECT change_id FROM matrix_events WHERE NOT fanned_out ORDER BY id LIMIT :limit) t
                        ORDER BY change_id""").param("limit", events).query(Long.class).list();
    }

    /** Every event of these changes not fanned out yet, in id order (a change's events commit together). */
    public List<MatrixEvent> eventsOf(Collection<Long> changeIds) {
        return jdbc.sql(MatrixEventQuery.SELECT + "WHERE e.change_id IN (:changes) AND NOT e.fanned_out ORDER BY e.id")
                .param("changes", changeIds)
                .query(MatrixEventQuery::map)
                .list();
    }

    public int markFannedOut(Collection<Long> changeIds) {
        return jdbc.sql("UPDATE matrix_events SET fanned_out = true WHERE change_id IN (:changes) AND NOT fanned_out")
                .param("changes", changeIds)
                .update();
    }
}
