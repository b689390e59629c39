package dev.compatmatrix.benchmark;

import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Moves the benchmark database between DuckDB versions, to compare them on the same rows (BENCHMARKS.md, "DuckDB
 * version"): a file written by 2.0 does not open in 1.4, and the migrations do not run on 1.4 (V0003 adds columns
 * with constraints). {@code export} writes schema, data (Parquet) and Flyway's history with the DuckDB on the class
 * path; {@code import} creates a new file from that folder with the DuckDB on its class path.
 *
 * <pre>./mvnw -q -Pbenchmark exec:exec@benchmark -Dbenchmark=transfer -Dtransfer.mode=export \
 *     -Dtransfer.from=target/benchmark/matrix-100k-duckdb-v2.0.0.duckdb -Dtransfer.to=target/benchmark/export-100k
 * ./mvnw -q -Pbenchmark -Dduckdb.version=1.4.4.0 test-compile exec:exec@benchmark -Dbenchmark=transfer \
 *     -Dtransfer.mode=import -Dtransfer.from=target/benchmark/export-100k \
 *     -Dtransfer.to=target/benchmark/matrix-100k-duckdb-v1.4.4.duckdb</pre>
 */
public final class DatabaseTransfer {

    private DatabaseTransfer() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 3 || !(args[0].equals("export") || args[0].equals("import"))) {
            throw new IllegalArgumentException(
                    "Usage: export <database file> <new folder> | import <folder> <new database file>");
        }
        boolean export = args[0].equals("export");
        String database = export ? args[1] : args[2];
        String folder = Path.of(export ? args[2] : args[1]).toAbsolutePath().toString();
        if (Files.exists(Path.of(export ? folder : database))) {
            throw new IllegalStateException((export ? folder : database) + " exists already; delete it first");
        }
        var options = DatabaseConfig.connectionOptions(new DatabaseProperties(database, 2, "4GB", 1));
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(DatabaseConfig.jdbcUrl(database), options);
                Statement st = c.createStatement()) {
            if (export) {
                st.execute("EXPORT DATABASE '" + folder + "' (FORMAT parquet)");
            } else {
                st.execute("IMPORT DATABASE '" + folder + "'");
                st.execute("CHECKPOINT");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%sed %s %s %s with DuckDB %s in %.1f s%n",
                    args[0],
                    database,
                    export ? "to" : "from",
                    folder,
                    Bench.duckdbVersion(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
