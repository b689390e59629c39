package dev.compatmatrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh databases for test contexts: DuckDB file paths in new temporary folders (the file itself is created by the
 * application), or, when the run asks for PostgreSQL ({@code -Dcompat.test.database=postgresql}), new databases on
 * this JVM's throwaway PostgreSQL server.
 */
public final class TestDatabases {

    private TestDatabases() {}

    public static Path newFile(String name) {
        try {
            Path folder = Files.createTempDirectory("compat-" + name + "-");
            folder.toFile().deleteOnExit();
            return folder.resolve(name + ".duckdb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the context at a new PostgreSQL database when the run asks for PostgreSQL; DuckDB otherwise. */
    public static void usePostgresWhenRequested(DynamicPropertyRegistry registry, String name) {
        if (PostgresTestServer.requested()) {
            String url = PostgresTestServer.shared().newDatabase(name);
            registry.add("compat.db.url", () -> url);
            registry.add("compat.db.username", () -> PostgresTestServer.USER);
            registry.add("compat.db.password", () -> PostgresTestServer.PASSWORD);
        }
    }
}
