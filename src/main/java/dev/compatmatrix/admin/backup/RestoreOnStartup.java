package dev.compatmatrix.admin.backup;

import dev.compatmatrix.base.db.DatabaseBackups;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Restore: start the console on an empty database file with {@code compat.restore.from} (environment
 * {@code COMPAT_RESTORE_FROM}) naming a backup folder; before the migrations run, DuckDB's
 * {@code IMPORT DATABASE} loads it (schema, data, migration history), then any newer migrations apply. A
 * database that already has tables is never overwritten: the start fails with a message instead.
 */
@Component
public class RestoreOnStartup implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStartup.class);

    private final DatabaseBackups snapshots;
    private final String restoreFrom;

    public RestoreOnStartup(DatabaseBackups snapshots, @Value("${compat.restore.from:}") String restoreFrom) {
        this.snapshots = snapshots;
        this.restoreFrom = restoreFrom;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!restoreFrom.isBlank()) {
            restore(Path.of(restoreFrom).toAbsolutePath().normalize());
        }
        flyway.migrate();
    }

    private void restore(Path folder) {
        if (!Files.isRegularFile(folder.resolve("schema.sql")) || !Files.isRegularFile(folder.resolve("load.sql"))) {
            throw new IllegalStateException(
                    "compat.restore.from=" + folder + " is not a backup folder (no schema.sql/load.sql)");
        }
        long tables = snapshots.tableCount();
        if (tables > 0) {
            throw new IllegalStateException("Refusing to restore " + folder + " into a database that has " + tables
                    + " tables; point COMPAT_DB_PATH at a new file");
        }
        snapshots.importFrom(folder);
        log.info("Restored the database from {}", folder);
    }
}
