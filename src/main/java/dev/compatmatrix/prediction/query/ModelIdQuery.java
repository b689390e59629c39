package dev.compatmatrix.prediction.query;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A model's id by its name, for readers of predictions that are asked by name (deleted models have none). */
@Repository
public class ModelIdQuery {

    private final JdbcClient jdbc;

    public ModelIdQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> byName(String name) {
        return jdbc.sql("SELECT model_id FROM models WHERE model_name = :name AND deleted_at IS NULL")
                .param("name", name)
                .query(Integer.class)
                .optional();
    }
}
