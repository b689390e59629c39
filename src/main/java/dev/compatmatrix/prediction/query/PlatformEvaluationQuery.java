package dev.compatmatrix.prediction.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A training run's evaluation per platform ({@code prediction_platform_metrics}), and which run is the adopted one (the
 * newest adopted run: its predictions are the ones shown). The one reader of that table.
 */
@Repository
public class PlatformEvaluationQuery {

    /** The run whose predictions are shown, and when it finished (UTC). */
    public record AdoptedRun(long runId, LocalDateTime finishedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PlatformEvaluationQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The newest adopted run, or empty when none has been adopted (nothing trained yet, or never good enough). */
    public Optional<AdoptedRun> adoptedRun() {
        return jdbc.sql("""
                        SELECT id, finished_at FROM prediction_runs WHERE state = 'ADOPTED'
                        ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> new AdoptedRun(
                        rs.getLong("id"),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toLocalDateTime()))
                .optional();
    }

    /** A run's evaluation on each platform it was evaluated on, in the platforms' order. */
    public List<PlatformEvaluation> forRun(long runId) {
        return jdbc.sql("""
                        SELECT hardware_type, examples, accuracy, macro_f1, ece,
                               baseline_accuracy, baseline_macro_f1, baseline_ece, confusion, beats_baseline
                        FROM prediction_platform_metrics WHERE run_id = :runId""").param("runId", runId).query((rs, n) -> row(rs)).list().stream()
                .sorted(java.util.Comparator.comparing(PlatformEvaluation::platform))
                .toList();
    }

    private PlatformEvaluation row(ResultSet rs) throws SQLException {
        return new PlatformEvaluation(
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                rs.getInt("examples"),
                new Metrics(rs.getDouble("accuracy"), rs.getDouble("macro_f1"), rs.getDouble("ece")),
                new Metrics(
                        rs.getDouble("baseline_accuracy"),
                        rs.getDouble("baseline_macro_f1"),
                        rs.getDouble("baseline_ece")),
                confusion(rs.getString("confusion")),
                rs.getBoolean("beats_baseline"));
    }

    /** The confusion matrix as the run repository writes it ("[[3,1,0,0],[…]]"); none for a run that has none. */
    private int[][] confusion(String text) {
        return text == null || text.isBlank() ? new int[0][0] : json.readValue(text, int[][].class);
    }
}
