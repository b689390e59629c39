package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the filtered matrix in one format, streaming its rows from the database into the output. The
 * caller runs it in one read-only transaction, so the count in the header and the rows are the same snapshot.
 */
@Component
class MatrixExporter {

    private final MatrixQuery matrix;
    private final JsonMapper json;
    private final Clock clock;

    MatrixExporter(MatrixQuery matrix, JsonMapper json, Clock clock) {
        this.matrix = matrix;
        this.json = json;
        this.clock = clock;
    }

    void write(MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out) throws IOException {
        MatrixWriter writer = writer(format, out);
        writer.begin(
                new ExportHeader(filter, sort, clock.instant().truncatedTo(ChronoUnit.SECONDS), matrix.count(filter)));
        matrix.forEachRow(filter, sort, row -> {
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
