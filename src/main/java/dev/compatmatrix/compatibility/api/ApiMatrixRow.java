package dev.compatmatrix.compatibility.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A matrix row in the API's stable JSON shape: every platform is present; a not-tested one is null.
 */
public record ApiMatrixRow(
        String model,
        String family,
        String type,
        String size,
        @JsonProperty("parameters_millions") Double parametersMillions,
        double score,
        @JsonProperty("recommended_platform") String recommendedPlatform,
        Map<String, ApiCell> platforms) {

    /** A platform's claim: level and validation keys as stored, and the stale/disputed marks. */
    public record ApiCell(String level, String validation, boolean stale, boolean disputed) {}

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
                platforms);
    }
}
