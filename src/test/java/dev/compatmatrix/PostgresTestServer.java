package dev.compatmatrix;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for this JVM: a fresh cluster in a temporary folder on a free loopback port, started
 * on first use and removed when the JVM exits; each test context takes a new database on it. Server binaries come
 * from {@code COMPAT_TEST_PG_BIN}, else Debian's PostgreSQL folder, else Maven Central ({@link PostgresBinaries}).
 * PostgreSQL refuses to run as root (CI runs as root), so as root the server runs as Debian's {@code postgres} user, or
 * {@code nobody} without it. A server that cannot start fails every test that needs it, with the reason: never a skip.
 */
public final class PostgresTestServer {

    public static final String USER = "compat";
    public static final String PASSWORD = "compat";

    private static PostgresTestServer shared;
    private static IllegalStateException sharedFailure;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final List<String> asUser;
    private final AtomicInteger databases = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private PostgresTestServer(Path bin) throws IOException, InterruptedException {
        this.bin = bin;
        this.folder = Files.createTempDirectory("compat-pg-");
        this.port = freePort();
        this.asUser = runningAsRoot() ? List.of("runuser", "-u", unprivilegedUser(), "--") : List.of();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-test-server-stop"));
        if (!asUser.isEmpty()) {
            run(List.of("chown", asUser.get(2), folder.toString()));
        }
        Path data = folder.resolve("data");
        // Text sorts by byte, as on DuckDB (collation C); upper and lower case are Unicode's, as DuckDB's ILIKE and
        // lower() fold them (the character type C would fold ASCII only).
        run(command(
                "initdb",
                "-D",
                data.toString(),
                "-U",
                USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--lc-ctype=C.UTF-8",
                "-N"));
        // Durability settings off: a test server that dies takes its throwaway data with it.
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
                + " -c shared_buffers=128MB";
        Path log = folder.resolve("server.log");
        try {
            run(command(
                    "pg_ctl", "-D", data.toString(), "-o", options, "-l", log.toString(), "-w", "-t", "60", "start"));
        } catch (IllegalStateException e) {
            String serverLog = Files.exists(log) ? Files.readString(log) : "(no server log)";
            throw new IllegalStateException(e.getMessage() + "\nServer log:\n" + serverLog, e);
        }
    }

    /**
     * The server of this JVM, started on first use from {@link PostgresBinaries#find()}. When it cannot start, this
     * and every later call throw the reason, so each test on PostgreSQL fails instead of being skipped.
     */
    public static synchronized PostgresTestServer shared() {
        if (shared == null && sharedFailure == null) {
            try {
                shared = launch(PostgresBinaries::find);
            } catch (IllegalStateException e) {
                sharedFailure = e;
            }
        }
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        return shared;
    }

    /** A new server from the programs in {@code bin}; {@link #stop()} ends it (else the JVM's exit does). */
    static PostgresTestServer start(Path bin) {
        return launch(() -> bin);
    }

    private static PostgresTestServer launch(Supplier<Path> binaries) {
        try {
            return new PostgresTestServer(binaries.get());
        } catch (IOException | RuntimeException e) {
            throw cannotStart(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cannotStart(e);
        }
    }

    private static IllegalStateException cannotStart(Exception cause) {
        String reason = "Cannot start the test PostgreSQL server, so the tests on PostgreSQL fail (set"
                + " COMPAT_TEST_PG_BIN to a folder with initdb and pg_ctl, or install Debian's postgresql package): ";
        return new IllegalStateException(reason + cause.getMessage(), cause);
    }

    /** Whether the test run asks for PostgreSQL ({@code -Dcompat.test.database=postgresql}) instead of DuckDB. */
    public static boolean requested() {
        return "postgresql".equalsIgnoreCase(System.getProperty("compat.test.database", ""));
    }

    /** A new, empty database on this server: its JDBC URL. */
    public String newDatabase(String name) {
        String database = name.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        try (var connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database, e);
        }
        return url(database);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Stops the server and removes its folder; again is harmless. */
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            run(command("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // The JVM is ending: the folder goes below either way.
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary folder.
        }
    }

    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("compat-pg-cmd-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile()) // a folder the unprivileged user may enter
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + String.join(" ", command));
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "Failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:"))
                    ? "postgres"
                    : "nobody";
        } catch (IOException e) {
            return "nobody";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
