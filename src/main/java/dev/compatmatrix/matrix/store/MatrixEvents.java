package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.CommitSignal;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the writer's changes as {@code matrix_events} rows in the writer's transaction, and signals the transaction's
 * change to every node once it commits ({@link CommitSignal}): one signal per transaction however many rows, so a
 * batch of 1,000 results is one change for every open screen. The rows of a transaction share its change id, the id
 * of its first row.
 */
@Component
public class MatrixEvents {

    /** A change as the writer states it; {@code platform} null: the model itself. */
    public record Event(
            ChangeKind kind,
            int modelId,
            Platform platform,
            CompatibilityLevel previous,
            CompatibilityLevel next,
            String detail,
            String actor,
            LocalDateTime at) {}

    private final MatrixDatabase database;
    private final CommitSignal signal;

    MatrixEvents(MatrixDatabase database, CommitSignal signal) {
        this.database = database;
        this.signal = signal;
    }

    /** Appends the events in the caller's transaction; the first call in a transaction draws its change id. */
    void record(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Long> ids = database.nextIds(MatrixTables.EVENTS.sequence(), events.size());
        long changeId = changeOfThisTransaction(ids.getFirst());
        List<MatrixTables.EventRow> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            rows.add(new MatrixTables.EventRow(ids.get(i), changeId, events.get(i)));
        }
        database.append(MatrixTables.EVENTS, rows);
    }

    private long changeOfThisTransaction(long firstId) {
        Long bound = (Long) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        TransactionSynchronizationManager.bindResource(this, firstId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(MatrixEvents.this);
            }
        });
        signal.send(firstId);
        return firstId;
    }
}
