package dev.compatmatrix.e2e;

import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.browser.AppProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The production jar started once per test run on a fresh demo database (demo data and demo users), shared by every
 * browser test class and stopped when the run ends. Its folder (log, database, downloads) is under
 * {@code target/browser-tests}.
 */
final class TestApp implements AutoCloseable {

    private static final String DATABASE = "compat.duckdb";

    final AppProcess process;
    final Path folder;

    private TestApp(AppProcess process, Path folder) {
        this.process = process;
        this.folder = folder;
    }

    static TestApp start() {
        try {
            Path work = Path.of(System.getProperty("compat.browser.work", "target/browser-tests"));
            Files.createDirectories(work);
            return startIn(Files.createTempDirectory(work.toAbsolutePath(), "run-"), "app.log");
        } catch (IOException e) {
            throw new IllegalStateException("Starting the application failed", e);
        }
    }

    /**
     * A separate application whose demo database was then changed by {@code statements} while it was stopped, as a
     * database written by an older version holds rows today's rules refuse; it runs on that file after a restart.
     */
    static TestApp startWithRowsChanged(List<String> statements) {
        TestApp first = start();
        try {
            first.close();
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + first.folder.resolve(DATABASE));
                    Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return startIn(first.folder, "app-restarted.log");
        } catch (SQLException e) {
            throw new IllegalStateException("Changing the test database failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A browser step that may fail. */
    interface BrowserSteps {
        void run(Browser browser);
    }

    /**
     * Runs {@code steps} in a browser of its own on a separate app started with {@code statements} applied (see
     * {@link #startWithRowsChanged}), then closes both; a failure leaves the browser's screenshot and page source under
     * {@code test}'s name.
     */
    static void inBrowserWithRowsChanged(String test, List<String> statements, BrowserSteps steps) {
        TestApp app = startWithRowsChanged(statements);
        Browser browser = new Browser(app, 1);
        try {
            steps.run(browser);
            browser.close();
        } catch (AssertionError | RuntimeException e) {
            browser.saveFailure(BrowserExtension.FAILURES, test);
            browser.close();
            throw e;
        } finally {
            try {
                app.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static TestApp startIn(Path folder, String logName) {
        Path jar = Path.of(System.getProperty("compat.browser.jar", "target/compat-matrix-console-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No application jar at " + jar.toAbsolutePath()
                    + ": the browser tests run against the production jar (./mvnw -Pproduction verify)");
        }
        try {
            Path log = folder.resolve(logName);
            Map<String, String> environment = new java.util.HashMap<>(Map.of(
                    "COMPAT_DB_PATH",
                    folder.resolve(DATABASE).toString(),
                    "COMPAT_DEMO_ENABLED",
                    "true",
                    "COMPAT_BACKUP_DIR",
                    folder.resolve("backups").toString(),
                    // Webhooks to receivers inside the test (WebhooksBrowserIT)
                    "COMPAT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES",
                    "true"));
            if (PostgresTestServer.requested()) {
                environment.put("COMPAT_DB_URL", PostgresTestServer.shared().newDatabase("browser"));
                environment.put("COMPAT_DB_USERNAME", PostgresTestServer.USER);
                environment.put("COMPAT_DB_PASSWORD", PostgresTestServer.PASSWORD);
            }
            AppProcess process = AppProcess.start(jar, environment, log, Duration.ofMinutes(3));
            System.out.println("Browser tests: the application runs at " + process.url("/") + " on "
                    + environment.getOrDefault("COMPAT_DB_URL", "DuckDB") + " in " + folder
                    + " (started in " + process.startUpTime().toMillis() + " ms; log " + log + ")");
            return new TestApp(process, folder);
        } catch (IOException e) {
            throw new IllegalStateException("Starting the application failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return process.url(path);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
