package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The migrations build the seed's schema on an empty DuckDB file, in a folder that does not exist yet. */
class MigrationTest {

    private static final Map<String, List<String>> SEED_COLUMNS = Map.of(
            "cross_platform_compatibility",
                    List.of(
                            "id",
                            "model_id",
                            "model_type",
                            "model_size",
                            "cuda_support",
                            "rocm_support",
                            "mps_support",
                            "openvino_support",
                            "qualcomm_support",
                            "webnn_support",
                            "webgpu_support",
                            "cpu_support",
                            "recommended_platform",
                            "compatibility_score",
                            "last_updated"),
            "compatibility_details",
                    List.of(
                            "id",
                            "compatibility_id",
                            "hardware_type",
                            "compatibility_level",
                            "limitations",
                            "workarounds",
                            "performance_notes",
                            "validation_status",
                            "validator_id",
                            "validation_date"),
            "compatibility_history",
                    List.of(
                            "id",
                            "model_id",
                            "hardware_type",
                            "previous_status",
                            "new_status",
                            "change_reason",
                            "change_date",
                            "change_version"),
            "hardware_recommendations",
                    List.of(
                            "id",
                            "model_id",
                            "task_type",
                            "batch_size",
                            "recommended_hardware",
                            "fallback_hardware",
                            "recommendation_reason",
                            "performance_ratio",
                            "memory_requirements_mb",
                            "min_compute_units",
                            "generated_at"),
            "validators",
                    List.of(
                            "validator_id",
                            "name",
                            "type",
                            "email",
                            "organization",
                            "verification_level",
                            "created_at"),
            "models",
                    List.of(
                            "model_id",
                            "model_name",
                            "model_family",
                            "model_type",
                            "model_size",
                            "parameters_millions",
                            "source_url",
                            "created_at"));

    @Test
    void migrations_create_every_seed_table_with_its_columns_on_an_empty_file(@TempDir Path folder) {
        String url = DatabaseConfig.jdbcUrl(
                folder.resolve("new/sub/folder/fresh.duckdb").toString());
        var dataSource = new SingleConnectionDataSource(url, true);
        dataSource.setConnectionProperties(
                DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "256MB", 1)));
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(DatabaseKind.DUCKDB.migrationLocations())
                    .load()
                    .migrate();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);

            JdbcClient jdbc = JdbcClient.create(dataSource);
            SEED_COLUMNS.forEach((table, columns) -> assertThat(jdbc.sql("""
                            SELECT column_name FROM information_schema.columns WHERE table_name = :table
                            ORDER BY ordinal_position""")
                            .param("table", table)
                            .query(String.class)
                            .list())
                    .as(table)
                    .containsSubsequence(columns));
            assertThat(jdbc.sql("SELECT current_setting('threads')")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
            assertThat(jdbc.sql("SELECT current_setting('autoload_known_extensions')")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
        } finally {
            dataSource.destroy();
        }
    }
}
