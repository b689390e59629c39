package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class CheckpointOnShutdownTest extends WritingIntegrationTest {

    @Autowired
    CheckpointOnShutdown checkpoint;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseProperties database;

    private long walBytes() throws Exception {
        Path wal = Path.of(database.path() + ".wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    @Test
    void the_checkpoint_folds_the_write_ahead_log_into_the_file(CapturedOutput output) throws Exception {
        jdbc.sql(
                        "INSERT INTO app_settings (name, value) VALUES ('checkpoint.test', 'x') ON CONFLICT DO UPDATE SET value = 'y'")
                .update();
        assertThat(walBytes()).isPositive();
        checkpoint.checkpoint();
        assertThat(walBytes()).isZero();
        assertThat(output)
                .contains("DuckDB checkpoint written at shutdown")
                .doesNotContain("checkpoint at shutdown failed");
    }
}
