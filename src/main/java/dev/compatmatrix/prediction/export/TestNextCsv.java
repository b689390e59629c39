package dev.compatmatrix.prediction.export;

import dev.compatmatrix.base.SpreadsheetText;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.prediction.query.TestNextFilter;
import dev.compatmatrix.prediction.query.TestNextRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A test lab's queue as RFC 4180 CSV (commons-csv, as every export): a header, then one row per untested cell in rank
 * order, texts made inert for spreadsheets ({@link SpreadsheetText#inert}). A prediction is marked as one: the column
 * says "likely High · 82 %" or "no prediction", never a level alone.
 */
public final class TestNextCsv {

    static final List<String> HEADER = List.of(
            "rank",
            "model",
            "family",
            "type",
            "platform",
            "prediction",
            "predicted_level",
            "predicted_probability",
            "entropy_bits",
            "shared_cells",
            "value");

    private final CSVPrinter csv;
    private long rank;

    public TestNextCsv(Writer out) throws IOException {
        this.csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord(HEADER);
    }

    /** "what-to-test-next.csv", or "what-to-test-next-cuda.csv" for one platform. */
    public static String fileName(TestNextFilter filter) {
        return "what-to-test-next"
                + (filter.platform() == null ? "" : "-" + filter.platform().key()) + ".csv";
    }

    public void row(TestNextRow row) {
        rank++;
        try {
            csv.printRecord(
                    rank,
                    SpreadsheetText.inert(VisibleText.of(row.modelName())),
                    SpreadsheetText.inert(VisibleText.of(row.family())),
                    row.type(),
                    row.platform().key(),
                    row.predictionText(),
                    row.prediction() == null ? "" : row.prediction().level().key(),
                    row.prediction() == null ? "" : number(row.prediction().confidence()),
                    number(row.entropy()),
                    row.shared(),
                    number(row.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void end() throws IOException {
        csv.flush();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
