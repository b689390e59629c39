package dev.compatmatrix.admin.importing;

import java.util.List;

/**
 * What an import would do, computed without changing anything (the dry run). It can be applied only when
 * {@code errors} is empty.
 */
public record ImportPreview(
        int rows, List<RowError> errors, int modelsToCreate, int claimsToCreate, int claimsToChange, int unchanged) {

    /** A bad row: its line and why. */
    public record RowError(int line, String message) {}

    public boolean applicable() {
        return errors.isEmpty();
    }
}
