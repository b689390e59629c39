package dev.compatmatrix.base.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole database as a folder: DuckDB's {@code EXPORT DATABASE} (schema, data as Parquet, load script) and
 * {@code IMPORT DATABASE}. The paths are the caller's (configured folder + timestamp), never user input; the
 * statements take no parameters.
 */
@Component
public class DatabaseSnapshots {

    private final JdbcClient jdbc;

    /** Takes the DataSource, not the JdbcClient bean: that one waits for the migrations a restore runs before. */
    public DatabaseSnapshots(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** One consistent snapshot into {@code folder}, taken while the console keeps running. */
    public void exportTo(Path folder) {
        jdbc.sql("EXPORT DATABASE " + quoted(folder) + " (FORMAT parquet)").update();
    }

    /** Loads a snapshot (schema, data, migration history) into this database. */
    public void importFrom(Path folder) {
        jdbc.sql("IMPORT DATABASE " + quoted(folder)).update();
    }

    /** How many tables the database has: 0 for a new file. */
    public long tableCount() {
        return jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'")
                .query(Long.class)
                .single();
    }

    private static String quoted(Path folder) {
        return "'" + folder.toString().replace("'", "''") + "'";
    }
}
