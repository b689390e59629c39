package dev.compatmatrix.timetravel.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;

/**
 * One cell whose level or validation differs between two points in time. A side without a claim has null level and
 * validation; the marks are those of the later side. The model's name, family and type are today's.
 */
public record CellChange(
        int modelId,
        String modelName,
        String family,
        String modelType,
        boolean modelDeleted,
        Platform platform,
        CompatibilityLevel beforeLevel,
        ValidationStatus beforeValidation,
        CompatibilityLevel afterLevel,
        ValidationStatus afterValidation,
        boolean afterStale,
        boolean afterDisputed,
        CellChangeKind kind) {
    /** The same change, its later side disputed or not. */
    public CellChange withAfterDisputed(boolean disputed) {
        return new CellChange(
                modelId,
                modelName,
                family,
                modelType,
                modelDeleted,
                platform,
                beforeLevel,
                beforeValidation,
                afterLevel,
                afterValidation,
                afterStale,
                disputed,
                kind);
    }
}
