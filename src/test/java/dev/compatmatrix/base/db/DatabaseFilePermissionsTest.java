package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database holds password and token hashes: on the real file system, only its owner may read it. */
class DatabaseFilePermissionsTest {

    @TempDir
    Path folder;

    @Test
    void a_fresh_database_and_the_folders_created_for_it_are_readable_by_the_owner_only() throws IOException {
        Path file = folder.resolve("new/sub/compat.duckdb");

        try (HikariDataSource pool =
                DatabaseConfig.pooledDataSource(new DatabaseProperties(file.toString(), 1, "256MB", 2))) {
            JdbcClient.create(pool).sql("CREATE TABLE secrets (hash TEXT)").update();
            JdbcClient.create(pool)
                    .sql("INSERT INTO secrets VALUES ('$2a$10$abc')")
                    .update();

            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(folder.resolve("new"))).isEqualTo("rwx------");
            assertThat(mode(folder.resolve("new/sub"))).isEqualTo("rwx------");
        }
    }

    @Test
    void a_database_left_readable_by_everyone_is_made_owner_only_when_opened() throws IOException {
        Path file = folder.resolve("old.duckdb");
        try (HikariDataSource pool =
                DatabaseConfig.pooledDataSource(new DatabaseProperties(file.toString(), 1, "256MB", 2))) {
            JdbcClient.create(pool).sql("CREATE TABLE secrets (hash TEXT)").update();
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (HikariDataSource pool =
                DatabaseConfig.pooledDataSource(new DatabaseProperties(file.toString(), 1, "256MB", 2))) {
            assertThat(mode(file)).isEqualTo("rw-------");
        }
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
