package dev.compatmatrix.matrix.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import java.time.LocalDateTime;

/**
 * The newest automated result for a cell, the other side of a dispute: who reported what (the validator's name and
 * type: ci_pipeline, automated_test), when, and its evidence.
 */
public record AutomatedResult(
        long resultId,
        String reporter,
        String reporterType,
        CompatibilityLevel level,
        LocalDateTime reportedAt,
        String evidenceRun,
        String frameworkVersion) {

    /** "nightly-ci reports Medium". */
    public String summary() {
        return reporter + " reports " + level.label();
    }
}
