package dev.compatmatrix.timetravel.export;

import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.export.CsvMatrixWriter;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.timetravel.query.CellChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The changes as RFC 4180 CSV (commons-csv, as the matrix export): a header, then one row per changed cell with
 * level and validation keys before and after ({@code not_tested} without a claim), texts made inert for
 * spreadsheets as the matrix export does ({@link CsvMatrixWriter#inert}).
 */
public final class ChangesCsv {

    /** The level of a side without a claim, as the matrix export writes it. */
    static final String NOT_TESTED = "not_tested";

    static final List<String> HEADER = List.of(
            "from",
            "to",
            "kind",
            "model",
            "family",
            "type",
            "model_deleted",
            "platform",
            "before_level",
            "before_validation",
            "after_level",
            "after_validation");

    private final CSVPrinter csv;
    private final TimeRange range;

    public ChangesCsv(Writer out, TimeRange range) throws IOException {
        this.csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        this.range = range;
        csv.printRecord(HEADER);
    }

    public void change(CellChange change) {
        try {
            csv.printRecord(
                    CsvMatrixWriter.inert(VisibleText.of(range.from().text())),
                    CsvMatrixWriter.inert(VisibleText.of(range.to().text())),
                    change.kind().key(),
                    CsvMatrixWriter.inert(VisibleText.of(change.modelName())),
                    CsvMatrixWriter.inert(VisibleText.of(change.family())),
                    change.modelType(),
                    change.modelDeleted(),
                    change.platform().key(),
                    change.beforeLevel() == null
                            ? NOT_TESTED
                            : change.beforeLevel().key(),
                    change.beforeValidation() == null
                            ? ""
                            : change.beforeValidation().key(),
                    change.afterLevel() == null
                            ? NOT_TESTED
                            : change.afterLevel().key(),
                    change.afterValidation() == null
                            ? ""
                            : change.afterValidation().key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void end() throws IOException {
        csv.flush();
    }
}
