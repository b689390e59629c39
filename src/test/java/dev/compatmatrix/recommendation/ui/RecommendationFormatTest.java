package dev.compatmatrix.recommendation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecommendationFormatTest {

    @Test
    void memory_reads_in_megabytes_below_a_gigabyte_and_in_gigabytes_above() {
        assertThat(RecommendationFormat.memory(850)).isEqualTo("850 MB");
        assertThat(RecommendationFormat.memory(1023)).isEqualTo("1023 MB");
        assertThat(RecommendationFormat.memory(1536)).isEqualTo("1.5 GB");
        assertThat(RecommendationFormat.memory(14_336)).isEqualTo("14.0 GB");
        assertThat(RecommendationFormat.memory(null)).isEqualTo("—");
    }

    @Test
    void the_ratio_reads_as_a_percentage_and_only_when_there_is_a_fallback() {
        assertThat(RecommendationFormat.ratio(0.874, "cuda")).isEqualTo("87 %");
        assertThat(RecommendationFormat.ratio(1.0, null)).isEqualTo("—");
        assertThat(RecommendationFormat.ratio(null, "cuda")).isEqualTo("—");
    }

    @Test
    void platforms_read_as_their_labels() {
        assertThat(RecommendationFormat.platform("mps")).isEqualTo("Apple MPS");
        assertThat(RecommendationFormat.platform("tpu")).isEqualTo("tpu");
        assertThat(RecommendationFormat.platform(null)).isEqualTo("—");
    }
}
