package dev.compatmatrix.prediction.query;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.SqlRanks;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.LevelOdds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The predictions a screen may show: the adopted run's, on platforms where that run beat the baseline, for cells that
 * are still untested (a claim made since hides the prediction at once: no level on the model's matrix row, which the
 * writer keeps with the claims — one row per model to look at, not every claim; BENCHMARKS.md "Predictions (issue 21):
 * reads") of models not deleted. The one place that says
 * which predictions are shown; every screen, export and API reads them here.
 */
@Repository
public class ShownPredictionsQuery {

    static final String SHOWN = """
            SELECT p.run_id, p.model_id, p.hardware_type, p.predicted_level,
                   p.p_high, p.p_medium, p.p_low, p.p_unsupported, p.entropy, p.reasons
            FROM predictions p
            JOIN prediction_platform_metrics m
              ON m.run_id = p.run_id AND m.hardware_type = p.hardware_type AND m.beats_baseline
            JOIN models mo ON mo.model_id = p.model_id AND mo.deleted_at IS NULL
            JOIN cross_platform_compatibility c ON c.model_id = p.model_id
            WHERE %s IS NULL""".formatted(SqlRanks.platformLevelRank("p.hardware_type", "c"));

    static final String FOR_MODELS = SHOWN + "\n  AND p.model_id IN (" + TextList.IDS_QUERY + ")";

    /** Shown predictions by model name and platform, with the model's name, on one platform or all. */
    private static final String ON_PLATFORM = """
            FROM (%s) s JOIN models m ON m.model_id = s.model_id
            WHERE CAST(:platform AS VARCHAR) IS NULL OR s.hardware_type = :platform""".formatted(SHOWN);

    private static final String PAGE = "SELECT s.*, m.model_name " + ON_PLATFORM
            + "\nORDER BY m.model_name, s.hardware_type LIMIT :limit OFFSET :offset";

    private static final String COUNT = "SELECT count(*) " + ON_PLATFORM;

    /** A shown prediction with its model's name. */
    public record Named(String modelName, CellPrediction prediction) {}

    private final JdbcClient jdbc;

    public ShownPredictionsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shown predictions of these models, by model id and platform (absent: nothing to show there). */
    public Map<Integer, Map<Platform, CellPrediction>> forModels(Collection<Integer> modelIds) {
        Map<Integer, Map<Platform, CellPrediction>> shown = new HashMap<>();
        if (modelIds.isEmpty()) {
            return shown;
        }
        jdbc.sql(FOR_MODELS).param("ids", TextList.joinIds(modelIds)).query((ResultSet rs) -> {
            CellPrediction prediction = row(rs);
            shown.computeIfAbsent(prediction.modelId(), id -> new EnumMap<>(Platform.class))
                    .put(prediction.platform(), prediction);
        });
        return shown;
    }

    /** A page of every shown prediction (on {@code platform} only, unless null), by model name and platform. */
    public List<Named> page(Platform platform, int offset, int limit) {
        return jdbc.sql(PAGE)
                .param("platform", platform == null ? null : platform.key())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new Named(rs.getString("model_name"), row(rs)))
                .list();
    }

    /** How many predictions are shown (on {@code platform} only, unless null). */
    public long count(Platform platform) {
        return jdbc.sql(COUNT)
                .param("platform", platform == null ? null : platform.key())
                .query(Long.class)
                .single();
    }

    static CellPrediction row(ResultSet rs) throws SQLException {
        return new CellPrediction(
                rs.getLong("run_id"),
                rs.getInt("model_id"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                CompatibilityLevel.fromKey(rs.getString("predicted_level")).orElseThrow(),
                new LevelOdds(
                        rs.getDouble("p_high"),
                        rs.getDouble("p_medium"),
                        rs.getDouble("p_low"),
                        rs.getDouble("p_unsupported")),
                rs.getDouble("entropy"),
                Arrays.asList(rs.getString("reasons").split("\n")));
    }
}
