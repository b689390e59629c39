package dev.compatmatrix.benchmark;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes for the live-update benchmarks: one automated result of a random cell per transaction, through the matrix
 * writer (so each is one change with its event and commit signal), one writer at a time.
 */
final class OneResultWrites {

    /** A committed write: its change id and when its COMMIT was issued (nanoTime, the end of the transaction's work). */
    record Done(long changeId, long commitNanos) {}

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 12, 0);

    private final MatrixWriter writer;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final List<Integer> models;
    private final String run;
    private final Random random;

    OneResultWrites(ConfigurableApplicationContext app, String run, Random random) {
        this.writer = app.getBean(MatrixWriter.class);
        this.transaction = app.getBean(TransactionTemplate.class);
        this.jdbc = app.getBean(JdbcClient.class);
        this.models = jdbc.sql("SELECT model_id FROM cross_platform_compatibility ORDER BY model_id LIMIT 1000")
                .query(Integer.class)
                .list();
        this.run = run;
        this.random = random;
    }

    Done next() {
        int model = models.get(random.nextInt(models.size()));
        Platform platform = Platform.values()[random.nextInt(Platform.values().length)];
        long committed = transaction.execute(status -> {
            writer.recordResults(
                    List.of(new AutomatedResultRow(model, platform, 1, CompatibilityLevel.LOW, run, "1.0", NOW)));
            return System.nanoTime();
        });
        long changeId = jdbc.sql("SELECT max(change_id) FROM matrix_events")
                .query(Long.class)
                .single();
        return new Done(changeId, committed);
    }
}
