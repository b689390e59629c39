package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.time.PointInTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports exactly the rows of a filtered, sorted matrix view — all of them, not a page — as CSV, JSON,
 * Markdown or a standalone HTML page. Every signed-in role may export (VIEWER is in every role).
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class ExportService {

    private final MatrixExporter exporter;
    private final Clock clock;

    public ExportService(MatrixExporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    /** Writes the export to {@code out} and flushes it; the caller closes it. */
    @Transactional(readOnly = true)
    public void export(MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out) throws IOException {
        exporter.write(filter, sort, format, out);
    }

    /**
     * Like {@link #export}, with each untested cell's shown prediction marked as a prediction ({@code
     * includePredictions=true}): only on request, and only of the matrix as it is now.
     */
    @Transactional(readOnly = true)
    public void exportWithPredictions(MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out)
            throws IOException {
        exporter.writeWithPredictions(filter, sort, format, out);
    }

    /** Like {@link #export}, the matrix as it was at {@code point} (its title says so). */
    @Transactional(readOnly = true)
    public void exportAsOf(
            PointInTime point, MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out)
            throws IOException {
        exporter.writeAsOf(point, filter, sort, format, out);
    }

    /** Today's file name for this format, e.g. {@code compatibility-matrix-2026-11-27.csv} (UTC date). */
    public String fileName(ExportFormat format) {
        return format.fileName(LocalDate.now(clock));
    }
}
