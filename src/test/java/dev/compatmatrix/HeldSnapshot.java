package dev.compatmatrix;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * The committed database as it was at the last {@link #pin()}, held by an open read transaction on a connection of
 * its own (DuckDB isolates it from later commits; on PostgreSQL a repeatable-read transaction does), so a fingerprint
 * of that moment can still be taken after more requests ran — only when it turns out to be needed. Pinning costs a tiny query; a fingerprint costs one per table.
 */
public final class HeldSnapshot implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement pin;

    private HeldSnapshot(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.pin = connection.prepareStatement("SELECT count(*) FROM flyway_schema_history");
    }

    /** A connection of its own to the application's database instance (not one kept from the application's pool). */
    public static HeldSnapshot of(DataSource dataSource) {
        try (Connection pooled = dataSource.getConnection()) {
            if (!pooled.isWrapperFor(DuckDBConnection.class)) {
                var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
                Connection own =
                        java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                own.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                return new HeldSnapshot(own);
            }
            return new HeldSnapshot(pooled.unwrap(DuckDBConnection.class).duplicate());
        } catch (SQLException e) {
            throw new IllegalStateException("Opening a snapshot connection failed", e);
        }
    }

    /** From now on the snapshot shows the database as it is now. */
    public void pin() {
        try {
            connection.rollback();
            try (ResultSet rows = pin.executeQuery()) {
                rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Pinning the snapshot failed", e);
        }
    }

    /** The single text value the query answers in the snapshot. */
    String single(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the snapshot failed", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Closing the snapshot connection failed", e);
        }
    }
}
