package dev.compatmatrix.compatibility.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A matrix row in the API's stable JSON shape: every platform is present; a not-tested one is null. {@code predictions}
 * only with {@code includePredictions=true}: apart from the claims, per untested platform with a shown prediction.
 */
public record ApiMatrixRow(
        String model,
        String family,
        String type,
        String size,
        @JsonProperty("parameters_millions") Double parametersMillions,
        double score,
        @JsonProperty("recommended_platform") String recommendedPlatform,
        Map<String, ApiCell> platforms,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ApiPrediction> predictions) {

    /** A platform's claim: level and validation keys as stored, and the stale/disputed marks. */
    public record ApiCell(String level, String validation, boolean stale, boolean disputed) {}

    /**
     * A prediction, never a claim ({@code kind} is always "prediction"): the likeliest level, its probability, each
     * level's, the training run it comes from and its strongest reasons.
     */
    public record ApiPrediction(
            String kind,
            String level,
            double probability,
            Map<String, Double> probabilities,
            @JsonProperty("run_id") long runId,
            List<String> reasons) {

        static ApiPrediction of(CellPrediction prediction) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                probabilities.put(level.key(), prediction.odds().of(level));
            }
            return new ApiPrediction(
                    "prediction",
                    prediction.level().key(),
                    prediction.confidence(),
                    probabilities,
                    prediction.runId(),
                    prediction.reasons().stream().map(VisibleText::of).toList());
        }
    }

    /** The row with its shown predictions (rows read with them). */
    public static ApiMatrixRow withPredictions(MatrixRow row) {
        Map<String, ApiPrediction> predictions = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            CellPrediction prediction = row.prediction(platform);
            if (prediction != null) {
                predictions.put(platform.key(), ApiPrediction.of(prediction));
            }
        }
        ApiMatrixRow claims = of(row);
        return new ApiMatrixRow(
                claims.model,
                claims.family,
                claims.type,
                claims.size,
                claims.parametersMillions,
                claims.score,
                claims.recommendedPlatform,
                claims.platforms,
                predictions);
    }

    public static ApiMatrixRow of(MatrixRow row) {
        Map<String, ApiCell> platforms = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            MatrixRow.Cell cell = row.cell(platform);
            platforms.put(
                    platform.key(),
                    cell == null
                            ? null
                            : new ApiCell(cell.level().key(), cell.status().key(), cell.stale(), cell.disputed()));
        }
        return new ApiMatrixRow(
                row.name(),
                row.family(),
                row.type(),
                row.size(),
                row.parametersMillions(),
                row.score(),
                row.recommended() == null ? null : row.recommended().key(),
                platforms,
                null);
    }
}
