package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.base.db.SqlTimes;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The seed's "hardware recommendations for a task" query, for one model's page. */
@Repository
public class RecommendationQuery {

    /**
     * The columns {@link #ROW} reads; {@code hr} is {@code hardware_recommendations}, {@code m} its model. The REAL
     * ratio is widened in SQL: PostgreSQL's driver would otherwise read it as "0.33" or as 0.33000001… depending on
     * how often the statement ran (text or binary transfer); DuckDB reads the widened value.
     */
    static final String COLUMNS = """
            SELECT hr.id, m.model_name, hr.task_type, hr.batch_size, hr.recommended_hardware,
                   hr.fallback_hardware, hr.recommendation_reason,
                   CAST(hr.performance_ratio AS DOUBLE PRECISION) AS performance_ratio,
                   hr.memory_requirements_mb, hr.min_compute_units, hr.generated_at
            """;

    static final RowMapper<RecommendationRow> ROW = (rs, n) -> new RecommendationRow(
            rs.getLong("id"),
            rs.getString("model_name"),
            rs.getString("task_type"),
            rs.getInt("batch_size"),
            rs.getString("recommended_hardware"),
            rs.getString("fallback_hardware"),
            rs.getString("recommendation_reason"),
            rs.getObject("performance_ratio") == null ? null : rs.getDouble("performance_ratio"),
            (Integer) rs.getObject("memory_requirements_mb"),
            (Integer) rs.getObject("min_compute_units"),
            SqlTimes.utc(rs.getTimestamp("generated_at")));

    /** One model's hardware recommendations. */
    public static final String FOR_MODEL_SQL = COLUMNS + """
            FROM hardware_recommendations hr
            JOIN models m ON m.model_id = hr.model_id
            WHERE hr.model_id = :modelId
            ORDER BY hr.task_type, hr.batch_size
            """;

    private final JdbcClient jdbc;

    public RecommendationQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RecommendationRow> forModel(int modelId) {
        return jdbc.sql(FOR_MODEL_SQL).param("modelId", modelId).query(ROW).list();
    }
}
