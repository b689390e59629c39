package dev.compatmatrix.admin.query;

import java.time.LocalDate;

/**
 * Which audit rows to show; null parts match everything.
 *
 * @param actor  exact user name (or API caller, e.g. {@code api:nightly})
 * @param entity exact table name, e.g. {@code compatibility_details}
 */
public record AuditFilter(String actor, String entity, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        entity = entity == null || entity.isBlank() ? null : entity.strip();
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The date range starts after it ends");
        }
    }
}
