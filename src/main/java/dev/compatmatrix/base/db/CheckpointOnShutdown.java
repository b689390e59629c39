package dev.compatmatrix.base.db;

import jakarta.annotation.PreDestroy;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On a graceful shutdown (after the web server stopped taking requests, before the pool closes), folds DuckDB's
 * write-ahead log into the database file, so the next start opens a clean file without replaying the log.
 */
@Component
@ConditionalOnDatabase(DatabaseKind.DUCKDB)
public class CheckpointOnShutdown {

    private static final Logger log = LoggerFactory.getLogger(CheckpointOnShutdown.class);

    private final JdbcClient jdbc;

    /** Depends on the DataSource, so Spring destroys this first, while the pool is still open. */
    public CheckpointOnShutdown(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @PreDestroy
    public void checkpoint() {
        try {
            // DuckDB answers CHECKPOINT with a (empty) result set, which an update call refuses after running it.
            jdbc.sql("CHECKPOINT").query().listOfRows();
            log.info("DuckDB checkpoint written at shutdown");
        } catch (RuntimeException e) {
            // The database stays consistent without it (DuckDB replays its log at the next start).
            log.warn("DuckDB checkpoint at shutdown failed: {}", e.getMessage());
        }
    }
}
