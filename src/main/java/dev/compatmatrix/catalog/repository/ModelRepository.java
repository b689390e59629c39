package dev.compatmatrix.catalog.repository;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ModelRepository {

    private final JdbcClient jdbc;

    public ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The families in use, for filter choices. */
    public List<String> families() {
        return jdbc.sql("SELECT DISTINCT model_family FROM models ORDER BY model_family").query(String.class).list();
    }
}
