package dev.compatmatrix.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the DuckDB file lies and how much of the machine DuckDB may use.
 *
 * @param path        the database file; its folder is created when missing
 * @param threads     DuckDB worker threads (DuckDB would take every core)
 * @param memoryLimit DuckDB memory limit, e.g. {@code 1GB} (DuckDB would take 80 % of RAM)
 * @param poolSize    JDBC connections; they share one DuckDB instance inside this JVM
 */
@ConfigurationProperties("compat.db")
public record DatabaseProperties(String path, int threads, String memoryLimit, int poolSize) {

    public DatabaseProperties {
        if (path == null || path.isBlank()) {
            path = "./data/compat-matrix.duckdb";
        }
        threads = threads > 0 ? threads : 2;
        memoryLimit = memoryLimit == null || memoryLimit.isBlank() ? "1GB" : memoryLimit;
        poolSize = poolSize > 0 ? poolSize : 4;
    }
}
