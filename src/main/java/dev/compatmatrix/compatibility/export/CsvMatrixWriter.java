package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.SpreadsheetText;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (commons-csv quotes commas, quotes and line breaks): one header row, then one row per model with
 * each platform's level key ({@code not_tested} without a claim), validation status, and whether its validation is
 * stale and whether an automated result disputes it ({@code true}/{@code false}, as in the JSON export). With
 * predictions included, an untested cell with a shown prediction reads "predicted: likely High (82 %)" instead of
 * {@code not_tested}.
 */
public final class CsvMatrixWriter implements MatrixWriter {

    private final CSVPrinter csv;

    CsvMatrixWriter(OutputStream out) throws IOException {
        this.csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("model", "family", "type", "size", "parameters_millions"));
        for (Platform platform : Platform.values()) {
            header.add(platform.key());
        }
        for (Platform platform : Platform.values()) {
            header.add(platform.key() + "_validation");
        }
        for (Platform platform : Platform.values()) {
            header.add(platform.key() + "_stale");
        }
        for (Platform platform : Platform.values()) {
            header.add(platform.key() + "_disputed");
        }
        header.addAll(List.of("score", "recommended_platform", "last_updated"));
        return header;
    }

    @Override
    public void begin(ExportHeader header) throws IOException {
        csv.printRecord(header());
    }

    @Override
    public void row(MatrixRow row) throws IOException {
        List<String> values = new ArrayList<>(List.of(
                inert(VisibleText.of(row.name())),
                inert(VisibleText.of(row.family())),
                row.type(),
                row.size(),
                ExportValues.number(row.parametersMillions())));
        for (Platform platform : Platform.values()) {
            values.add(ExportValues.levelKeyOrPrediction(row, platform));
        }
        for (Platform platform : Platform.values()) {
            values.add(
                    row.cell(platform) == null
                            ? ""
                            : row.cell(platform).status().key());
        }
        for (Platform platform : Platform.values()) {
            values.add(String.valueOf(
                    row.cell(platform) != null && row.cell(platform).stale()));
        }
        for (Platform platform : Platform.values()) {
            values.add(String.valueOf(
                    row.cell(platform) != null && row.cell(platform).disputed()));
        }
        values.add(ExportValues.number(row.score()));
        values.add(row.recommended() == null ? "" : row.recommended().key());
        values.add(ExportValues.isoUtc(row.lastUpdated()));
        csv.printRecord(values);
    }

    /** Text made inert for spreadsheets: {@link SpreadsheetText#inert}, the rule every CSV export shares. */
    public static String inert(String text) {
        return SpreadsheetText.inert(text);
    }

    @Override
    public void end() throws IOException {
        csv.flush();
    }
}
