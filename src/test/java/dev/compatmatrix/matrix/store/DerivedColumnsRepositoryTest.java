package dev.compatmatrix.matrix.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DerivedColumnsRepositoryTest extends WritingIntegrationTest {

    @Autowired
    DerivedColumnsRepository derivedColumns;

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> row(int id) {
        Map<String, Object> values = jdbc.sql("""
                SELECT cpu_support, cuda_support, rocm_support, mps_support, openvino_support, qualcomm_support,
                       webnn_support, webgpu_support, cpu_level_rank, cuda_level_rank, rocm_level_rank, mps_level_rank,
                       openvino_level_rank, qualcomm_level_rank, webnn_level_rank, webgpu_level_rank,
                       compatibility_score, recommended_platform, last_updated
                FROM cross_platform_compatibility WHERE id = :id""").param("id", id).query().singleRow();
        // A rank is a TINYINT on DuckDB (a byte), a SMALLINT on PostgreSQL: compared as DuckDB's.
        Map<String, Object> row = new LinkedHashMap<>();
        values.forEach((column, value) -> row.put(
                column, column.endsWith("_level_rank") && value != null ? ((Number) value).byteValue() : value));
        return row;
    }

    @Test
    void storing_many_at_once_writes_what_storing_one_by_one_writes() {
        List<Integer> ids = jdbc.sql("SELECT id FROM cross_platform_compatibility ORDER BY id LIMIT 4")
                .query(Integer.class)
                .list();
        Map<Platform, CompatibilityLevel> mixed = new EnumMap<>(Platform.class);
        mixed.put(Platform.CPU, CompatibilityLevel.HIGH);
        mixed.put(Platform.WEBGPU, CompatibilityLevel.LOW);
        mixed.put(Platform.QUALCOMM, CompatibilityLevel.UNSUPPORTED);
        Map<Platform, CompatibilityLevel> cudaOnly = new EnumMap<>(Map.of(Platform.CUDA, CompatibilityLevel.MEDIUM));
        var first = ScoreRule.derive(mixed);
        var second = ScoreRule.derive(cudaOnly);
        var none = ScoreRule.derive(new EnumMap<>(Platform.class));
        LocalDateTime now = LocalDateTime.of(2026, 11, 27, 12, 0);

        derivedColumns.storeAll(Map.of(ids.get(0), first), now);
        derivedColumns.storeAll(Map.of(ids.get(1), second), now);
        Map<Integer, ScoreRule.Derived> many = new LinkedHashMap<>();
        many.put(ids.get(2), first);
        many.put(ids.get(3), second);
        derivedColumns.storeAll(many, now);
        assertThat(row(ids.get(2))).isEqualTo(row(ids.get(0)));
        assertThat(row(ids.get(3))).isEqualTo(row(ids.get(1)));
        assertThat(row(ids.get(2)).get("webgpu_support")).isEqualTo(true);
        assertThat(row(ids.get(2)).get("qualcomm_support")).isEqualTo(false);
        // Level ranks: high 4, low 2, unsupported 1, not tested NULL.
        assertThat(row(ids.get(2)))
                .containsEntry("cpu_level_rank", (byte) 4)
                .containsEntry("webgpu_level_rank", (byte) 2)
                .containsEntry("qualcomm_level_rank", (byte) 1)
                .containsEntry("cuda_level_rank", null);
        assertThat(row(ids.get(3))).containsEntry("cuda_level_rank", (byte) 3).containsEntry("cpu_level_rank", null);

        derivedColumns.storeAll(Map.of(ids.get(0), none), now);
        derivedColumns.storeAll(Map.of(ids.get(2), none), now);
        assertThat(row(ids.get(2))).isEqualTo(row(ids.get(0)));
        assertThat(row(ids.get(2)).get("recommended_platform")).isNull();
        assertThat(row(ids.get(2))).containsEntry("cpu_level_rank", null).containsEntry("webgpu_level_rank", null);
    }
}
