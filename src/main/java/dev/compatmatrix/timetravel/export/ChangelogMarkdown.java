package dev.compatmatrix.timetravel.export;

import dev.compatmatrix.compatibility.export.MarkdownText;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.LevelWords;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.timetravel.query.CellChange;
import dev.compatmatrix.timetravel.query.CellChangeKind;
import dev.compatmatrix.timetravel.query.ChangeCounts;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes as a Markdown changelog for release notes: a title with the range, the counts per kind, then a
 * section per kind (regressions first) listing "model — platform: High (validated) → Low (unvalidated)". Every
 * stored text is escaped ({@link MarkdownText}) so a name cannot become a link, an image or HTML.
 */
public final class ChangelogMarkdown {

    private final Writer out;
    private final ChangeCounts counts;
    private CellChangeKind section;

    /** Writes the title, the filter and the counts of the kinds the filter includes. */
    public ChangelogMarkdown(Writer out, TimeRange range, ChangesFilter filter, ChangeCounts counts)
            throws IOException {
        this.out = out;
        this.counts = counts;
        out.write(
                "# Compatibility changes from " + MarkdownText.cell(range.from().text()) + " to "
                        + MarkdownText.cell(range.to().text()) + "\n\n");
        out.write("From " + MarkdownText.cell(range.from().describe()) + " to "
                + MarkdownText.cell(range.to().describe()) + ".\n");
        List<String> narrowed = narrowing(filter);
        if (!narrowed.isEmpty()) {
            out.write("Only " + String.join(", ", narrowed) + ".\n");
        }
        out.write("\n| Change | Cells |\n| --- | ---: |\n");
        for (CellChangeKind kind : CellChangeKind.values()) {
            if (filter.kind() == null || filter.kind() == kind) {
                out.write("| " + kind.label() + " | " + counts.of(kind) + " |\n");
            }
        }
    }

    private static List<String> narrowing(ChangesFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.platform() != null) {
            parts.add("platform " + filter.platform().label());
        }
        if (filter.family() != null) {
            parts.add("family " + MarkdownText.cell(filter.family()));
        }
        if (filter.type() != null) {
            parts.add("type " + filter.type().key());
        }
        if (filter.kind() != null) {
            parts.add("changes of kind " + filter.kind().label());
        }
        return parts;
    }

    /** One change; changes come by kind, regressions first (a new kind starts its section). */
    public void change(CellChange change) {
        try {
            if (change.kind() != section) {
                section = change.kind();
                out.write("\n## " + section.label() + " (" + counts.of(section) + ")\n\n");
            }
            out.write("- " + model(change) + " — " + change.platform().label() + ": "
                    + state(change.beforeLevel(), change.beforeValidation()) + " → "
                    + state(change.afterLevel(), change.afterValidation()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void end() throws IOException {
        if (section == null) {
            out.write("\nNo cell changed.\n");
        }
        out.flush();
    }

    /** The escaped name; a leading list or heading character is escaped too, so it stays the item's text. */
    private static String model(CellChange change) {
        String name = MarkdownText.cell(change.modelName());
        if (!name.isEmpty() && "+-#".indexOf(name.charAt(0)) >= 0) {
            name = "\\" + name;
        }
        return change.modelDeleted() ? name + " (deleted)" : name;
    }

    /** "High (validated)", or "Not tested" for a cell without a claim. */
    static String state(CompatibilityLevel level, ValidationStatus validation) {
        return level == null
                ? LevelWords.word(null)
                : LevelWords.word(level) + " (" + validation.label().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
