package dev.compatmatrix.base.db;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL's {@link ClusterLock}: a lock on the never-written table {@code ingest_turns}, SHARE or EXCLUSIVE mode,
 * taken first in the transaction and released at its end (or when the node's connection dies). Not an advisory
 * lock: {@code SELECT pg_advisory_xact_lock(…)} is a query and fixes the REPEATABLE READ snapshot before it waits, so
 * a retry would not see what the transactions it waited for wrote; {@code LOCK TABLE} fixes no snapshot. PostgreSQL
 * queues a later SHARE request behind a waiting EXCLUSIVE one, as the in-process lock is fair.
 */
@Component
@ConditionalOnDatabase(DatabaseKind.POSTGRESQL)
class PostgresClusterLock implements ClusterLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PostgresClusterLock(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public <T> T inTransaction(Hold hold, Supplier<T> work) {
        String mode = hold == Hold.SHARED ? "SHARE" : "EXCLUSIVE";
        return transaction.execute(status -> {
            jdbc.sql("LOCK TABLE ingest_turns IN " + mode + " MODE").update();
            return work.get();
        });
    }
}
