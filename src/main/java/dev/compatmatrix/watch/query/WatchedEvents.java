package dev.compatmatrix.watch.query;

import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.query.MatrixEventQuery;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one rule of what a watch covers, for every reader of a user's watched changes (the "since your last visit"
 * panel, the watch-list feed, webhooks): a model watch covers the model's cells and the model itself; a platform watch
 * every model's cell on that platform; a family watch the family's models and their cells; a cell watch that cell and
 * its model itself (added, edited, deleted). Watches are rows of {@code watches} (V0013).
 */
@Repository
public class WatchedEvents {

    /** True for an event {@code e} (with its model {@code m}) that one of {@code :username}'s watches covers. */
    public static final String COVERED = """
            EXISTS (SELECT 1 FROM watches w WHERE w.username = :username AND (
                   (w.kind = 'model' AND w.model_id = e.model_id)
                OR (w.kind = 'platform' AND w.hardware_type = e.hardware_type)
                OR (w.kind = 'family' AND w.model_family = m.model_family)
                OR (w.kind = 'cell' AND w.model_id = e.model_id
                    AND (e.hardware_type IS NULL OR w.hardware_type = e.hardware_type))))""";

    private final JdbcClient jdbc;

    WatchedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's watched changes after {@code after} (exclusive), newest first, at most {@code limit}. */
    public List<MatrixEvent> since(String username, LocalDateTime after, int limit) {
        return jdbc.sql(MatrixEventQuery.SELECT + "WHERE e.occurred_at > :after AND " + COVERED
                        + " ORDER BY e.id DESC LIMIT :limit")
                .param("username", username)
                .param("after", after)
                .param("limit", limit)
                .query(MatrixEventQuery::map)
                .list();
    }

    /** The user's newest watched changes, newest first. */
    public List<MatrixEvent> newest(String username, int limit) {
        return jdbc.sql(MatrixEventQuery.SELECT + "WHERE " + COVERED + " ORDER BY e.id DESC LIMIT :limit")
                .param("username", username)
                .param("limit", limit)
                .query(MatrixEventQuery::map)
                .list();
    }

    /** Of the given events, those the user's watches cover, in id order (webhook fan-out). */
    public List<MatrixEvent> coveredAmong(String username, long fromId, long toId) {
        return jdbc.sql(MatrixEventQuery.SELECT + "WHERE e.id BETWEEN :from AND :to AND " + COVERED + " ORDER BY e.id")
                .param("username", username)
                .param("from", fromId)
                .param("to", toId)
                .query(MatrixEventQuery::map)
                .list();
    }
}
