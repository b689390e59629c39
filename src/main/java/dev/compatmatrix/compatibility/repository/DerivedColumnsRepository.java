package dev.compatmatrix.compatibility.repository;

import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ScoreRule;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A model's {@code cross_platform_compatibility} row: the seed's booleans, score and recommended platform. */
@Repository
public class DerivedColumnsRepository {

    private final JdbcClient jdbc;

    public DerivedColumnsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A model's id and its matrix row's id. */
    public record ModelRef(int modelId, int compatibilityId) {
    }

    public Optional<ModelRef> findByModelName(String modelName) {
        return jdbc.sql("""
                        SELECT m.model_id, c.id FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        WHERE m.model_name = :name""")
                .param("name", modelName)
                .query((rs, n) -> new ModelRef(rs.getInt(1), rs.getInt(2))).optional();
    }

    public Optional<ModelRef> findByModelId(int modelId) {
        return jdbc.sql("SELECT model_id, id FROM cross_platform_compatibility WHERE model_id = :modelId")
                .param("modelId", modelId)
                .query((rs, n) -> new ModelRef(rs.getInt(1), rs.getInt(2))).optional();
    }

    /** Stores what {@link ScoreRule} derived; bumps {@code last_updated}, which invalidates matrix caches. */
    public void store(int compatibilityId, ScoreRule.Derived derived, LocalDateTime now) {
        var statement = jdbc.sql("""
                        UPDATE cross_platform_compatibility SET cpu_support = :cpu, cuda_support = :cuda,
                            rocm_support = :rocm, mps_support = :mps, openvino_support = :openvino,
                            qualcomm_support = :qualcomm, webnn_support = :webnn, webgpu_support = :webgpu,
                            compatibility_score = :score, recommended_platform = :recommended, last_updated = :now
                        WHERE id = :id
                        """);
        for (Platform platform : Platform.values()) {
            statement = statement.param(platform.key(), derived.supports(platform));
        }
        statement.param("score", derived.score())
                .param("recommended", derived.recommended() == null ? null : derived.recommended().key())
                .param("now", now).param("id", compatibilityId)
                .update();
    }
}
