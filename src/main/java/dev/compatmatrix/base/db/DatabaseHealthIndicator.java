package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health component "database": which database the console runs on (the DuckDB file, or the PostgreSQL server,
 * database and user — never the password) and whether it answers. The readiness group includes it, so a node whose
 * database does not answer leaves the load balancer's rotation (application.properties).
 */
@Component
public class DatabaseHealthIndicator implements HealthIndicator {

    private static final int ANSWER_SECONDS = 2;

    private final DataSource dataSource;
    private final DatabaseProperties database;

    public DatabaseHealthIndicator(DataSource dataSource, DatabaseProperties database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try (Connection connection = dataSource.getConnection()) {
            health = connection.isValid(ANSWER_SECONDS)
                    ? Health.up()
                    : Health.down().withDetail("error", "no answer");
        } catch (SQLException | RuntimeException e) {
            health = Health.down().withDetail("error", String.valueOf(e.getMessage()));
        }
        return describe(health).build();
    }

    private Health.Builder describe(Health.Builder health) {
        if (database.kind() == DatabaseKind.DUCKDB) {
            return health.withDetail("database", "DuckDB")
                    .withDetail(
                            "file",
                            java.nio.file.Path.of(database.path())
                                    .toAbsolutePath()
                                    .normalize()
                                    .toString());
        }
        PostgresUrl url = PostgresUrl.parse(database.url());
        return health.withDetail("database", "PostgreSQL")
                .withDetail("server", url.describe())
                .withDetail("user", database.username());
    }
}
