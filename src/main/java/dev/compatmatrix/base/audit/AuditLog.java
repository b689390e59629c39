package dev.compatmatrix.base.audit;

import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Appends one audit row per write, inside the writer's transaction: who, when (UTC), what, old → new. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String actor, String action, String entity, Object entityId, String summary,
                       Map<String, ?> oldValue, Map<String, ?> newValue, LocalDateTime when) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, summary, old_value, new_value)
                        VALUES (:when, :actor, :action, :entity, :entityId, :summary, :old, :new)
                        """)
                .param("when", when).param("actor", actor).param("action", action).param("entity", entity)
                .param("entityId", String.valueOf(entityId)).param("summary", summary)
                .param("old", oldValue == null ? null : json.writeValueAsString(oldValue))
                .param("new", newValue == null ? null : json.writeValueAsString(newValue))
                .update();
    }
}
