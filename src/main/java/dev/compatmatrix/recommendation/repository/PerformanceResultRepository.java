package dev.compatmatrix.recommendation.repository;

import dev.compatmatrix.base.db.MultiRowSql;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of {@code performance_results}. */
@Repository
public class PerformanceResultRepository {

    private final JdbcClient jdbc;

    public PerformanceResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A measurement reported for a model on a platform. */
    public record Measurement(int modelId, String platform, String task, int batchSize, String precision,
                              Double throughput, Double latencyP50, Double latencyP95, Integer memoryMb) {
    }

    /** Appends measurements in a few multi-row statements; the caller owns the transaction. */
    public void append(List<Measurement> rows, String source, LocalDateTime measuredAt) {
        MultiRowSql.insert(jdbc, "performance_results", List.of("model_id", "hardware_type", "task_type", "batch_size",
                        "precision", "throughput_items_per_s", "latency_p50_ms", "latency_p95_ms", "memory_mb",
                        "measured_at", "source"),
                rows.stream().map(m -> new Object[] {m.modelId(), m.platform(), m.task(), m.batchSize(), m.precision(),
                        m.throughput(), m.latencyP50(), m.latencyP95(), m.memoryMb(), measuredAt, source}).toList());
    }

    public int deleteForModel(int modelId) {
        return jdbc.sql("DELETE FROM performance_results WHERE model_id = :id").param("id", modelId).update();
    }
}
