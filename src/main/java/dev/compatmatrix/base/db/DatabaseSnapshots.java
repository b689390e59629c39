package dev.compatmatrix.base.db;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole database as a folder: DuckDB's {@code EXPORT DATABASE} (schema, data as Parquet, load script) and
 * {@code IMPORT DATABASE}. The paths are the caller's (configured folder + timestamp), never user input; the
 * statements take no parameters.
 */
@Component
@ConditionalOnDatabase(DatabaseKind.DUCKDB)
public class DatabaseSnapshots implements DatabaseBackups {

    private final JdbcClient jdbc;

    /** Takes the DataSource, not the JdbcClient bean: that one waits for the migrations a restore runs before. */
    public DatabaseSnapshots(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The console takes DuckDB's backups itself. */
    @Override
    public Optional<OwnTools> ownTools() {
        return Optional.empty();
    }

    /** One consistent snapshot into {@code folder}, taken while the console keeps running. */
    @Override
    public void exportTo(Path folder) {
        jdbc.sql("EXPORT DATABASE " + quoted(folder) + " (FORMAT parquet)").update();
    }

    /** Loads a snapshot (schema, data, migration history) into this database. */
    @Override
    public void importFrom(Path folder) {
        jdbc.sql("IMPORT DATABASE " + quoted(folder)).update();
    }

    /** How many tables the database has: 0 for a new file. */
    @Override
    public long tableCount() {
        return jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'")
                .query(Long.class)
                .single();
    }

    private static String quoted(Path folder) {
        return "'" + folder.toString().replace("'", "''") + "'";
    }
}
