package dev.compatmatrix.base.db;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console jar as a copy tool instead of a server, when started with {@code --compat.copy.from=…} and
 * {@code --compat.copy.to=…} (README, "Moving between DuckDB and PostgreSQL"). Each names a DuckDB file or a
 * {@code jdbc:postgresql://…} URL; the PostgreSQL user and password come from {@code COMPAT_DB_USERNAME} and
 * {@code COMPAT_DB_PASSWORD} (or {@code --compat.db.username=}/{@code --compat.db.password=}), DuckDB's memory limit
 * from {@code COMPAT_DB_MEMORY_LIMIT}. No web server starts.
 */
public final class DatabaseCopyCommand {

    private static final String FROM = "compat.copy.from";
    private static final String TO = "compat.copy.to";

    private DatabaseCopyCommand() {}

    /** Whether the arguments ask for a copy rather than the console. */
    public static boolean requested(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--compat.copy."));
    }

    /** Runs the copy the arguments describe; the process's exit code: 0 copied, 1 refused or failed, 2 usage. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        if (!options.containsKey(FROM) || !options.containsKey(TO)) {
            err.println("Usage: java -jar console.jar --compat.copy.from=<DuckDB file | jdbc:postgresql://host:port/db>"
                    + " --compat.copy.to=<an empty database, the same forms>");
            err.println("PostgreSQL credentials: COMPAT_DB_USERNAME and COMPAT_DB_PASSWORD.");
            return 2;
        }
        quietLogging();
        String username = options.getOrDefault("compat.db.username", environment.get("COMPAT_DB_USERNAME"));
        String password = options.getOrDefault("compat.db.password", environment.get("COMPAT_DB_PASSWORD"));
        String memory = options.getOrDefault("compat.db.memory-limit", environment.get("COMPAT_DB_MEMORY_LIMIT"));
        try {
            CopyEndpoint from = new CopyEndpoint(options.get(FROM), username, password, memory);
            CopyEndpoint to = new CopyEndpoint(options.get(TO), username, password, memory);
            out.println("Copying " + from.describe() + " to " + to.describe());
            DatabaseCopy.Result result = DatabaseCopy.copy(from, to, out::println);
            out.printf(
                    Locale.ROOT,
                    "Copied %,d rows in %d tables in %.1f s. Start the console on %s.%n",
                    result.rows(),
                    result.tables().size(),
                    result.millis() / 1000.0,
                    to.describe());
            return 0;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        return options;
    }

    /** Flyway and the drivers log at INFO/DEBUG without Spring's logging set-up; the copy prints its own progress. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
