package dev.compatmatrix.recommendation.repository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of {@code hardware_recommendations}. */
@Repository
public class RecommendationRepository {

    private final JdbcClient jdbc;

    public RecommendationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int deleteForModel(int modelId) {
        return jdbc.sql("DELETE FROM hardware_recommendations WHERE model_id = :id")
                .param("id", modelId)
                .update();
    }
}
