package dev.compatmatrix.admin.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.Application;
import dev.compatmatrix.TestDatabases;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.base.db.DatabaseSnapshots;
import dev.compatmatrix.matrix.Roles;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

public class BackupAndRestoreTest extends WritingIntegrationTest {

    /** Queries whose results must be identical after a restore. */
    public static final List<String> SAME_AFTER_RESTORE = List.of(
            "SELECT * FROM models ORDER BY model_id",
            "SELECT * FROM cross_platform_compatibility ORDER BY id",
            "SELECT * FROM compatibility_details ORDER BY id",
            "SELECT * FROM compatibility_history ORDER BY id",
            "SELECT * FROM validation_reviews ORDER BY id",
            "SELECT * FROM performance_results ORDER BY id",
            "SELECT username, password_hash, enabled FROM app_users ORDER BY user_id");

    @Autowired
    BackupService backups;

    @org.springframework.beans.factory.annotation.Value("${compat.backup.dir}")
    Path backupDir;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void a_backup_restored_into_an_empty_database_answers_every_query_the_same() throws Exception {
        signIn("admin", Roles.ADMIN);
        var backup = backups.backupNow();
        Path folder = backupDir.resolve(backup.name());
        assertThat(folder.resolve("schema.sql")).exists();
        assertThat(folder.resolve("load.sql")).exists();
        assertThat(backups.list()).extracting(BackupService.Backup::name).contains(backup.name());
        Map<String, List<Map<String, Object>>> before = new java.util.LinkedHashMap<>();
        SAME_AFTER_RESTORE.forEach(sql -> before.put(sql, jdbc.sql(sql).query().listOfRows()));

        Path restored = TestDatabases.newFile("restored");
        // Command-line arguments: they win over application.properties (builder properties would not).
        try (var app = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--compat.db.path=" + restored,
                        "--compat.restore.from=" + folder,
                        "--compat.demo.enabled=false",
                        "--compat.backup.dir=" + backupDir)) {
            JdbcClient restoredDb = app.getBean(JdbcClient.class);
            for (String sql : SAME_AFTER_RESTORE) {
                assertThat(restoredDb.sql(sql).query().listOfRows()).as(sql).isEqualTo(before.get(sql));
            }
            // Sequences continue after the restored ids, so new rows do not collide.
            long next = restoredDb
                    .sql("SELECT nextval('compatibility_history_seq')")
                    .query(Long.class)
                    .single();
            long max = restoredDb
                    .sql("SELECT max(id) FROM compatibility_history")
                    .query(Long.class)
                    .single();
            assertThat(next).isGreaterThan(max);
        }
    }

    @Test
    void a_backup_downloads_as_a_zip_and_restore_never_overwrites_a_database() throws Exception {
        signIn("admin", Roles.ADMIN);
        var backup = backups.backupNow();
        var zip = new ByteArrayOutputStream();
        backups.download(backup.name(), zip);
        try (var entries = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            List<String> names = new java.util.ArrayList<>();
            for (var e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                names.add(e.getName());
            }
            assertThat(names).contains(backup.name() + "/schema.sql", backup.name() + "/load.sql");
        }
        assertThatThrownBy(() -> backups.download("../etc", new ByteArrayOutputStream()))
                .hasMessageContaining("No backup");

        var restoreInto = new RestoreOnStartup(
                new DatabaseSnapshots(dataSource),
                backupDir.resolve(backup.name()).toString());
        assertThatThrownBy(() -> restoreInto.migrate(null)).hasMessageContaining("Refusing to restore");
    }

    @Test
    void only_admins_take_backups() {
        signIn("editor", Roles.EDITOR);
        assertThatThrownBy(() -> backups.backupNow()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> backups.list()).isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    NightlyBackup nightly;

    @Test
    void the_nightly_backup_runs_as_the_scheduler_while_the_service_admits_admins_only() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        nightly.run();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'backup.create' AND actor = 'scheduler'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication())
                .as("the scheduler's identity does not stay on the thread")
                .isNull();
    }
}
