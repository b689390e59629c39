package dev.compatmatrix.admin.importing;

/** Told how far an import has got while it is applied, so a screen can show progress for large files. */
@FunctionalInterface
public interface ImportProgress {

    /**
     * Rows are written in chunks of this many (a handful of statements per chunk) and reported after each
     * chunk; the last report is (total, total).
     */
    int STEP = 1000;

    ImportProgress NONE = (done, total) -> {};

    /** {@code done} of {@code total} rows are written (not yet committed). Must not throw. */
    void rowsWritten(int done, int total);
}
