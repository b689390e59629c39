package dev.compatmatrix.modelpage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import dev.compatmatrix.recommendation.query.PerformanceRow;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The model page's performance comparison, one service call per choice. */
class PerformanceComparisonServiceTest extends WritingIntegrationTest {

    @Autowired
    ModelPageService service;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void viewer() {
        signIn("viewer", Roles.VIEWER);
    }

    @Test
    void without_a_choice_the_first_task_at_the_largest_batch_in_fp16_is_compared() {
        var comparison = service.performanceComparison("bert-base-uncased", null);
        assertThat(comparison.chosen()).isEqualTo(new PerformanceChoice("embedding", 32, Precision.FP16));
        assertThat(comparison.choices()).hasSize(12);
        assertThat(comparison.tasks()).containsExactly("embedding", "text_classification");
        assertThat(comparison.batchSizes()).containsExactly(1, 8, 32);
        assertThat(comparison.precisions()).containsExactly(Precision.FP16, Precision.FP32);
        assertThat(comparison.rows()).hasSize(8);
        assertThat(comparison.unmeasured()).isEmpty();
    }

    @Test
    void a_chosen_task_batch_and_precision_is_compared_and_an_unmeasured_one_shows_no_platform() {
        var choice = new PerformanceChoice("text_classification", 8, Precision.FP32);
        var comparison = service.performanceComparison("bert-base-uncased", choice);
        assertThat(comparison.chosen()).isEqualTo(choice);
        assertThat(comparison.rows())
                .hasSize(8)
                .allSatisfy(row -> assertThat(row.latencyP50Ms())
                        .isCloseTo(8000 / row.throughputItemsPerS(), org.assertj.core.data.Offset.offset(1e-6)));

        var unmeasured = service.performanceComparison(
                "bert-base-uncased", new PerformanceChoice("embedding", 64, Precision.INT8));
        assertThat(unmeasured.rows()).isEmpty();
        assertThat(unmeasured.unmeasured()).containsExactly(Platform.values());
        assertThat(unmeasured.choices()).hasSize(12);
    }

    @Test
    void a_newer_measurement_of_the_same_choice_replaces_the_older_one() {
        var choice = new PerformanceChoice("text_generation", 32, Precision.FP16);
        PerformanceRow before =
                cuda(service.performanceComparison("gpt2", choice).rows());
        jdbc.sql("""
                INSERT INTO performance_results (model_id, hardware_type, task_type, batch_size, precision,
                    throughput_items_per_s, latency_p50_ms, latency_p95_ms, memory_mb, measured_at, source)
                SELECT model_id, 'cuda', 'text_generation', 32, 'fp16', 99.5, 321.6, 400.0, 2000,
                       TIMESTAMP '2026-11-20 10:00:00', 'ci:nightly-ci'
                FROM models WHERE model_name = 'gpt2'""").update();
        try {
            PerformanceRow after =
                    cuda(service.performanceComparison("gpt2", choice).rows());
            assertThat(before.source()).isEqualTo("demo");
            assertThat(after.source()).isEqualTo("ci:nightly-ci");
            assertThat(after.throughputItemsPerS()).isEqualTo(99.5);
        } finally {
            jdbc.sql("DELETE FROM performance_results WHERE source = 'ci:nightly-ci'")
                    .update();
        }
    }

    @Test
    void an_unknown_model_has_nothing_to_compare() {
        var comparison = service.performanceComparison("no-such-model", null);
        assertThat(comparison.chosen()).isNull();
        assertThat(comparison.choices()).isEmpty();
        assertThat(comparison.rows()).isEmpty();
    }

    private static PerformanceRow cuda(List<PerformanceRow> rows) {
        return rows.stream()
                .filter(r -> r.platform() == Platform.CUDA)
                .findFirst()
                .orElseThrow();
    }
}
