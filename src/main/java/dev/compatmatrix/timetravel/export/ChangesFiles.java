package dev.compatmatrix.timetravel.export;

import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.time.TimeRange;
import java.util.List;
import java.util.Optional;

/** The files the changes between two points in time download as: the matrix export's Markdown and CSV formats. */
public final class ChangesFiles {

    /** The formats, in the order the screen offers them. */
    public static final List<ExportFormat> FORMATS = List.of(ExportFormat.MARKDOWN, ExportFormat.CSV);

    private ChangesFiles() {}

    /** The format of this key ({@code markdown}, {@code csv}), if it is one of {@link #FORMATS}. */
    public static Optional<ExportFormat> fromKey(String key) {
        return ExportFormat.fromKey(key).filter(FORMATS::contains);
    }

    /** What a person clicks: "Markdown changelog", "CSV". */
    public static String label(ExportFormat format) {
        return format == ExportFormat.MARKDOWN ? "Markdown changelog" : format.label();
    }

    /** For example {@code compatibility-changes-2026-06-01-to-2026-11-27.md}; a snapshot's name as a safe word. */
    public static String fileName(TimeRange range, ExportFormat format) {
        return "compatibility-changes-" + safe(range.from().text()) + "-to-"
                + safe(range.to().text()) + "." + format.extension();
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
