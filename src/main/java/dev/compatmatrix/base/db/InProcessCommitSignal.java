package dev.compatmatrix.base.db;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** DuckDB's {@link CommitSignal}: one process writes a DuckDB file, so the signal stays in this JVM. */
@Component
@ConditionalOnDatabase(DatabaseKind.DUCKDB)
class InProcessCommitSignal implements CommitSignal, AutoCloseable {

    private final CommitSignalListeners listeners = new CommitSignalListeners();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("commit-signal").daemon(true).factory());

    @Override
    public void send(long value) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliveries.execute(() -> listeners.deliver(value));
            }
        });
    }

    @Override
    public Subscription listen(LongConsumer listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
