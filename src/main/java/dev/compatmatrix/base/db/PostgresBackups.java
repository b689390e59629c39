package dev.compatmatrix.base.db;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's backups belong to PostgreSQL's own tools (pg_dump, pg_restore, or the managed service's snapshots):
 * the console takes none and restores none, and gives the commands for this database instead — host, port, database
 * and user from the configuration, never the password.
 */
@Component
@ConditionalOnDatabase(DatabaseKind.POSTGRESQL)
public class PostgresBackups implements DatabaseBackups {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:@%+=/-]+");
    private static final String NOT_BY_THE_CONSOLE =
            "The console does not back up or restore a PostgreSQL database: use pg_dump and pg_restore (the Backups"
                    + " screen shows the commands for this database)";

    private final OwnTools tools;

    public PostgresBackups(DatabaseProperties database) {
        this.tools = toolsFor(PostgresUrl.parse(database.url()), database.username());
    }

    static OwnTools toolsFor(PostgresUrl url, String username) {
        String server = "--host=" + quoted(url.hosts()) + " --port=" + quoted(url.ports())
                + (username.isBlank() ? "" : " --username=" + quoted(username));
        String file = quoted(url.database()) + "-$(date -u +%Y%m%d-%H%M%S).dump";
        String restored = quoted(url.database() + "_restored");
        return new OwnTools(
                "PostgreSQL",
                "pg_dump " + server + " --dbname=" + quoted(url.database()) + " --format=custom --file=" + file,
                "createdb " + server + " " + restored + "\n"
                        + "pg_restore " + server + " --dbname=" + restored
                        + " --no-owner --exit-on-error --single-transaction <the .dump file>",
                "PGPASSWORD or ~/.pgpass (the console never shows it)");
    }

    /** A value as one shell word: as it is when plain, else in single quotes. */
    private static String quoted(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    @Override
    public Optional<OwnTools> ownTools() {
        return Optional.of(tools);
    }

    @Override
    public void exportTo(Path folder) {
        throw new IllegalStateException(NOT_BY_THE_CONSOLE);
    }

    @Override
    public void importFrom(Path folder) {
        throw new IllegalStateException(NOT_BY_THE_CONSOLE);
    }

    @Override
    public long tableCount() {
        throw new IllegalStateException(NOT_BY_THE_CONSOLE);
    }
}
