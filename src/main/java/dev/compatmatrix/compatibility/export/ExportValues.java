package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.LevelWords;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.CellPrediction;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the export formats write values, so every format writes them alike. */
final class ExportValues {

    /** Where the platform columns start in {@link #readableColumns()}. */
    static final int FIRST_PLATFORM_COLUMN = 5;
    /** What the marks in a cell mean. */
    static final String LEGEND = "Validation: ✓ validated · ◐ partially validated · ○ unvalidated · ◷ stale · "
            + "⚠ disputed. \"Not tested\" means no claim; \"Unsupported\" means tested and failing.";
    /** Added to {@link #LEGEND} in an export that includes predictions. */
    static final String PREDICTIONS_LEGEND = " \"predicted: …\" is not a claim: nobody has tested the cell; a model"
            + " trained on the claims predicts it, and it counts in no coverage, score or recommendation.";
    /** The level key of a platform without a claim. */
    static final String NOT_TESTED = "not_tested";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private ExportValues() {}

    /** The column headings of the formats people read (Markdown, HTML); platforms from index 5 on. */
    static List<String> readableColumns() {
        List<String> columns = new ArrayList<>(List.of("Model", "Family", "Type", "Size", "Params (M)"));
        for (Platform platform : Platform.values()) {
            columns.add(platform.label());
        }
        columns.addAll(List.of("Score", "Recommended", "Last updated"));
        return columns;
    }

    /** A row's cells under {@link #readableColumns()}. */
    static List<String> readableCells(MatrixRow row) {
        List<String> cells = new ArrayList<>(List.of(
                VisibleText.of(row.name()),
                VisibleText.of(row.family()),
                row.type(),
                row.size(),
                number(row.parametersMillions())));
        for (Platform platform : Platform.values()) {
            CellPrediction prediction = row.prediction(platform);
            cells.add(prediction == null ? cellText(row.cell(platform)) : predictedText(prediction));
        }
        cells.add(String.format(Locale.ROOT, "%.2f", row.score()));
        cells.add(row.recommended() == null ? "—" : row.recommended().label());
        cells.add(readableUtc(row.lastUpdated()));
        return cells;
    }

    /** A number without exponent or trailing zeros ("110", "4.4"); empty for none. */
    static String number(Double value) {
        return value == null
                ? ""
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A UTC time as ISO 8601 with a Z, to the second; empty for none. */
    static String isoUtc(LocalDateTime utc) {
        return utc == null
                ? ""
                : utc.truncatedTo(ChronoUnit.SECONDS).toInstant(ZoneOffset.UTC).toString();
    }

    /** A UTC time for people ("2026-11-27 03:09 UTC"); empty for none. */
    static String readableUtc(LocalDateTime utc) {
        return utc == null ? "" : MINUTES.format(utc);
    }

    static String levelKey(MatrixRow.Cell cell) {
        return cell == null ? NOT_TESTED : cell.level().key();
    }

    /** A platform's level key, or for an untested cell with a shown prediction its {@link #predictedText}. */
    static String levelKeyOrPrediction(MatrixRow row, Platform platform) {
        CellPrediction prediction = row.prediction(platform);
        return prediction == null ? levelKey(row.cell(platform)) : predictedText(prediction);
    }

    /**
     * "predicted: likely High (82 %)": a prediction in a file is never a bare level. Starts with a letter, so no
     * spreadsheet reads it as a formula.
     */
    static String predictedText(CellPrediction prediction) {
        return "predicted: likely " + prediction.level().label() + " (" + prediction.percent() + " %)";
    }

    /** The cell as the matrix shows it: level word and validation mark, plus ◷ when stale and ⚠ when disputed. */
    static String cellText(MatrixRow.Cell cell) {
        if (cell == null) {
            return LevelWords.word(null);
        }
        return LevelWords.word(cell.level()) + " " + cell.status().mark() + (cell.stale() ? " ◷" : "")
                + (cell.disputed() ? " ⚠" : "");
    }
}
