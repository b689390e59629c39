package dev.compatmatrix.base.db;

import java.sql.SQLException;
import java.util.Set;

/**
 * What a database's error means, on either database: PostgreSQL says it by SQL state, DuckDB (which gives none)
 * only in its message. Each sign belongs to one driver, so both are checked without asking which database runs.
 */
public final class DatabaseErrors {

    /** Serialization failure (a repeatable-read transaction lost a race to a row), deadlock. */
    private static final Set<String> WRITE_WRITE_STATES = Set.of("40001", "40P01");

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String CHECK_FAILED = "CHECK constraint failed";

    private DatabaseErrors() {}

    /** Two transactions wrote the same row ("TransactionContext Error: Conflict on update!" on DuckDB). */
    public static boolean isWriteWriteConflict(Throwable e) {
        return anyState(e, WRITE_WRITE_STATES) || anyMessage(e, "Conflict on update", "write-write conflict");
    }

    /**
     * A row with the same unique key was written first — by a concurrent transaction when the caller had
     * checked that none existed ("Duplicate key … violates unique constraint" on DuckDB).
     */
    public static boolean isDuplicateKey(Throwable e) {
        return anyState(e, Set.of(UNIQUE_VIOLATION))
                || anyMessage(
                        e,
                        "violates unique constraint",
                        "violates primary key constraint",
                        "UNIQUE constraint violation: duplicate key");
    }

    /**
     * Another transaction wrote the same rows first, so this one was refused (a write-write conflict, or a unique
     * key a concurrent transaction took after this one checked it was free): applying the change again is safe.
     */
    public static boolean isConflict(Throwable e) {
        return isWriteWriteConflict(e) || isDuplicateKey(e);
    }

    /** A row broke a CHECK constraint ("CHECK constraint failed" on DuckDB). */
    public static boolean isCheckViolation(Throwable e) {
        return anyState(e, Set.of(CHECK_VIOLATION)) || anyMessage(e, CHECK_FAILED);
    }

    /** The error's message, saying a broken CHECK constraint in DuckDB's words on PostgreSQL too. */
    public static String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return isCheckViolation(e) && !message.contains(CHECK_FAILED) ? CHECK_FAILED + ": " + message : message;
    }

    private static boolean anyState(Throwable e, Set<String> states) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
