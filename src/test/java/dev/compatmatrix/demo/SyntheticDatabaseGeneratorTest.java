package dev.compatmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The scale generator: enough rows to cross the appender's flush size, every invariant, deterministic. */
class SyntheticDatabaseGeneratorTest {

    @TempDir
    Path folder;

    @Test
    void generates_n_models_with_eight_platforms_and_at_least_five_history_rows_per_claim() {
        var result = SyntheticDatabaseGenerator.generate(folder.resolve("a.duckdb").toString(), 1_000);
        assertThat(result.models()).isEqualTo(1_000);
        withDatabase("a.duckdb", jdbc -> {
            assertThat(count(jdbc, "SELECT count(*) FROM models")).isEqualTo(1_000);
            long claims = count(jdbc, "SELECT count(*) FROM compatibility_details");
            assertThat(claims).isBetween(8_000L * 75 / 100, 8_000L * 95 / 100); // > 4,096: past a flush
            assertThat(count(jdbc, """
                    SELECT count(*) FROM compatibility_details d JOIN cross_platform_compatibility c
                      ON c.id = d.compatibility_id
                    WHERE (SELECT count(*) FROM compatibility_history h
                           WHERE h.model_id = c.model_id AND h.hardware_type = d.hardware_type) < 5""")).isZero();
            // Booleans match the claims (PRODUCT.md §2), for every platform of every model.
            assertThat(count(jdbc, """
                    SELECT count(*) FROM cross_platform_compatibility c, (VALUES ('cpu'), ('cuda'), ('rocm'), ('mps'),
                        ('openvino'), ('qualcomm'), ('webnn'), ('webgpu')) p(platform)
                    WHERE (CASE p.platform WHEN 'cpu' THEN c.cpu_support WHEN 'cuda' THEN c.cuda_support
                               WHEN 'rocm' THEN c.rocm_support WHEN 'mps' THEN c.mps_support
                               WHEN 'openvino' THEN c.openvino_support WHEN 'qualcomm' THEN c.qualcomm_support
                               WHEN 'webnn' THEN c.webnn_support ELSE c.webgpu_support END)
                       <> EXISTS (SELECT 1 FROM compatibility_details d WHERE d.compatibility_id = c.id
                                  AND d.hardware_type = p.platform AND d.compatibility_level <> 'unsupported')
                    """)).isZero();
            assertThat(result.rows()).as("the rows the generator reports").isEqualTo(count(jdbc, """
                    SELECT (SELECT count(*) FROM validators) + (SELECT count(*) FROM models)
                         + (SELECT count(*) FROM cross_platform_compatibility) + (SELECT count(*) FROM compatibility_details)
                         + (SELECT count(*) FROM compatibility_history) + (SELECT count(*) FROM hardware_recommendations)
                         + (SELECT count(*) FROM performance_results)"""));
        });
    }

    @Test
    void each_model_has_a_summary_of_performance_results_about_ten_rows_a_model() {
        SyntheticDatabaseGenerator.generate(folder.resolve("p.duckdb").toString(), 500);
        withDatabase("p.duckdb", jdbc -> {
            assertThat(count(jdbc, "SELECT count(*) FROM performance_results")).isBetween(500L * 8, 500L * 14);
            // Per model: one task, fp16, batch 1 and the largest batch (32, or 16 from 1,000 M parameters on),
            // on each supported platform and nowhere else.
            assertThat(count(jdbc, """
                    SELECT count(*) FROM models m
                    WHERE (SELECT count(*) FROM performance_results pr WHERE pr.model_id = m.model_id)
                       <> 2 * (SELECT count(*) FROM cross_platform_compatibility c
                               JOIN compatibility_details d ON d.compatibility_id = c.id
                               WHERE c.model_id = m.model_id AND d.compatibility_level <> 'unsupported')
                       OR (SELECT count(DISTINCT task_type) FROM performance_results pr WHERE pr.model_id = m.model_id) > 1
                       OR EXISTS (SELECT 1 FROM performance_results pr WHERE pr.model_id = m.model_id
                                  AND (pr.precision <> 'fp16' OR pr.batch_size NOT IN
                                       (1, CASE WHEN m.parameters_millions < 1000 THEN 32 ELSE 16 END)))
                       OR EXISTS (SELECT 1 FROM performance_results pr
                                  JOIN cross_platform_compatibility c ON c.model_id = pr.model_id
                                  LEFT JOIN compatibility_details d ON d.compatibility_id = c.id
                                       AND d.hardware_type = pr.hardware_type
                                  WHERE pr.model_id = m.model_id
                                    AND (d.id IS NULL OR d.compatibility_level = 'unsupported'))
                    """)).isZero();
        });
    }

    @Test
    void the_same_seed_and_size_give_the_same_database() {
        SyntheticDatabaseGenerator.generate(folder.resolve("a.duckdb").toString(), 300);
        SyntheticDatabaseGenerator.generate(folder.resolve("b.duckdb").toString(), 300);
        String fingerprint = """
                SELECT (SELECT sum(hash(model_name, model_family, parameters_millions)) FROM models)
                     + (SELECT sum(hash(compatibility_id, hardware_type, compatibility_level, validation_status))
                        FROM compatibility_details)
                     + (SELECT sum(hash(model_id, hardware_type, new_status, change_date)) FROM compatibility_history)
                     + (SELECT sum(hash(model_id, hardware_type, batch_size, throughput_items_per_s, measured_at))
                        FROM performance_results)
                """;
        var first = new java.util.concurrent.atomic.AtomicReference<Object>();
        withDatabase("a.duckdb", jdbc -> first.set(jdbc.sql(fingerprint).query().singleValue()));
        withDatabase("b.duckdb", jdbc -> assertThat(jdbc.sql(fingerprint).query().singleValue()).isEqualTo(first.get()));
    }

    private void withDatabase(String file, java.util.function.Consumer<JdbcClient> check) {
        var dataSource = new SingleConnectionDataSource(DatabaseConfig.jdbcUrl(folder.resolve(file).toString()), true);
        dataSource.setConnectionProperties(DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "512MB", 1)));
        try {
            check.accept(JdbcClient.create(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
