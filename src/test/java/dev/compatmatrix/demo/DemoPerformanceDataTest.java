package dev.compatmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's performance results agree with its claims and hardware recommendations (PRODUCT.md §7). */
class DemoPerformanceDataTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void each_recommendations_performance_ratio_is_the_ratio_of_the_fp16_throughputs_at_its_batch_size() {
        record Check(String model, String task, int batch, double ratio, Double measured) {}
        List<Check> checks = jdbc.sql("""
                SELECT m.model_name, hr.task_type, hr.batch_size, hr.performance_ratio,
                       fallback.throughput_items_per_s / best.throughput_items_per_s AS measured
                FROM hardware_recommendations hr
                JOIN models m ON m.model_id = hr.model_id
                LEFT JOIN performance_results best ON best.model_id = hr.model_id AND best.task_type = hr.task_type
                     AND best.batch_size = hr.batch_size AND best.precision = 'fp16'
                     AND best.hardware_type = hr.recommended_hardware
                LEFT JOIN performance_results fallback ON fallback.model_id = hr.model_id
                     AND fallback.task_type = hr.task_type AND fallback.batch_size = hr.batch_size
                     AND fallback.precision = 'fp16' AND fallback.hardware_type = hr.fallback_hardware
                WHERE hr.fallback_hardware IS NOT NULL""")
                .query((rs, n) -> new Check(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), (Double) rs.getObject(5)))
                .list();
        assertThat(checks).hasSizeGreaterThan(100);
        // The ratio is stored rounded to three decimals in a FLOAT column.
        assertThat(checks)
                .allSatisfy(c -> assertThat(c.measured())
                        .as("%s", c)
                        .isNotNull()
                        .isCloseTo(c.ratio(), org.assertj.core.data.Offset.offset(0.0006)));
    }

    @Test
    void the_recommended_platform_is_the_fastest_measured_in_fp16_and_the_fallback_the_second() {
        assertThat(count("""
                WITH ranked AS (
                    SELECT model_id, task_type, batch_size, hardware_type,
                           row_number() OVER (PARTITION BY model_id, task_type, batch_size
                                              ORDER BY throughput_items_per_s DESC NULLS LAST) AS speed_rank
                    FROM performance_results WHERE precision = 'fp16')
                SELECT count(*) FROM hardware_recommendations hr
                JOIN ranked fastest ON fastest.model_id = hr.model_id AND fastest.task_type = hr.task_type
                     AND fastest.batch_size = hr.batch_size AND fastest.speed_rank = 1
                LEFT JOIN ranked second ON second.model_id = hr.model_id AND second.task_type = hr.task_type
                     AND second.batch_size = hr.batch_size AND second.speed_rank = 2
                WHERE hr.fallback_hardware IS NOT NULL
                  AND (fastest.hardware_type <> hr.recommended_hardware
                       OR second.hardware_type IS DISTINCT FROM hr.fallback_hardware)""")).isZero();
    }

    @Test
    void every_supported_claim_is_measured_for_each_task_batch_size_and_precision_and_nothing_else_is() {
        // Tasks are those of the model's recommendations; batch sizes 1, 8, 32 below 1,000 M parameters, else 1, 4, 16.
        assertThat(count("""
                SELECT count(*) FROM cross_platform_compatibility c
                JOIN compatibility_details d ON d.compatibility_id = c.id AND d.compatibility_level <> 'unsupported'
                JOIN models m ON m.model_id = c.model_id
                JOIN (SELECT DISTINCT model_id, task_type FROM hardware_recommendations) t ON t.model_id = c.model_id,
                (VALUES (1, 1), (8, 4), (32, 16)) b(small, large), (VALUES ('fp16'), ('fp32')) p(precision)
                WHERE NOT EXISTS (SELECT 1 FROM performance_results pr
                    WHERE pr.model_id = c.model_id AND pr.hardware_type = d.hardware_type
                      AND pr.task_type = t.task_type AND pr.precision = p.precision
                      AND pr.batch_size = CASE WHEN m.parameters_millions < 1000 THEN b.small ELSE b.large END)
                """)).isZero();
        long supportedCells = count("""
                SELECT sum(tasks) * 3 * 2 FROM (
                    SELECT c.model_id, count(*) * (SELECT count(DISTINCT task_type) FROM hardware_recommendations hr
                                                  WHERE hr.model_id = c.model_id) AS tasks
                    FROM cross_platform_compatibility c
                    JOIN compatibility_details d ON d.compatibility_id = c.id AND d.compatibility_level <> 'unsupported'
                    GROUP BY c.model_id) AS per_model""");
        assertThat(count("SELECT count(*) FROM performance_results")).isEqualTo(supportedCells);
    }

    @Test
    void a_claims_performance_notes_quote_its_own_measurement() {
        // The note is formatted here, not in SQL: the two databases have no common printf.
        record Quoted(long claim, String notes, double throughput, int batch, String precision) {
            boolean quotes() {
                return String.format(Locale.ROOT, "≈ %.1f items/s at batch %d (%s)", throughput, batch, precision)
                        .equals(notes);
            }
        }
        List<Quoted> measured = jdbc.sql("""
                        SELECT d.id, d.performance_notes, pr.throughput_items_per_s, pr.batch_size, pr.precision
                        FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN performance_results pr ON pr.model_id = c.model_id AND pr.hardware_type = d.hardware_type
                             AND pr.batch_size = d.batch_size AND pr.precision = d.precision
                        WHERE d.compatibility_level <> 'unsupported'""")
                .query((rs, n) ->
                        new Quoted(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4), rs.getString(5)))
                .list();
        Set<Long> quoting =
                measured.stream().filter(Quoted::quotes).map(Quoted::claim).collect(Collectors.toSet());
        assertThat(count("""
                        SELECT count(*) FROM compatibility_details d
                        WHERE d.compatibility_level <> 'unsupported'""") - quoting.size()).isZero();
        assertThat(jdbc.sql("""
                SELECT d.performance_notes FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE m.model_name = 'bert-base-uncased' AND d.hardware_type = 'cuda'""").query(String.class).single()).isEqualTo("≈ 240.5 items/s at batch 32 (fp16)");
    }

    @Test
    void measurements_come_from_the_demo_within_the_last_30_days() {
        var span = jdbc.sql("SELECT min(measured_at), max(measured_at) FROM performance_results")
                .query((rs, n) -> List.of(
                        rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()))
                .single();
        LocalDateTime now = DemoDataLoader.DEMO_NOW;
        assertThat(span.getFirst()).isAfterOrEqualTo(now.minusDays(30));
        assertThat(span.getLast()).isBefore(now);
        assertThat(jdbc.sql("SELECT DISTINCT source FROM performance_results")
                        .query(String.class)
                        .list())
                .containsExactly("demo");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
