package dev.compatmatrix.prediction.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.prediction.learn.TrainingData;
import dev.compatmatrix.prediction.learn.TrainingData.KnownClaim;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a training learns from: the models that are not deleted (with the precisions their performance results were
 * measured at) and their claims. A deleted model's claims are left out: it is no longer in the catalogue, and its
 * cells are never predicted.
 */
@Repository
public class TrainingDataQuery {

    private static final String MODELS = """
            SELECT model_id, model_family, model_type, model_size, parameters_millions
            FROM models
            WHERE deleted_at IS NULL
            ORDER BY model_id""";

    private static final String PRECISIONS = """
            SELECT DISTINCT r.model_id, r.precision
            FROM performance_results r
            JOIN models m ON m.model_id = r.model_id AND m.deleted_at IS NULL""";

    private static final String CLAIMS = """
            SELECT c.model_id, d.hardware_type, d.compatibility_level, d.validation_status, d.simulated
            FROM compatibility_details d
            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL
            ORDER BY c.model_id, d.hardware_type""";

    private final JdbcClient jdbc;

    public TrainingDataQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TrainingData load() {
        Map<Integer, Set<Precision>> precisions = new HashMap<>();
        jdbc.sql(PRECISIONS).query((ResultSet rs) -> {
            int modelId = rs.getInt("model_id");
            Precision.fromKey(rs.getString("precision"))
                    .ifPresent(p -> precisions
                            .computeIfAbsent(modelId, id -> EnumSet.noneOf(Precision.class))
                            .add(p));
        });
        List<ModelFacts> models = new ArrayList<>();
        jdbc.sql(MODELS).query((ResultSet rs) -> {
            int modelId = rs.getInt("model_id");
            double parameters = rs.getDouble("parameters_millions");
            models.add(new ModelFacts(
                    modelId,
                    rs.getString("model_family"),
                    ModelType.fromKey(rs.getString("model_type")).orElseThrow(),
                    ModelSize.fromKey(rs.getString("model_size")).orElseThrow(),
                    rs.wasNull() ? null : parameters,
                    precisions.getOrDefault(modelId, Set.of())));
        });
        List<KnownClaim> claims = new ArrayList<>();
        jdbc.sql(CLAIMS).query((ResultSet rs) -> {
            claims.add(new KnownClaim(
                    rs.getInt("model_id"),
                    Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                    CompatibilityLevel.fromKey(rs.getString("compatibility_level"))
                            .orElseThrow(),
                    ValidationStatus.fromKey(rs.getString("validation_status")).orElseThrow(),
                    rs.getBoolean("simulated")));
        });
        return new TrainingData(models, claims);
    }
}
