package dev.compatmatrix.admin.backup;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.DatabaseBackups;
import dev.compatmatrix.base.db.OwnerOnly;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Backups of the whole database: DuckDB's {@code EXPORT DATABASE} (schema, data as Parquet, load script) into
 * a folder per backup under the configured directory — one consistent snapshot, taken while the console keeps
 * running. Restore is {@link RestoreOnStartup}. Admins take, list and download backups; a nightly backup is
 * configurable ({@code compat.backup.cron}). A database backed up by its own tools (PostgreSQL) gets no backups from
 * the console: admins see those tools' commands for it ({@link #ownTools()}).
 */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
public class BackupService {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'backup-'yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private final DatabaseBackups snapshots;
    private final AuditLog audit;
    private final Clock clock;
    private final Path directory;

    public BackupService(
            DatabaseBackups snapshots,
            AuditLog audit,
            Clock clock,
            @Value("${compat.backup.dir:./data/backups}") String directory) {
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
        this.directory = Path.of(directory).toAbsolutePath().normalize();
    }

    /** A backup folder with its size. */
    public record Backup(String name, long bytes) {}

    /** How this database is backed up with its own tools, when the console does not take its backups. */
    public Optional<DatabaseBackups.OwnTools> ownTools() {
        return snapshots.ownTools();
    }

    /** Takes a backup now; returns it. */
    public Backup backupNow() {
        return backup(Actor.name());
    }

    private Backup backup(String actor) {
        snapshots.ownTools().ifPresent(tools -> {
            throw new IllegalStateException("The console takes no backups of a " + tools.database()
                    + " database; back it up with: " + tools.backup());
        });
        LocalDateTime now = LocalDateTime.now(clock);
        Path target = directory.resolve(NAME.format(now));
        if (Files.exists(target)) {
            throw new IllegalStateException("A backup named " + target.getFileName() + " exists already; try again");
        }
        try {
            // Backups hold password and token hashes: the folders are made 0700 before DuckDB writes into them.
            OwnerOnly.createFolders(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup folder " + target, e);
        }
        snapshots.exportTo(target);
        OwnerOnly.restrict(target);
        Backup backup = new Backup(target.getFileName().toString(), size(target));
        audit.record(
                actor,
                "backup.create",
                "database",
                backup.name(),
                "Backup " + backup.name() + " (" + backup.bytes() / 1024 + " kB)",
                null,
                Map.of("folder", target.toString()),
                now);
        return backup;
    }

    /** The backups in the folder, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(directory)) {
            return folders.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("backup-"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .map(p -> new Backup(p.getFileName().toString(), size(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one backup folder as a zip; the name must be one {@link #list()} returns. */
    public void download(String name, OutputStream out) throws IOException {
        Path folder = list().stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .map(b -> directory.resolve(b.name()))
                .orElseThrow(() -> new IllegalArgumentException("No backup named " + name));
        try (ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(
                        name + "/" + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
