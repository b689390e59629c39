package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** V0007's CHECKs keep impossible measurements out of {@code performance_results}. */
class PerformanceResultsSchemaTest {

    private static final String INSERT = """
            INSERT INTO performance_results (model_id, hardware_type, task_type, batch_size, precision,
                throughput_items_per_s, latency_p50_ms, latency_p95_ms, memory_mb, measured_at, source)
            VALUES (:model, :hardware, :task, :batch, :precision, :throughput, :p50, :p95, :memory,
                    CAST(:measuredAt AS TIMESTAMP), :source)""";

    @TempDir
    Path folder;

    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        dataSource = new SingleConnectionDataSource(
                DatabaseConfig.jdbcUrl(folder.resolve("perf.duckdb").toString()), true);
        dataSource.setConnectionProperties(
                DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "256MB", 1)));
        Flyway.configure()
                .dataSource(dataSource)
                .locations(DatabaseKind.DUCKDB.migrationLocations())
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void a_complete_measurement_is_stored_with_an_id_from_the_sequence() {
        insert(valid());
        insert(valid());
        assertThat(jdbc.sql("SELECT id FROM performance_results ORDER BY id")
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 2L);
    }

    @Test
    void optional_metrics_may_be_unknown() {
        Map<String, Object> row = valid();
        row.put("throughput", null);
        row.put("p50", null);
        row.put("p95", null);
        row.put("memory", null);
        insert(row);
        assertThat(jdbc.sql("SELECT count(*) FROM performance_results")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void impossible_values_are_refused() {
        assertRefused("hardware", "tpu");
        assertRefused("precision", "fp64");
        assertRefused("batch", 0);
        assertRefused("throughput", -1.0);
        assertRefused("p95", 9.9); // below p50 = 10
        assertRefused("memory", -1);
        for (String required :
                new String[] {"model", "hardware", "task", "batch", "precision", "measuredAt", "source"}) {
            assertRefused(required, null);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM performance_results")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void assertRefused(String column, Object value) {
        Map<String, Object> row = valid();
        row.put(column, value);
        assertThatThrownBy(() -> insert(row)).as("%s = %s", column, value).isInstanceOf(DataAccessException.class);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", 1);
        row.put("hardware", "cuda");
        row.put("task", "embedding");
        row.put("batch", 32);
        row.put("precision", "fp16");
        row.put("throughput", 240.5);
        row.put("p50", 10.0);
        row.put("p95", 12.5);
        row.put("memory", 1500);
        row.put("measuredAt", "2026-10-20 12:00:00");
        row.put("source", "demo");
        return row;
    }

    private void insert(Map<String, Object> row) {
        jdbc.sql(INSERT).params(row).update();
    }
}
