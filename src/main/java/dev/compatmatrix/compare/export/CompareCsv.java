package dev.compatmatrix.compare.export;

import dev.compatmatrix.base.SpreadsheetText;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compare.Comparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A comparison as RFC 4180 CSV (commons-csv, as every export): one row per platform and model, in the table's order,
 * each figure with the task, batch size and precision it is for; texts made inert for spreadsheets.
 */
public final class CompareCsv {

    static final List<String> HEADER = List.of(
            "platform",
            "model",
            "differs",
            "level",
            "validation",
            "stale",
            "disputed",
            "limitations",
            "notes",
            "task",
            "batch_size",
            "precision",
            "throughput_items_per_s",
            "latency_p50_ms",
            "latency_p95_ms");

    private CompareCsv() {}

    public static String fileName(Comparison comparison) {
        return CompareMarkdown.baseName(comparison) + ".csv";
    }

    public static void write(Comparison comparison, List<Comparison.PlatformRow> rows, Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
            csv.printRecord(HEADER);
            for (Comparison.PlatformRow row : rows) {
                for (Comparison.Cell cell : row.cells()) {
                    var m = cell.measurement();
                    csv.printRecord(
                            row.platform().key(),
                            text(cell.model()),
                            row.differs(),
                            cell.level() == null ? "not_tested" : cell.level().key(),
                            cell.status() == null ? "" : cell.status().key(),
                            cell.stale(),
                            cell.disputed(),
                            text(cell.limitations()),
                            text(cell.notes()),
                            m == null ? "" : text(m.choice().taskType()),
                            m == null ? "" : m.choice().batchSize(),
                            m == null ? "" : m.choice().precision().key(),
                            m == null ? "" : Comparison.Measurement.number(m.throughputItemsPerS()),
                            m == null ? "" : Comparison.Measurement.number(m.latencyP50Ms()),
                            m == null ? "" : Comparison.Measurement.number(m.latencyP95Ms()));
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetText.inert(VisibleText.of(value));
    }
}
