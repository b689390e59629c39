package dev.compatmatrix.base.db;

import java.util.function.Supplier;

/**
 * Turns that every application node takes alike: many holders of the shared side at once, or one holder of the
 * exclusive side, fairly (a waiting exclusive holder goes before later shared ones). Each call runs {@code work} in
 * one new transaction holding the lock. On DuckDB (one process) an in-process lock; on PostgreSQL a lock in the
 * database, released when the transaction ends, also when a node dies.
 */
public interface ClusterLock {

    enum Hold {
        SHARED,
        EXCLUSIVE
    }

    <T> T inTransaction(Hold hold, Supplier<T> work);
}
