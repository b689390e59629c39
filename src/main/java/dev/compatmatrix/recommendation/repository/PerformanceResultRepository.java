package dev.compatmatrix.recommendation.repository;

import dev.compatmatrix.base.db.TableAppender;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of {@code performance_results}. */
@Repository
public class PerformanceResultRepository {

    private final JdbcClient jdbc;
    private final TableAppender appender;

    public PerformanceResultRepository(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
    }

    /** A measurement reported for a model on a platform. */
    public record Measurement(
            int modelId,
            String platform,
            String task,
            int batchSize,
            String precision,
            Double throughput,
            Double latencyP50,
            Double latencyP95,
            Integer memoryMb) {}

    /** Appends measurements through the appender; the caller owns the transaction. */
    public void append(List<Measurement> rows, String source, LocalDateTime measuredAt) {
        // Column order of V0007.
        appender.appendWithIds(
                "performance_results",
                "performance_results_seq",
                rows.stream()
                        .map(m -> new Object[] {
                            m.modelId(),
                            m.platform(),
                            m.task(),
                            m.batchSize(),
                            m.precision(),
                            m.throughput(),
                            m.latencyP50(),
                            m.latencyP95(),
                            m.memoryMb(),
                            measuredAt,
                            source
                        })
                        .toList());
    }

    public int deleteForModel(int modelId) {
        return jdbc.sql("DELETE FROM performance_results WHERE model_id = :id")
                .param("id", modelId)
                .update();
    }
}
