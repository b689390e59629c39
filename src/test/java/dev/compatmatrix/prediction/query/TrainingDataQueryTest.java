package dev.compatmatrix.prediction.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.prediction.learn.TrainingData;
import dev.compatmatrix.prediction.learn.TrainingData.KnownClaim;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TrainingDataQueryTest extends WritingIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrainingDataQuery query;

    @Test
    void loads_every_model_not_deleted_with_its_measured_precisions_and_every_claim_of_those_models() {
        int deleted = count("SELECT min(c.model_id) FROM cross_platform_compatibility c"
                + " JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL"
                + " JOIN performance_results r ON r.model_id = m.model_id");
        jdbc.sql("UPDATE models SET deleted_at = :at WHERE model_id = :id")
                .param("at", LocalDateTime.of(2026, 12, 1, 12, 0))
                .param("id", deleted)
                .update();
        try {
            TrainingData data = query.load();

            assertThat(data.models()).hasSize(count("SELECT count(*) FROM models WHERE deleted_at IS NULL"));
            assertThat(data.models()).extracting(ModelFacts::modelId).doesNotContain(deleted);
            assertThat(data.claims())
                    .hasSize(count("SELECT count(*) FROM compatibility_details d"
                            + " JOIN cross_platform_compatibility c ON c.id = d.compatibility_id"
                            + " JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL"))
                    .extracting(KnownClaim::modelId)
                    .doesNotContain(deleted);
            assertThat(data.models().stream()
                            .mapToInt(m -> m.measuredPrecisions().size())
                            .sum())
                    .isEqualTo(count("SELECT count(*) FROM (SELECT DISTINCT r.model_id, r.precision"
                            + " FROM performance_results r JOIN models m ON m.model_id = r.model_id"
                            + " AND m.deleted_at IS NULL) x"));
            assertThat(data.claims().stream().filter(KnownClaim::simulated).count())
                    .isEqualTo(count("SELECT count(*) FROM compatibility_details d"
                            + " JOIN cross_platform_compatibility c ON c.id = d.compatibility_id"
                            + " JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL"
                            + " WHERE d.simulated"));
            assertOneClaimAsStored(data);
            assertOneModelAsStored(data);
        } finally {
            jdbc.sql("UPDATE models SET deleted_at = NULL WHERE model_id = :id")
                    .param("id", deleted)
                    .update();
        }
    }

    private void assertOneClaimAsStored(TrainingData data) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT c.model_id, d.hardware_type, d.compatibility_level, d.validation_status, d.simulated
                        FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL
                        WHERE d.validation_status = 'validated'
                        ORDER BY d.id LIMIT 1""").query().singleRow();
        KnownClaim expected = new KnownClaim(
                ((Number) row.get("model_id")).intValue(),
                Platform.fromKey((String) row.get("hardware_type")).orElseThrow(),
                CompatibilityLevel.fromKey((String) row.get("compatibility_level"))
                        .orElseThrow(),
                ValidationStatus.VALIDATED,
                (Boolean) row.get("simulated"));
        assertThat(data.claims()).contains(expected);
    }

    private void assertOneModelAsStored(TrainingData data) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT model_id, model_family, model_type, model_size, parameters_millions
                        FROM models WHERE deleted_at IS NULL AND parameters_millions IS NOT NULL
                        ORDER BY model_id LIMIT 1""").query().singleRow();
        ModelFacts model = data.models().stream()
                .filter(m -> m.modelId() == ((Number) row.get("model_id")).intValue())
                .findFirst()
                .orElseThrow();
        assertThat(model.family()).isEqualTo(row.get("model_family"));
        assertThat(model.type().key()).isEqualTo(row.get("model_type"));
        assertThat(model.size().key()).isEqualTo(row.get("model_size"));
        assertThat(model.parametersMillions()).isEqualTo(((Number) row.get("parameters_millions")).doubleValue());
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
