package dev.compatmatrix.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreRuleTest {

    @Test
    void score_is_the_mean_level_weight_over_all_eight_platforms() {
        var derived = ScoreRule.derive(Map.of(
                Platform.CPU,
                CompatibilityLevel.HIGH,
                Platform.CUDA,
                CompatibilityLevel.HIGH,
                Platform.WEBGPU,
                CompatibilityLevel.MEDIUM,
                Platform.QUALCOMM,
                CompatibilityLevel.UNSUPPORTED));
        assertThat(derived.score()).isEqualTo(0.338); // (1 + 1 + 0.7 + 0) / 8 = 0.3375
        assertThat(derived.supports(Platform.QUALCOMM)).isFalse();
        assertThat(derived.supports(Platform.ROCM)).isFalse();
        assertThat(derived.supports(Platform.WEBGPU)).isTrue();
    }

    @Test
    void recommended_is_the_best_level_with_ties_broken_by_preference() {
        assertThat(ScoreRule.derive(Map.of(
                                Platform.CPU,
                                CompatibilityLevel.HIGH,
                                Platform.ROCM,
                                CompatibilityLevel.HIGH,
                                Platform.CUDA,
                                CompatibilityLevel.MEDIUM))
                        .recommended())
                .isEqualTo(Platform.ROCM);
        assertThat(ScoreRule.derive(
                                Map.of(Platform.CPU, CompatibilityLevel.LOW, Platform.WEBNN, CompatibilityLevel.LOW))
                        .recommended())
                .isEqualTo(Platform.CPU);
    }

    @Test
    void nothing_supported_means_no_recommendation_and_score_zero() {
        var derived = ScoreRule.derive(Map.of(Platform.CPU, CompatibilityLevel.UNSUPPORTED));
        assertThat(derived.recommended()).isNull();
        assertThat(derived.score()).isZero();
        assertThat(ScoreRule.derive(Map.of()).recommended()).isNull();
    }

    @Test
    void the_explanation_lists_each_platform_and_adds_up_to_the_score() {
        var lines = ScoreRule.explain(
                Map.of(Platform.CPU, CompatibilityLevel.HIGH, Platform.WEBNN, CompatibilityLevel.LOW));
        assertThat(lines).hasSize(9).contains("CPU: High → 1.0", "WebNN: Low → 0.4", "ROCm: not tested → 0.0");
        assertThat(lines.getLast()).isEqualTo("1.4 / 8 = 0.175");
    }
}
