package dev.compatmatrix.recommendation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One model's measurements per platform, on the demo data (PRODUCT.md §7's bert-base-uncased figures). */
class PerformanceQueryTest extends IntegrationTest {

    private static final PerformanceChoice BERT_EMBEDDING_32_FP16 =
            new PerformanceChoice("embedding", 32, Precision.FP16);

    @Autowired
    PerformanceQuery query;

    @Autowired
    JdbcClient jdbc;

    @Test
    void bert_base_uncased_offers_each_task_batch_size_and_precision_it_was_measured_at() {
        List<PerformanceChoice> choices = query.choices("bert-base-uncased");
        assertThat(choices)
                .hasSize(2 * 3 * 2)
                .startsWith(
                        new PerformanceChoice("embedding", 1, Precision.FP16),
                        new PerformanceChoice("embedding", 1, Precision.FP32),
                        new PerformanceChoice("embedding", 8, Precision.FP16));
        assertThat(choices).extracting(PerformanceChoice::taskType).containsOnly("embedding", "text_classification");
        assertThat(choices).extracting(PerformanceChoice::batchSize).containsOnly(1, 8, 32);
    }

    @Test
    void bert_base_uncased_at_batch_32_in_fp16_follows_the_published_figures_in_platform_order() {
        List<PerformanceRow> rows = query.platforms("bert-base-uncased", BERT_EMBEDDING_32_FP16);
        assertThat(rows).extracting(PerformanceRow::platform).containsExactly(Platform.values());
        Map<Platform, Double> throughput =
                rows.stream().collect(Collectors.toMap(PerformanceRow::platform, PerformanceRow::throughputItemsPerS));
        assertThat(throughput.get(Platform.CUDA)).isCloseTo(240.5, within(240.5 * 0.05));
        assertThat(throughput.get(Platform.ROCM)).isCloseTo(210.2, within(210.2 * 0.05));
        assertThat(throughput.get(Platform.MPS)).isCloseTo(180.7, within(180.7 * 0.05));
        assertThat(throughput.get(Platform.OPENVINO)).isCloseTo(160.3, within(160.3 * 0.05));
        assertThat(throughput.get(Platform.QUALCOMM)).isCloseTo(110.5, within(110.5 * 0.05));
        assertThat(List.of(
                        Platform.CUDA,
                        Platform.ROCM,
                        Platform.MPS,
                        Platform.OPENVINO,
                        Platform.QUALCOMM,
                        Platform.WEBGPU))
                .extracting(throughput::get)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.latencyP50Ms()).isCloseTo(32 / row.throughputItemsPerS() * 1000, within(1e-6));
            assertThat(row.latencyP95Ms() / row.latencyP50Ms()).isBetween(1.15, 1.4);
            assertThat(row.memoryMb()).isBetween(1300, 1700); // 220 MB of weights + ≈ 1.3 GB of activations
            assertThat(row.source()).isEqualTo("demo");
        });
    }

    @Test
    void fp32_runs_at_about_half_the_fp16_throughput_with_twice_the_weights() {
        var fp16 = byPlatform(query.platforms("bert-base-uncased", BERT_EMBEDDING_32_FP16));
        var fp32 = byPlatform(
                query.platforms("bert-base-uncased", new PerformanceChoice("embedding", 32, Precision.FP32)));
        assertThat(fp32.keySet()).isEqualTo(fp16.keySet());
        fp32.forEach((platform, row) -> {
            assertThat(row.throughputItemsPerS() / fp16.get(platform).throughputItemsPerS())
                    .isBetween(0.5, 0.6);
            assertThat(row.memoryMb() - fp16.get(platform).memoryMb()).isBetween(220 - 140, 220 + 140);
        });
    }

    @Test
    void platforms_where_llama_7b_is_unsupported_or_not_tested_have_no_rows() {
        List<String> supported = jdbc.sql("""
                SELECT d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                JOIN models m ON m.model_id = c.model_id
                WHERE m.model_name = 'llama-7b' AND d.compatibility_level <> 'unsupported'""").query(String.class).list();
        var choice = new PerformanceChoice("text_generation", 16, Precision.FP16);
        List<PerformanceRow> rows = query.platforms("llama-7b", choice);
        assertThat(rows)
                .extracting(row -> row.platform().key())
                .containsExactlyInAnyOrderElementsOf(supported)
                .doesNotContain(Platform.WEBNN.key(), Platform.WEBGPU.key());
        assertThat(rows).extracting(PerformanceRow::platform).isSorted();
        // 6,700 M parameters at 16 bits: 13.4 GB of weights, ≈ 14 GB at batch 1, a few GB more at batch 16.
        assertThat(byPlatform(query.platforms("llama-7b", new PerformanceChoice("text_generation", 1, Precision.FP16)))
                        .get(Platform.CUDA)
                        .memoryMb())
                .isBetween(13_500, 16_000);
        assertThat(byPlatform(rows).get(Platform.CUDA).memoryMb()).isBetween(16_000, 20_000);
    }

    @Test
    void an_unknown_model_has_no_measurements() {
        assertThat(query.choices("no-such-model")).isEmpty();
        assertThat(query.platforms("no-such-model", BERT_EMBEDDING_32_FP16)).isEmpty();
    }

    private static Map<Platform, PerformanceRow> byPlatform(List<PerformanceRow> rows) {
        return rows.stream().collect(Collectors.toMap(PerformanceRow::platform, Function.identity()));
    }
}
