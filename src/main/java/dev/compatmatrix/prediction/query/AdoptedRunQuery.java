package dev.compatmatrix.prediction.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.Metrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The adopted training run whose predictions are the stored ones (the newest ADOPTED run), with its evaluation per
 * platform: what a reader of predictions needs beside them.
 */
@Repository
public class AdoptedRunQuery {

    /** The run whose predictions are shown; {@code platforms} its evaluation on each platform evaluated. */
    public record AdoptedRun(long runId, LocalDateTime finishedAt, Map<Platform, PlatformFigures> platforms) {

        /** Whether this run's predictions are shown on the platform. */
        public boolean shownOn(Platform platform) {
            PlatformFigures figures = platforms.get(platform);
            return figures != null && figures.beatsBaseline();
        }
    }

    private final JdbcClient jdbc;

    public AdoptedRunQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The adopted run, or empty when no training was ever adopted. */
    public Optional<AdoptedRun> current() {
        Optional<Map.Entry<Long, LocalDateTime>> run = jdbc.sql("""
                        SELECT id, finished_at FROM prediction_runs
                        WHERE state = 'ADOPTED' ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> Map.entry(rs.getLong("id"), SqlTimes.utc(rs.getTimestamp("finished_at"))))
                .optional();
        return run.map(r -> new AdoptedRun(r.getKey(), r.getValue(), figures(r.getKey())));
    }

    private Map<Platform, PlatformFigures> figures(long runId) {
        Map<Platform, PlatformFigures> figures = new EnumMap<>(Platform.class);
        jdbc.sql("""
                        SELECT hardware_type, examples, accuracy, baseline_accuracy, macro_f1, baseline_macro_f1,
                               ece, baseline_ece, beats_baseline
                        FROM prediction_platform_metrics WHERE run_id = :runId""").param("runId", runId).query((ResultSet rs) -> {
            Platform platform = Platform.fromKey(rs.getString("hardware_type")).orElse(null);
            if (platform != null) {
                figures.put(platform, figures(platform, rs));
            }
        });
        return figures;
    }

    private static PlatformFigures figures(Platform platform, ResultSet rs) throws SQLException {
        return new PlatformFigures(
                platform,
                rs.getInt("examples"),
                new Metrics(rs.getDouble("accuracy"), rs.getDouble("macro_f1"), rs.getDouble("ece")),
                new Metrics(
                        rs.getDouble("baseline_accuracy"),
                        rs.getDouble("baseline_macro_f1"),
                        rs.getDouble("baseline_ece")),
                rs.getBoolean("beats_baseline"));
    }
}
