package dev.compatmatrix.prediction.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the training runs (V0019): the history, the adopted run's evaluation, and what the triggers count. */
@Repository
public class TrainingRunsQuery {

    private static final String RUNS = """
            SELECT id, started_at, finished_at, trigger_kind, requested_by, state, message, claims_used, models_used,
                   folds, accuracy, baseline_accuracy, macro_f1, baseline_macro_f1, ece, baseline_ece, train_millis
            FROM prediction_runs""";

    private final JdbcClient jdbc;

    public TrainingRunsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} runs, newest first. */
    public List<RunRow> newest(int limit) {
        return jdbc.sql(RUNS + "\nORDER BY id DESC\nLIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> run(rs))
                .list();
    }

    /** The run whose predictions are shown: the newest adopted one. */
    public Optional<RunRow> adopted() {
        return jdbc.sql(RUNS + "\nWHERE state = 'ADOPTED'\nORDER BY id DESC\nLIMIT 1")
                .query((rs, n) -> run(rs))
                .optional();
    }

    /** Runs still marked RUNNING, oldest first (one, unless a node stopped in the middle of one). */
    public List<RunRow> running() {
        return jdbc.sql(RUNS + "\nWHERE state = 'RUNNING'\nORDER BY id")
                .query((rs, n) -> run(rs))
                .list();
    }

    /** Accepted changes of the matrix (rows of matrix_events) since the newest run started; all of them before any. */
    public long changesSinceLastRun() {
        return jdbc.sql("""
                        SELECT count(*) FROM matrix_events
                        WHERE occurred_at > COALESCE((SELECT max(started_at) FROM prediction_runs),
                                                     TIMESTAMP '1970-01-01 00:00:00')""").query(Long.class).single();
    }

    /** Whether any training ever started. */
    public boolean anyRun() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM prediction_runs)")
                .query(Boolean.class)
                .single();
    }

    /** Whether there is any claim to learn from. */
    public boolean anyClaim() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM compatibility_details)")
                .query(Boolean.class)
                .single();
    }

    private static RunRow run(ResultSet rs) throws SQLException {
        return new RunRow(
                rs.getLong("id"),
                SqlTimes.utc(rs.getTimestamp("started_at")),
                SqlTimes.utc(rs.getTimestamp("finished_at")),
                Trigger.valueOf(rs.getString("trigger_kind")),
                rs.getString("requested_by"),
                RunState.valueOf(rs.getString("state")),
                rs.getString("message"),
                (Integer) rs.getObject("claims_used", Integer.class),
                (Integer) rs.getObject("models_used", Integer.class),
                (Integer) rs.getObject("folds", Integer.class),
                metrics(rs, ""),
                metrics(rs, "baseline_"),
                (Long) rs.getObject("train_millis", Long.class));
    }

    /** The metrics of the columns named with this prefix; null when the run has none (it failed or did not learn). */
    private static Metrics metrics(ResultSet rs, String prefix) throws SQLException {
        if (rs.getObject(prefix + "accuracy") == null) {
            return null;
        }
        return new Metrics(
                rs.getDouble(prefix + "accuracy"), rs.getDouble(prefix + "macro_f1"), rs.getDouble(prefix + "ece"));
    }

    /**
     * One training run. The numbers are null while it runs and when it failed; {@code model} and {@code baseline} are
     * the overall cross-validated figures.
     */
    public record RunRow(
            long id,
            LocalDateTime startedAt,
            LocalDateTime finishedAt,
            Trigger trigger,
            String requestedBy,
            RunState state,
            String message,
            Integer claimsUsed,
            Integer modelsUsed,
            Integer folds,
            Metrics model,
            Metrics baseline,
            Long trainMillis) {}
}
