package dev.compatmatrix.admin.query;

import java.time.LocalDateTime;

/** One audit_log row: who did what to which entity, when (UTC), with the changed fields before and after (JSON). */
public record AuditEntry(
        long id,
        LocalDateTime occurredAt,
        String actor,
        String action,
        String entity,
        String entityId,
        String summary,
        String oldValue,
        String newValue) {}
