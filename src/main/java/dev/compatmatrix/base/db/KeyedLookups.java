package dev.compatmatrix.base.db;

import org.springframework.stereotype.Component;

/**
 * Whether a read that attaches at most one row per row of a large derived table should look it up by key (a lateral
 * subquery) rather than join: PostgreSQL misjudges such derived tables (a CASE in their filter) and may choose a nested
 * loop that scans the joined table for every row; a lookup is one index probe per row whatever the estimate. DuckDB
 * joins by hashing, so a join is right there.
 */
@Component
public class KeyedLookups {

    private final boolean preferred;

    public KeyedLookups(DatabaseProperties database) {
        this.preferred = database.kind() == DatabaseKind.POSTGRESQL;
    }

    public boolean preferred() {
        return preferred;
    }
}
