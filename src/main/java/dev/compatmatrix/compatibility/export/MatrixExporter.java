package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.AsOfMatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.time.PointInTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the filtered matrix in one format, streaming its rows from the database into the output. The
 * caller runs it in one read-only transaction, so the count in the header and the rows are the same snapshot.
 */
@Component
class MatrixExporter {

    private final MatrixQuery matrix;
    private final AsOfMatrixQuery past;
    private final JsonMapper json;
    private final Clock clock;

    MatrixExporter(MatrixQuery matrix, AsOfMatrixQuery past, JsonMapper json, Clock clock) {
        this.matrix = matrix;
        this.past = past;
        this.json = json;
        this.clock = clock;
    }

    void write(MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out) throws IOException {
        write(
                new ExportHeader(filter, sort, generatedAt(), matrix.count(filter)),
                format,
                out,
                rows -> matrix.forEachRow(filter, sort, rows));
    }

    /** The matrix as of a point; a point that includes now exports the live matrix and says nothing of a date. */
    void writeAsOf(PointInTime point, MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out)
            throws IOException {
        if (past.includesNow(point)) {
            write(filter, sort, format, out);
            return;
        }
        write(
                new ExportHeader(filter, sort, generatedAt(), past.count(point, filter), point),
                format,
                out,
                rows -> past.forEachRow(point, filter, sort, rows));
    }

    private Instant generatedAt() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void write(ExportHeader header, ExportFormat format, OutputStream out, Consumer<Consumer<MatrixRow>> rows)
            throws IOException {
        MatrixWriter writer = writer(format, out);
        writer.begin(header);
        rows.accept(row -> {
            try {
                writer.row(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.end();
    }

    private MatrixWriter writer(ExportFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvMatrixWriter(out);
            case JSON -> new JsonMatrixWriter(json, out);
            case MARKDOWN -> new MarkdownMatrixWriter(out);
            case HTML -> new HtmlMatrixWriter(out);
        };
    }
}
