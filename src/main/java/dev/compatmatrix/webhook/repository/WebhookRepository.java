package dev.compatmatrix.webhook.repository;

import dev.compatmatrix.webhook.Webhook;
import dev.compatmatrix.webhook.WebhookScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code webhooks} rows (V0016), each with its newest attempt's outcome. */
@Repository
public class WebhookRepository {

    private static final String SELECT = """
            SELECT w.id, w.owner, w.url, w.scope, w.secret_hint, w.created_at, a.outcome, a.status_code
            FROM webhooks w
            LEFT JOIN webhook_attempts a
                   ON a.id = (SELECT max(x.id) FROM webhook_attempts x WHERE x.webhook_id = w.id)
            """;

    /** What the fan-out needs of every webhook. */
    public record Target(long id, String owner, WebhookScope scope) {}

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String owner, String url, WebhookScope scope, String secretSealed, String secretHint, LocalDateTime now) {
        return jdbc.sql("""
                        INSERT INTO webhooks (owner, url, scope, secret_sealed, secret_hint, created_at)
                        VALUES (:owner, :url, :scope, :sealed, :hint, :now)
                        RETURNING id""")
                .param("owner", owner)
                .param("url", url)
                .param("scope", scope.key())
                .param("sealed", secretSealed)
                .param("hint", secretHint)
                .param("now", now)
                .query(Long.class)
                .single();
    }

    public Optional<Webhook> find(long id) {
        return jdbc.sql(SELECT + "WHERE w.id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** Every webhook (admins), or only one owner's, oldest first. */
    public List<Webhook> list(String ownerOrNull) {
        return jdbc.sql(SELECT + "WHERE (CAST(:owner AS VARCHAR) IS NULL OR w.owner = :owner) ORDER BY w.id")
                .param("owner", ownerOrNull)
                .query(this::row)
                .list();
    }

    /** The webhooks that receive changes: those of users still enabled (a disabled user's stop, as their sessions). */
    public List<Target> targets() {
        return jdbc.sql("""
                        SELECT w.id, w.owner, w.scope FROM webhooks w
                        WHERE EXISTS (SELECT 1 FROM app_users u WHERE u.username = w.owner AND u.enabled)
                        ORDER BY w.id""")
                .query((rs, n) -> new Target(
                        rs.getLong("id"),
                        rs.getString("owner"),
                        WebhookScope.fromKey(rs.getString("scope")).orElseThrow()))
                .list();
    }

    /** Deletes the webhook with its deliveries and their log (no cascades: DuckDB has none). */
    public boolean delete(long id) {
        jdbc.sql("DELETE FROM webhook_attempts WHERE webhook_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM webhook_deliveries WHERE webhook_id = :id")
                .param("id", id)
                .update();
        return jdbc.sql("DELETE FROM webhooks WHERE id = :id").param("id", id).update() == 1;
    }

    private Webhook row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        int status = rs.getInt("status_code");
        String last = outcome == null ? null : rs.wasNull() ? outcome : outcome + " (HTTP " + status + ")";
        return new Webhook(
                rs.getLong("id"),
                rs.getString("owner"),
                rs.getString("url"),
                WebhookScope.fromKey(rs.getString("scope")).orElseThrow(),
                rs.getString("secret_hint"),
                rs.getTimestamp("created_at").toLocalDateTime(),
                last);
    }
}
