package dev.compatmatrix.validation.query;

import dev.compatmatrix.compatibility.CompatibilityLevel;
import java.time.LocalDateTime;

/** The newest automated result for a cell, the other side of a dispute: who reported what, when, and its evidence. */
public record AutomatedResult(long resultId, String reporter, CompatibilityLevel level, LocalDateTime reportedAt,
                              String evidenceRun, String frameworkVersion) {

    /** "nightly-ci reports Medium". */
    public String summary() {
        return reporter + " reports " + level.label();
    }
}
