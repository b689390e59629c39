package dev.compatmatrix.admin.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A backup holds password and token hashes: on the real file system, its folder and files are the owner's only. */
class BackupFilePermissionsTest extends WritingIntegrationTest {

    @Autowired
    BackupService backups;

    @Value("${compat.backup.dir}")
    Path backupDir;

    @Test
    void a_backup_folder_and_every_file_in_it_are_readable_by_the_owner_only() throws IOException {
        signIn("admin", Roles.ADMIN);

        Path backup = backupDir.resolve(backups.backupNow().name());

        List<Path> files;
        try (Stream<Path> all = Files.walk(backup)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files)
                .hasSizeGreaterThan(5)
                .anyMatch(f -> f.getFileName().toString().equals("load.sql"));
        for (Path file : files) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(mode(backup)).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
