package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.Keyed;
import java.time.LocalDate;
import java.util.Optional;

/** The file formats the filtered matrix exports to; {@code key} is what the API's {@code format} takes. */
public enum ExportFormat implements Keyed {
    CSV("csv", "CSV", "text/csv", "csv"),
    JSON("json", "JSON", "application/json", "json"),
    MARKDOWN("markdown", "Markdown", "text/markdown", "md"),
    HTML("html", "HTML page", "text/html", "html");

    private final String key;
    private final String label;
    private final String mediaType;
    private final String extension;

    ExportFormat(String key, String label, String mediaType, String extension) {
        this.key = key;
        this.label = label;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The Content-Type of the file; every export is UTF-8. */
    public String contentType() {
        return mediaType + ";charset=UTF-8";
    }

    /** The file name's ending, without the dot. */
    public String extension() {
        return extension;
    }

    /** For example {@code compatibility-matrix-2026-11-27.csv}. */
    public String fileName(LocalDate day) {
        return "compatibility-matrix-" + day + "." + extension;
    }

    public static Optional<ExportFormat> fromKey(String key) {
        return Keyed.fromKey(ExportFormat.class, key);
    }
}
