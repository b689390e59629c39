package dev.compatmatrix.matrix.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class MatrixEventRetentionTest extends WritingIntegrationTest {

    @Autowired
    MatrixEventRetention retention;

    @Autowired
    MatrixWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void old_events_go_only_once_the_webhook_outbox_has_taken_them() {
        int model = jdbc.sql("SELECT min(model_id) FROM cross_platform_compatibility")
                .query(Integer.class)
                .single();
        LocalDateTime old = LocalDateTime.of(2020, 1, 1, 0, 0);
        LocalDateTime recent = LocalDateTime.of(2026, 11, 30, 0, 0);
        writer.recordResults(List.of(
                new AutomatedResultRow(model, Platform.CPU, 1, CompatibilityLevel.LOW, "retention-old", "1", old),
                new AutomatedResultRow(model, Platform.CPU, 1, CompatibilityLevel.LOW, "retention-new", "1", recent)));
        LocalDateTime cutoff = LocalDateTime.of(2025, 1, 1, 0, 0);
        // The webhook outbox's fan-out (every second) takes every new event; wait for it, retrying past the conflicts
        // a PostgreSQL reader may meet while it runs.
        Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .ignoreExceptions()
                .until(() -> jdbc.sql("SELECT count(*) FROM matrix_events WHERE NOT fanned_out")
                                .query(Long.class)
                                .single()
                        == 0);

        // An old event the outbox has not taken stays: seen inside a transaction that is then rolled back.
        Integer deletedUntaken = Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .ignoreExceptions()
                .until(
                        () -> transaction.execute(status -> {
                            status.setRollbackOnly();
                            jdbc.sql("UPDATE matrix_events SET fanned_out = false WHERE occurred_at < :cutoff")
                                    .param("cutoff", cutoff)
                                    .update();
                            return retention.deleteBefore(cutoff);
                        }),
                        deleted -> true);
        assertThat(deletedUntaken).as("not yet fanned out").isZero();

        Integer deleted = Awaitility.await()
                .atMost(30, TimeUnit.SECONDS)
                .ignoreExceptions()
                .until(() -> retention.deleteBefore(cutoff), n -> true);
        assertThat(deleted).isPositive();

        assertThat(jdbc.sql("SELECT count(*) FROM matrix_events WHERE occurred_at < :cutoff")
                        .param("cutoff", cutoff)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM matrix_events WHERE occurred_at = :recent")
                        .param("recent", recent)
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
