package dev.compatmatrix.admin.importing;

/** Told how far an import has got while it is applied, so a screen can show progress for large files. */
@FunctionalInterface
public interface ImportProgress {

    /** Rows are reported in steps of this many, and once more at the end. */
    int STEP = 100;

    ImportProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} rows are written (not yet committed). Must not throw. */
    void rowsWritten(int done, int total);
}
