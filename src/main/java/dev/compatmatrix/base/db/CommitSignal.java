package dev.compatmatrix.base.db;

import java.util.function.LongConsumer;

/**
 * Tells every application node that a transaction committed a change, by a number (the matrix uses its change id):
 * in process on DuckDB, by PostgreSQL's {@code NOTIFY} on PostgreSQL, which the database delivers at commit, in
 * commit order, and never for a rollback. Listeners run on one background thread per node, never in the writer's
 * thread, so a slow listener never slows a write.
 */
public interface CommitSignal {

    /** What listeners get when signals may have been missed (a lost connection): assume anything changed. */
    long ANYTHING = -1;

    /** Signals {@code value} once the caller's transaction commits. Needs an active transaction. */
    void send(long value);

    /** Calls {@code listener} with each value signalled by any node from now on. */
    Subscription listen(LongConsumer listener);

    /** Ends a {@link #listen}. */
    interface Subscription {
        void cancel();
    }
}
