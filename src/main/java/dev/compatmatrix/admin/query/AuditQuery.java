package dev.compatmatrix.admin.query;

import dev.compatmatrix.base.db.SqlTimes;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit log, newest first, filtered by user, entity and date range. */
@Repository
public class AuditQuery {

    private static final String FILTER = """
            FROM audit_log
            WHERE (CAST(:actor AS VARCHAR) IS NULL OR actor = :actor)
              AND (CAST(:entity AS VARCHAR) IS NULL OR entity = :entity)
              AND (CAST(:fromDay AS TIMESTAMP) IS NULL OR occurred_at >= :fromDay)
              AND (CAST(:afterDay AS TIMESTAMP) IS NULL OR occurred_at < :afterDay)
            """;

    private final JdbcClient jdbc;

    public AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return bind(
                        jdbc.sql(
                                "SELECT id, occurred_at, actor, action, entity, entity_id, summary, old_value, new_value "
                                        + FILTER + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset"),
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        SqlTimes.utc(rs.getTimestamp("occurred_at")),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity"),
                        rs.getString("entity_id"),
                        rs.getString("summary"),
                        rs.getString("old_value"),
                        rs.getString("new_value")))
                .list();
    }

    public long count(AuditFilter filter) {
        return bind(jdbc.sql("SELECT count(*) " + FILTER), filter)
                .query(Long.class)
                .single();
    }

    /** The users and entities that occur, for the filter pickers. */
    public List<String> actors() {
        return jdbc.sql("SELECT DISTINCT actor FROM audit_log ORDER BY actor")
                .query(String.class)
                .list();
    }

    public List<String> entities() {
        return jdbc.sql("SELECT DISTINCT entity FROM audit_log ORDER BY entity")
                .query(String.class)
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditFilter filter) {
        return statement
                .param("actor", filter.actor())
                .param("entity", filter.entity())
                .param("fromDay", filter.from() == null ? null : filter.from().atStartOfDay())
                .param(
                        "afterDay",
                        filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay());
    }
}
