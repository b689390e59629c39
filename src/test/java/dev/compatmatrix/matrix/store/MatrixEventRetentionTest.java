package dev.compatmatrix.matrix.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MatrixEventRetentionTest extends WritingIntegrationTest {

    @Autowired
    MatrixEventRetention retention;

    @Autowired
    MatrixWriter writer;

    @Autowired
    JdbcClient jdbc;

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

        assertThat(retention.deleteBefore(cutoff)).as("not yet fanned out").isZero();
        jdbc.sql("UPDATE matrix_events SET fanned_out = true").update();
        assertThat(retention.deleteBefore(cutoff)).isPositive();

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
