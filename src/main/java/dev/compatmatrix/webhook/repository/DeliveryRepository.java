package dev.compatmatrix.webhook.repository;

import dev.compatmatrix.webhook.WebhookAttempt;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of webhook deliveries and their attempt log (V0016). A node sends a delivery only after taking its
 * lease with a conditional UPDATE, so two nodes never send the same delivery at once; the lease outlives an attempt's
 * time-outs, and a node that died mid-attempt leaves a lease that simply runs out.
 */
@Repository
public class DeliveryRepository {

    /** A delivery due now, with what sending it needs. */
    public record Due(
            long id, long webhookId, String url, String secretSealed, String eventId, String body, int attempts) {}

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery, due now; {@code changeId} null for a test event. */
    public void queue(long webhookId, Long changeId, String eventId, String body, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, webhook_id, change_id, event_id, body, state, attempts,
                                                        next_attempt_at, created_at)
                        VALUES (nextval('webhook_deliveries_seq'), :webhook, :change, :eventId, :body, 'pending', 0,
                                :now, :now)""")
                .param("webhook", webhookId)
                .param("change", changeId)
                .param("eventId", eventId)
                .param("body", body)
                .param("now", now)
                .update();
    }

    /** Pending deliveries due at {@code now} whose lease (if any) has run out, the longest waiting first. */
    public List<Due> due(LocalDateTime now, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.webhook_id, w.url, w.secret_sealed, d.event_id, d.body, d.attempts
                        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                        WHERE d.state = 'pending' AND d.next_attempt_at <= :now
                          AND (d.leased_until IS NULL OR d.leased_until < :now)
                        ORDER BY d.next_attempt_at, d.id
                        LIMIT :limit""")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getLong("webhook_id"),
                        rs.getString("url"),
                        rs.getString("secret_sealed"),
                        rs.getString("event_id"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    /** Takes the delivery for {@code node} until {@code until} if it is still due and free; true when taken. */
    public boolean lease(long id, int seenAttempts, String node, LocalDateTime now, LocalDateTime until) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries SET leased_until = :until, leased_by = :node, attempts = attempts + 1
                        WHERE id = :id AND state = 'pending' AND attempts = :seen AND next_attempt_at <= :now
                          AND (leased_until IS NULL OR leased_until < :now)""")
                        .param("until", until)
                        .param("node", node)
                        .param("id", id)
                        .param("seen", seenAttempts)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Ends this node's attempt: delivered or failed for good ({@code nextAttempt} null), or due again later. */
    public void finish(long id, String node, String state, LocalDateTime nextAttempt, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries
                        SET state = :state, next_attempt_at = COALESCE(:next, next_attempt_at),
                            finished_at = CASE WHEN :state = 'pending' THEN NULL ELSE :now END,
                            leased_until = NULL, leased_by = NULL
                        WHERE id = :id AND leased_by = :node""")
                .param("state", state)
                .param("next", nextAttempt)
                .param("now", now)
                .param("id", id)
                .param("node", node)
                .update();
    }

    /** Gives back the leases a stopping node holds, so its unfinished deliveries are due again at once. */
    public void release(String node, Collection<Long> deliveryIds) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET leased_until = NULL, leased_by = NULL, attempts = attempts - 1
                        WHERE id IN (:ids) AND leased_by = :node AND state = 'pending'""").param("ids", deliveryIds).param("node", node).update();
    }

    /** Logs an attempt (not for a delivery deleted with its webhook meanwhile). */
    public void log(
            long deliveryId,
            long webhookId,
            String eventId,
            int attempt,
            LocalDateTime at,
            Integer statusCode,
            String error,
            long durationMs,
            String outcome) {
        jdbc.sql("""
                        INSERT INTO webhook_attempts (delivery_id, webhook_id, event_id, attempt, attempted_at,
                                                      status_code, error, duration_ms, outcome)
                        SELECT CAST(:delivery AS BIGINT), CAST(:webhook AS BIGINT), CAST(:eventId AS VARCHAR),
                               CAST(:attempt AS INTEGER), CAST(:at AS TIMESTAMP), CAST(:status AS INTEGER),
                               CAST(:error AS VARCHAR), CAST(:duration AS BIGINT), CAST(:outcome AS VARCHAR)
                        WHERE EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = :delivery)""")
                .param("delivery", deliveryId)
                .param("webhook", webhookId)
                .param("eventId", eventId)
                .param("attempt", attempt)
                .param("at", at)
                .param("status", statusCode)
                .param("error", error)
                .param("duration", durationMs)
                .param("outcome", outcome)
                .update();
    }

    /** A webhook's attempts, newest first. */
    public List<WebhookAttempt> attempts(long webhookId, int limit) {
        return jdbc.sql("""
                        SELECT id, webhook_id, event_id, attempt, attempted_at, status_code, error, duration_ms, outcome
                        FROM webhook_attempts WHERE webhook_id = :webhook ORDER BY id DESC LIMIT :limit""")
                .param("webhook", webhookId)
                .param("limit", limit)
                .query((rs, n) -> {
                    int status = rs.getInt("status_code");
                    Integer statusCode = rs.wasNull() ? null : status;
                    return new WebhookAttempt(
                            rs.getLong("id"),
                            rs.getLong("webhook_id"),
                            rs.getString("event_id"),
                            rs.getInt("attempt"),
                            rs.getTimestamp("attempted_at").toLocalDateTime(),
                            statusCode,
                            rs.getString("error"),
                            rs.getLong("duration_ms"),
                            rs.getString("outcome"));
                })
                .list();
    }
}
