package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    void the_checkpoint_folds_the_write_ahead_log_into_the_file() throws Exception {
        jdbc.sql("INSERT INTO app_settings (name, value) VALUES ('checkpoint.test', 'x') ON CONFLICT DO UPDATE SET value = 'y'")
                .update();
        assertThat(walBytes()).isPositive();
        checkpoint.checkpoint();
        assertThat(walBytes()).isZero();
    }
}
