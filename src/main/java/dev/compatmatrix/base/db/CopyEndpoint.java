package dev.compatmatrix.base.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One side of a {@link DatabaseCopy}: a DuckDB file (a path, or {@code jdbc:duckdb:<path>}) or a PostgreSQL database
 * ({@code jdbc:postgresql://host:port/db}, user and password given apart).
 *
 * @param location    the DuckDB file or the PostgreSQL JDBC URL
 * @param username    the PostgreSQL user (ignored for DuckDB)
 * @param password    the PostgreSQL password (ignored for DuckDB; never printed)
 * @param memoryLimit DuckDB's memory limit while copying, e.g. {@code 2GB}
 */
public record CopyEndpoint(String location, String username, String password, String memoryLimit) {

    public CopyEndpoint {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("No database given");
        }
        location = location.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        memoryLimit = memoryLimit == null || memoryLimit.isBlank() ? "2GB" : memoryLimit;
    }

    public DatabaseKind kind() {
        return DatabaseKind.isPostgresUrl(location) ? DatabaseKind.POSTGRESQL : DatabaseKind.DUCKDB;
    }

    /** The DuckDB file, absolute. */
    Path file() {
        return Path.of(location.startsWith("jdbc:duckdb:") ? location.substring("jdbc:duckdb:".length()) : location)
                .toAbsolutePath()
                .normalize();
    }

    /** What to call this database in messages: the file, or the URL without its parameters (which may hold a password). */
    public String describe() {
        if (kind() == DatabaseKind.DUCKDB) {
            return "DuckDB file " + file();
        }
        int parameters = location.indexOf('?');
        return "PostgreSQL " + (parameters < 0 ? location : location.substring(0, parameters));
    }

    /** Whether this names a DuckDB file that does not exist yet. */
    boolean isMissingFile() {
        return kind() == DatabaseKind.DUCKDB && !Files.exists(file());
    }

    /**
     * A connection in auto-commit mode, times in UTC. {@code streaming}: DuckDB hands out rows in chunks as they are
     * read instead of a whole table held in memory first (but a result closed before its end interrupts the
     * transaction, so only for the reading side).
     */
    Connection open(boolean streaming) throws SQLException {
        Connection connection;
        if (kind() == DatabaseKind.POSTGRESQL) {
            Properties properties = new Properties();
            if (!username.isBlank()) {
                properties.setProperty("user", username);
            }
            if (!password.isEmpty()) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", "compat-matrix-console copy");
            connection = DriverManager.getConnection(location, properties);
        } else {
            Properties options =
                    DatabaseConfig.connectionOptions(new DatabaseProperties(file().toString(), 2, memoryLimit, 1));
            options.setProperty("jdbc_stream_results", Boolean.toString(streaming));
            connection = DriverManager.getConnection(DatabaseConfig.jdbcUrl(file().toString()), options);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(kind() == DatabaseKind.POSTGRESQL ? "SET TIME ZONE 'UTC'" : "SET TimeZone = 'UTC'");
        }
        return connection;
    }
}
