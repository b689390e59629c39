package dev.compatmatrix.base.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The database file and the backups hold password and token hashes: folders the console creates are 0700, its
 * files 0600, whatever the process's umask (on file systems without POSIX permissions nothing is changed).
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates the folder and its missing parents, each readable by the owner only; existing ones stay as they are. */
    public static void createFolders(Path folder) throws IOException {
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(FOLDER);
            Files.createDirectories(folder, ownerOnly);
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Makes a file, or a folder and everything in it, readable by the owner only. */
    public static void restrict(Path path) {
        if (!posix() || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.toList()) {
                Files.setPosixFilePermissions(each, Files.isDirectory(each) ? FOLDER : FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + path + " readable by its owner only", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
