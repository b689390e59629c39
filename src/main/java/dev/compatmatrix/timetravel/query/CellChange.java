package dev.compatmatrix.timetravel.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;

/**
 * One cell whose level or validation differs between two points in time. A side without a claim has null level and
 * validation; the marks are those of the later side. The model's name, family and type are today's.
 */
public record CellChange(
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
        CellChangeKind kind) {}
