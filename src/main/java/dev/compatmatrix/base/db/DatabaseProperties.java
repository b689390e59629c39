package dev.compatmatrix.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Which database the console runs on: the embedded DuckDB file by default, or the PostgreSQL server that
 * {@code url} names (environment {@code COMPAT_DB_URL}, {@code COMPAT_DB_USERNAME}, {@code COMPAT_DB_PASSWORD}).
 *
 * @param path        the DuckDB file; its folder is created when missing
 * @param threads     DuckDB worker threads (DuckDB would take every core)
 * @param memoryLimit DuckDB memory limit, e.g. {@code 1GB} (DuckDB would take 80 % of RAM)
 * @param poolSize    JDBC connections (on DuckDB they share one instance inside this JVM)
 * @param url         a {@code jdbc:postgresql://host:port/database} URL, or empty for DuckDB
 * @param username    the PostgreSQL user
 * @param password    the PostgreSQL user's password
 */
@ConfigurationProperties("compat.db")
public record DatabaseProperties(
        String path, int threads, String memoryLimit, int poolSize, String url, String username, String password) {

    @ConstructorBinding
    public DatabaseProperties {
        if (path == null || path.isBlank()) {
            path = "./data/compat-matrix.duckdb";
        }
        threads = threads > 0 ? threads : 2;
        memoryLimit = memoryLimit == null || memoryLimit.isBlank() ? "1GB" : memoryLimit;
        poolSize = poolSize > 0 ? poolSize : DatabaseKind.of(url) == DatabaseKind.POSTGRESQL ? 10 : 4;
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** A DuckDB file. */
    public DatabaseProperties(String path, int threads, String memoryLimit, int poolSize) {
        this(path, threads, memoryLimit, poolSize, null, null, null);
    }

    public DatabaseKind kind() {
        return DatabaseKind.of(url);
    }
}
