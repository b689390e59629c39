package dev.compatmatrix.timetravel;

import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.TestDatabases;
import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.base.db.DatabaseProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A new, empty database outside Spring, of the kind the run asks for ({@code -Dcompat.test.database=postgresql}, else
 * a DuckDB file in a new temporary folder): for loading generated data with the bulk loader and for the properties
 * that pass it to a Spring context.
 */
public record ScratchDatabase(DatabaseKind kind, String location) {

    public static ScratchDatabase create(String name) {
        if (PostgresTestServer.requested()) {
            return new ScratchDatabase(
                    DatabaseKind.POSTGRESQL, PostgresTestServer.shared().newDatabase(name));
        }
        return new ScratchDatabase(
                DatabaseKind.DUCKDB, TestDatabases.newFile(name).toString());
    }

    public Connection open() throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            return DriverManager.getConnection(location, PostgresTestServer.USER, PostgresTestServer.PASSWORD);
        }
        return DriverManager.getConnection(
                DatabaseConfig.jdbcUrl(location),
                DatabaseConfig.connectionOptions(new DatabaseProperties(location, 2, "2GB", 1, null, null, null)));
    }

    /** The application properties that point a context at this database. */
    public Map<String, String> properties() {
        if (kind == DatabaseKind.POSTGRESQL) {
            return Map.of(
                    "compat.db.url", location,
                    "compat.db.username", PostgresTestServer.USER,
                    "compat.db.password", PostgresTestServer.PASSWORD);
        }
        return Map.of("compat.db.path", location);
    }
}
