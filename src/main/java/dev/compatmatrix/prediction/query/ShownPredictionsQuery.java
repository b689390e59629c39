package dev.compatmatrix.prediction.query;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.LevelOdds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The predictions a screen may show: the adopted run's, on platforms where that run beat the baseline, for cells that
 * are still untested (a claim made since hides the prediction at once) of models not deleted. The one place that says
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
            WHERE NOT EXISTS (SELECT 1 FROM compatibility_details d
                              JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                              WHERE c.model_id = p.model_id AND d.hardware_type = p.hardware_type)""";

    private static final String FOR_MODELS = SHOWN + "\n  AND p.model_id IN (" + TextList.IDS_QUERY + ")";

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
