package dev.compatmatrix.base.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Backups of the whole database as this database takes them: by the console into a folder (DuckDB's
 * {@link DatabaseSnapshots}), or by the database's own tools ({@link PostgresBackups}), whose commands for this
 * database it then gives instead.
 */
public interface DatabaseBackups {

    /** The database's own backup and restore commands when the console does not take its backups; empty when it does. */
    Optional<OwnTools> ownTools();

    /** One consistent snapshot of the whole database into {@code folder}, taken while the console keeps running. */
    void exportTo(Path folder);

    /** Loads a snapshot (schema, data, migration history) into this database. */
    void importFrom(Path folder);

    /** How many tables the database has: 0 for a new one. */
    long tableCount();

    /**
     * How this database is backed up and restored with its own tools; never a password.
     *
     * @param database the database's product name, e.g. PostgreSQL
     * @param backup   the command that writes a backup file
     * @param restore  the commands that restore that file into a new, empty database
     * @param password where the tools take the password from
     */
    record OwnTools(String database, String backup, String restore, String password) {}
}
