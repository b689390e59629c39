package dev.compatmatrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh DuckDB file paths in new temporary folders (the file itself is created by the application). */
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
}
