package dev.compatmatrix.base.db;

import java.sql.SQLException;

/** Reading DuckDB's errors, which come without SQL states. */
public final class DuckDbErrors {

    private DuckDbErrors() {
    }

    /** Two transactions wrote the same row ("TransactionContext Error: Conflict on update!"). */
    public static boolean isWriteWriteConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null
                    && (t.getMessage().contains("Conflict on update") || t.getMessage().contains("write-write conflict"))) {
                return true;
            }
        }
        return false;
    }
}
