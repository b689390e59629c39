package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One model's measured performance ({@code performance_results}), for comparing platforms. */
@Repository
public class PerformanceQuery {

    /** Every (task, batch size, precision) measured for a model. */
    public static final String CHOICES_SQL = """
            SELECT DISTINCT pr.task_type, pr.batch_size, pr.precision
            FROM performance_results pr
            JOIN models m ON m.model_id = pr.model_id
            WHERE m.model_name = :name AND m.deleted_at IS NULL
            ORDER BY pr.task_type, pr.batch_size, pr.precision
            """;

    /** Each platform's newest measurement of one choice: repeated runs (CI) must not draw twice. */
    public static final String PLATFORMS_SQL = """
            SELECT hardware_type, throughput_items_per_s, latency_p50_ms, latency_p95_ms, memory_mb, measured_at,
                   source
            FROM (SELECT pr.*, row_number() OVER (PARTITION BY pr.hardware_type
                                                  ORDER BY pr.measured_at DESC, pr.id DESC) AS newest
                  FROM performance_results pr
                  JOIN models m ON m.model_id = pr.model_id
                  WHERE m.model_name = :name AND m.deleted_at IS NULL AND pr.task_type = :task
                    AND pr.batch_size = :batch AND pr.precision = :precision) measured
            WHERE newest = 1
            """;

    private final JdbcClient jdbc;

    public PerformanceQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PerformanceChoice> choices(String modelName) {
        return jdbc.sql(CHOICES_SQL)
                .param("name", modelName)
                .query((rs, n) -> new PerformanceChoice(
                        rs.getString("task_type"),
                        rs.getInt("batch_size"),
                        Precision.fromKey(rs.getString("precision")).orElseThrow()))
                .list();
    }

    /** One row per platform measured for {@code choice}, in {@link Platform} order. */
    public List<PerformanceRow> platforms(String modelName, PerformanceChoice choice) {
        return jdbc
                .sql(PLATFORMS_SQL)
                .param("name", modelName)
                .param("task", choice.taskType())
                .param("batch", choice.batchSize())
                .param("precision", choice.precision().key())
                .query((rs, n) -> new PerformanceRow(
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                        (Double) rs.getObject("throughput_items_per_s"),
                        (Double) rs.getObject("latency_p50_ms"),
                        (Double) rs.getObject("latency_p95_ms"),
                        (Integer) rs.getObject("memory_mb"),
                        SqlTimes.utc(rs.getTimestamp("measured_at")),
                        rs.getString("source")))
                .list()
                .stream()
                .sorted(Comparator.comparing(PerformanceRow::platform))
                .toList();
    }
}
