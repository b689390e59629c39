package dev.compatmatrix.recommendation.repository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of {@code performance_results}. */
@Repository
public class PerformanceResultRepository {

    private final JdbcClient jdbc;

    public PerformanceResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int deleteForModel(int modelId) {
        return jdbc.sql("DELETE FROM performance_results WHERE model_id = :id").param("id", modelId).update();
    }
}
