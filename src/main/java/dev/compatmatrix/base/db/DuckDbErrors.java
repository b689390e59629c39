package dev.compatmatrix.base.db;

import java.sql.SQLException;

/** Reading DuckDB's errors, which come without SQL states. */
public final class DuckDbErrors {

    private DuckDbErrors() {}

    /** Two transactions wrote the same row ("TransactionContext Error: Conflict on update!"). */
    public static boolean isWriteWriteConflict(Throwable e) {
        return anyMessage(e, "Conflict on update", "write-write conflict");
    }

    /**
     * A row with the same unique key was written first — by a concurrent transaction when the caller had
     * checked that none existed ("Duplicate key … violates unique constraint").
     */
    public static boolean isDuplicateKey(Throwable e) {
        return anyMessage(e, "violates unique constraint", "violates primary key constraint");
    }

    private static boolean anyMessage(Throwable e, String... fragments) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                for (String fragment : fragments) {
                    if (t.getMessage().contains(fragment)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
