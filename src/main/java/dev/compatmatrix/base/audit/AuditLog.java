package dev.compatmatrix.base.audit;

import dev.compatmatrix.base.db.TableAppender;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Appends one audit row per write, inside the writer's transaction: who, when (UTC), what, old → new. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TableAppender appender;

    public AuditLog(JdbcClient jdbc, JsonMapper json, TableAppender appender) {
        this.jdbc = jdbc;
        this.json = json;
        this.appender = appender;
    }

    public void record(
            String actor,
            String action,
            String entity,
            Object entityId,
            String summary,
            Map<String, ?> oldValue,
            Map<String, ?> newValue,
            LocalDateTime when) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, summary, old_value, new_value)
                        VALUES (:when, :actor, :action, :entity, :entityId, :summary, :old, :new)
                        """)
                .param("when", when)
                .param("actor", actor)
                .param("action", action)
                .param("entity", entity)
                .param("entityId", String.valueOf(entityId))
                .param("summary", summary)
                .param("old", toJson(oldValue))
                .param("new", toJson(newValue))
                .update();
    }

    /** One write for {@link #recordAll}: what {@link #record} takes besides the actor and the time. */
    public record Entry(
            String action,
            String entity,
            Object entityId,
            String summary,
            Map<String, ?> oldValue,
            Map<String, ?> newValue) {}

    /** {@link #record} for many writes by one actor at one time, through the appender, ids in list order. */
    public void recordAll(String actor, List<Entry> entries, LocalDateTime when) {
        if (entries.size() == 1) { // one row: a plain INSERT costs less than opening an appender
            Entry e = entries.getFirst();
            record(actor, e.action(), e.entity(), e.entityId(), e.summary(), e.oldValue(), e.newValue(), when);
            return;
        }
        // Column order of V0003.
        appender.appendWithIds(
                "audit_log",
                "audit_log_seq",
                entries.stream()
                        .map(e -> new Object[] {
                            when,
                            actor,
                            e.action(),
                            e.entity(),
                            String.valueOf(e.entityId()),
                            e.summary(),
                            toJson(e.oldValue()),
                            toJson(e.newValue())
                        })
                        .toList());
    }

    private String toJson(Map<String, ?> value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
