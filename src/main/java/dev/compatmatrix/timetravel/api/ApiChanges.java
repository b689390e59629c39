package dev.compatmatrix.timetravel.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.timetravel.query.CellChange;
import dev.compatmatrix.timetravel.query.CellChangeKind;
import dev.compatmatrix.timetravel.query.ChangeCounts;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes between two points in time in the API's stable JSON shape: both ends, the counts per kind (under the
 * platform, family and type filters), the total of the filtered changes and a page of them.
 */
public record ApiChanges(
        ApiPoint from,
        ApiPoint to,
        Map<String, Long> counts,
        long total,
        int offset,
        int limit,
        List<ApiChange> items) {

    /** A point as given ({@code text}: a day or a snapshot's name) and the first instant (UTC) it does not include. */
    public record ApiPoint(
            String text,
            String snapshot,
            @JsonProperty("before_utc") LocalDateTime before) {

        static ApiPoint of(PointInTime point) {
            return new ApiPoint(point.text(), point.snapshot(), point.before());
        }
    }

    /** A cell's claim at one end (null: no claim): level and validation keys as stored. */
    public record ApiState(String level, String validation) {

        static ApiState of(CompatibilityLevel level, ValidationStatus validation) {
            return level == null ? null : new ApiState(level.key(), validation.key());
        }
    }

    /** One changed cell; the model's name, family and type are today's. */
    public record ApiChange(
            String kind,
            String model,
            String family,
            String type,
            @JsonProperty("model_deleted") boolean modelDeleted,
            String platform,
            ApiState before,
            ApiState after) {

        static ApiChange of(CellChange change) {
            return new ApiChange(
                    change.kind().key(),
                    change.modelName(),
                    change.family(),
                    change.modelType(),
                    change.modelDeleted(),
                    change.platform().key(),
                    ApiState.of(change.beforeLevel(), change.beforeValidation()),
                    ApiState.of(change.afterLevel(), change.afterValidation()));
        }
    }

    static Map<String, Long> counts(ChangeCounts counts) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        for (CellChangeKind kind : CellChangeKind.values()) {
            byKey.put(kind.key(), counts.of(kind));
        }
        return byKey;
    }
}
