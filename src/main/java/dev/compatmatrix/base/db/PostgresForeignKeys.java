package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL schema's foreign keys, taken off while a copy loads every table and put back after it, in the same
 * transaction: putting a key back checks all rows in one join, where a deferred key checks each row at commit
 * (measured: 10,000 models, 0.78 M rows, 8.7 s of a 27 s copy). The definitions are PostgreSQL's own, as the
 * migrations made them.
 */
final class PostgresForeignKeys {

    private PostgresForeignKeys() {}

    /** One foreign key: its table, name and definition. */
    record ForeignKey(String table, String name, String definition) {}

    /** Drops every foreign key of the current schema; returns them, to {@link #add} back. */
    static List<ForeignKey> drop(Connection connection) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY conname""")) {
            while (rs.next()) {
                keys.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : keys) {
                statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + key.name());
            }
        }
        return keys;
    }

    /** Adds the keys back, each checking every row now. */
    static void add(Connection connection, List<ForeignKey> keys) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : keys) {
                statement.execute(
                        "ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " " + key.definition());
            }
        }
    }
}
