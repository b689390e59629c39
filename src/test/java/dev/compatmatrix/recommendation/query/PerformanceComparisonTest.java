package dev.compatmatrix.recommendation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceComparisonTest {

    @Test
    void the_default_is_the_first_task_at_its_largest_batch_in_fp16_where_measured() {
        var choices = List.of(
                new PerformanceChoice("a_task", 1, Precision.FP16),
                new PerformanceChoice("a_task", 16, Precision.BF16),
                new PerformanceChoice("a_task", 16, Precision.FP16),
                new PerformanceChoice("a_task", 16, Precision.FP32),
                new PerformanceChoice("b_task", 64, Precision.FP16));
        assertThat(PerformanceComparison.defaultChoice(choices)).contains(choices.get(2));
        assertThat(PerformanceComparison.defaultChoice(choices.subList(0, 2))).contains(choices.get(1));
        assertThat(PerformanceComparison.defaultChoice(List.of())).isEmpty();
    }

    @Test
    void the_selects_offer_each_task_batch_size_and_precision_once() {
        var comparison = new PerformanceComparison(
                List.of(
                        new PerformanceChoice("b", 32, Precision.FP16),
                        new PerformanceChoice("b", 1, Precision.FP32),
                        new PerformanceChoice("a", 32, Precision.FP16)),
                null,
                List.of());
        assertThat(comparison.tasks()).containsExactly("b", "a");
        assertThat(comparison.batchSizes()).containsExactly(1, 32);
        assertThat(comparison.precisions()).containsExactly(Precision.FP16, Precision.FP32);
    }

    @Test
    void platforms_without_a_row_are_unmeasured() {
        var row = new PerformanceRow(Platform.CUDA, 1.0, 1.0, 1.2, 100, null, "demo");
        var comparison = new PerformanceComparison(List.of(), null, List.of(row));
        assertThat(comparison.unmeasured())
                .hasSize(7)
                .doesNotContain(Platform.CUDA)
                .startsWith(Platform.CPU, Platform.ROCM);
    }
}
