package dev.compatmatrix.base.db;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** DuckDB's {@link ClusterLock}: one process writes a DuckDB file, so a lock in this JVM holds for all. */
@Component
@ConditionalOnDatabase(DatabaseKind.DUCKDB)
class InProcessClusterLock implements ClusterLock {

    private final ReadWriteLock turns = new ReentrantReadWriteLock(true);
    private final TransactionTemplate transaction;

    InProcessClusterLock(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    @Override
    public <T> T inTransaction(Hold hold, Supplier<T> work) {
        Lock turn = hold == Hold.SHARED ? turns.readLock() : turns.writeLock();
        turn.lock();
        try {
            return transaction.execute(status -> work.get());
        } finally {
            turn.unlock();
        }
    }
}
