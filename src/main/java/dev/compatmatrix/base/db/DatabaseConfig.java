package dev.compatmatrix.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database behind a Hikari pool: one embedded DuckDB file, every connection opened with the same options, or a
 * PostgreSQL server (when {@code compat.db.url} names one) in repeatable-read transactions, so that two transactions
 * writing the same row conflict as they do on DuckDB. Flyway takes the shared migrations and the database's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfig {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties props) {
        return pooledDataSource(props);
    }

    @Bean
    FlywayConfigurationCustomizer migrationLocations(DatabaseProperties props) {
        return configuration -> configuration.locations(props.kind().migrationLocations());
    }

    /** The application's pool, also for tools that run outside Spring (the benchmark). */
    public static HikariDataSource pooledDataSource(DatabaseProperties props) {
        if (props.kind() == DatabaseKind.POSTGRESQL) {
            return postgresPool(props);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("duckdb");
        config.setDriverClassName("org.duckdb.DuckDBDriver");
        config.setJdbcUrl(jdbcUrl(props.path()));
        config.setDataSourceProperties(connectionOptions(props));
        config.setMaximumPoolSize(props.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionInitSql("SET TimeZone = 'UTC'");
        HikariDataSource pool = new HikariDataSource(config);
        restrictFiles(props.path());
        return pool;
    }

    private static HikariDataSource postgresPool(DatabaseProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("postgresql");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(props.url());
        config.setUsername(props.username());
        config.setPassword(props.password());
        config.setMaximumPoolSize(props.poolSize());
        config.setMinimumIdle(1);
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        // Statements prepared once per connection, as DuckDB's are reused (ReusedStatements).
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "compat-matrix-console");
        return new HikariDataSource(config);
    }

    /**
     * The database file (opened by now: the pool opens its first connection at once) and its write-ahead log
     * readable by the owner only. DuckDB creates them with the process's umask, refuses a file created empty
     * beforehand, and writes each new log afresh: the folder created 0700 (or the Docker image's umask 077)
     * keeps those away from others.
     */
    static void restrictFiles(String path) {
        Path file = Path.of(path).toAbsolutePath();
        OwnerOnly.restrict(file);
        OwnerOnly.restrict(file.resolveSibling(file.getFileName() + ".wal"));
    }

    /** The JDBC URL for a database file, creating its folder (DuckDB does not) readable by the owner only. */
    public static String jdbcUrl(String path) {
        Path file = Path.of(path).toAbsolutePath();
        try {
            OwnerOnly.createFolders(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + file.getParent(), e);
        }
        return "jdbc:duckdb:" + file;
    }

    /** DuckDB options that every connection must share (DuckDB refuses differing ones on one file). */
    public static Properties connectionOptions(DatabaseProperties props) {
        Properties options = new Properties();
        options.setProperty("threads", Integer.toString(props.threads()));
        options.setProperty("memory_limit", props.memoryLimit());
        options.setProperty("autoinstall_known_extensions", "false");
        options.setProperty("autoload_known_extensions", "false");
        // DuckDB 2.0.0's caching operators (which coalesce a join's small output chunks) raised a fatal internal
        // error, "dict-surviving cache: global dictionary column … changed identity", that invalidates the database;
        // seen while a training replaced the predictions beside readers. Off, a join returns its chunks as they come.
        options.setProperty("enable_caching_operators", "false");
        return options;
    }
}
