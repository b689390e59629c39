package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.AsOfMatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.prediction.query.ShownPredictionsQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private final ShownPredictionsQuery predictions;

    /** An export with predictions reads this many models' rows and predictions at a time. */
    static final int PREDICTIONS_CHUNK = 1_000;

    MatrixExporter(
            MatrixQuery matrix, AsOfMatrixQuery past, JsonMapper json, Clock clock, ShownPredictionsQuery predictions) {
        this.matrix = matrix;
        this.predictions = predictions;
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

    /**
     * The live matrix with each untested cell's shown prediction, marked as a prediction in every format. Rows and
     * predictions are read a chunk of the ordered ids at a time (two statements per chunk), so no statement stays
     * open while another runs and memory holds one chunk.
     */
    void writeWithPredictions(MatrixFilter filter, MatrixSort sort, ExportFormat format, OutputStream out)
            throws IOException {
        int[] ids = matrix.orderedIds(filter, sort);
        write(new ExportHeader(filter, sort, generatedAt(), ids.length, null, true), format, out, rows -> {
            for (int from = 0; from < ids.length; from += PREDICTIONS_CHUNK) {
                List<Integer> chunk = Arrays.stream(ids, from, Math.min(ids.length, from + PREDICTIONS_CHUNK))
                        .boxed()
                        .toList();
                var shown = predictions.forModels(chunk);
                matrix.rows(chunk)
                        .forEach(row -> rows.accept(row.withPredictions(shown.getOrDefault(row.modelId(), Map.of()))));
            }
        });
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
