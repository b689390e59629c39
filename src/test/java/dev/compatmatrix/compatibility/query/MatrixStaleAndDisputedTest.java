package dev.compatmatrix.compatibility.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.validation.query.DisputedClaim;
import dev.compatmatrix.validation.query.StaleValidation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The matrix's page rows restate the stale and disputed rules as joins (for speed); over a synthetic data set with
 * every kind of validation trail they mark exactly the claims the shared conditions mark.
 */
class MatrixStaleAndDisputedTest {

    @TempDir
    Path folder;

    @Test
    void page_rows_mark_the_same_claims_stale_and_disputed_as_the_shared_conditions() {
        String file = folder.resolve("s.duckdb").toString();
        SyntheticDatabaseGenerator.generate(file, 600);
        var dataSource = new SingleConnectionDataSource(DatabaseConfig.jdbcUrl(file), true);
        dataSource.setConnectionProperties(DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "512MB", 1)));
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            var query = new MatrixQuery(jdbc, Clock.systemUTC(), 180);
            Set<String> staleByCondition = cells(jdbc, query, StaleValidation.CONDITION);
            Set<String> disputedByCondition = cells(jdbc, query, DisputedClaim.CONDITION);
            // Both kinds of stale (old, and re-run on another runtime after approval) and disputes are present.
            assertThat(staleByCondition).hasSizeGreaterThan(20);
            assertThat(disputedByCondition).hasSizeGreaterThan(20);

            List<Integer> ids = jdbc.sql("SELECT model_id FROM models ORDER BY model_id").query(Integer.class).list();
            Set<String> stale = new HashSet<>();
            Set<String> disputed = new HashSet<>();
            for (int from = 0; from < ids.size(); from += 50) { // pages, as the grid asks for them
                for (MatrixRow row : query.rows(ids.subList(from, Math.min(ids.size(), from + 50)))) {
                    row.cells().forEach((platform, cell) -> {
                        if (cell.stale()) {
                            stale.add(row.modelId() + "/" + platform.key());
                        }
                        if (cell.disputed()) {
                            disputed.add(row.modelId() + "/" + platform.key());
                        }
                    });
                }
            }
            assertThat(stale).isEqualTo(staleByCondition);
            assertThat(disputed).isEqualTo(disputedByCondition);
        } finally {
            dataSource.destroy();
        }
    }

    private static Set<String> cells(JdbcClient jdbc, MatrixQuery query, String condition) {
        return new HashSet<>(jdbc.sql("""
                        SELECT c.model_id || '/' || d.hardware_type
                        FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        WHERE
                        """ + condition)
                .param("staleBefore", query.staleBefore()).query(String.class).list());
    }
}
