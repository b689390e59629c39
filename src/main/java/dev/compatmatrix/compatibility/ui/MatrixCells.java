package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationMarks;
import dev.compatmatrix.matrix.query.LevelSinceQuery.LevelSince;
import dev.compatmatrix.matrix.ui.LevelBadge;

/**
 * How the matrix shows a claim, compactly so eight platforms fit a laptop screen: the level's word or its usual
 * abbreviation ("Med", "Unsup") with the validation mark and the ◷ stale and ⚠ disputed marks, on the level's colour
 * (never colour alone); the full text in the tooltip, with since when the claim has had its level. Two layouts: one column per platform, or on a phone one card
 * per model holding all eight platforms.
 */
final class MatrixCells {

    /** What the marks and words in the cells mean. */
    static final String LEGEND = "✓ validated · ◐ partly validated · ○ unvalidated · ◷ stale · ⚠ disputed · "
            + "Med = Medium · Unsup = Unsupported (tested, fails) · dashed \"Not tested\" = no claim";

    private MatrixCells() {}

    /** "High ✓", "Med ◐ ◷ ⚠", "Not tested". */
    static String text(MatrixRow.Cell cell) {
        if (cell == null) {
            return LevelBadge.word(null);
        }
        return shortWord(cell.level()) + " " + cell.status().mark()
                + ValidationMarks.symbols(cell.stale(), cell.disputed());
    }

    static String shortWord(CompatibilityLevel level) {
        return switch (level) {
            case MEDIUM -> "Med";
            case UNSUPPORTED -> "Unsup";
            default -> level.label();
        };
    }

    /** "CUDA: Medium · Validated (validation stale) (disputed by an automated result)". */
    static String title(Platform platform, MatrixRow.Cell cell) {
        return platform.label() + ": "
                + LevelBadge.title(cell == null ? null : cell.level(), cell == null ? null : cell.status())
                + (cell == null ? "" : ValidationMarks.words(cell.stale(), cell.disputed()));
    }

    /** The cell's tooltip: {@link #title} and, on a second line, since when it has had its level. */
    static String title(Platform platform, MatrixRow row) {
        MatrixRow.Cell cell = row.cell(platform);
        return title(platform, cell)
                + (cell == null ? "" : sinceLine(cell.level(), row.since().get(platform)));
    }

    /** "\nHigh since 2026-03-14 (2.3.0)": the date (UTC) and the framework version the history recorded, if any. */
    static String sinceLine(CompatibilityLevel level, LevelSince since) {
        if (since == null) {
            return "";
        }
        return "\n" + level.label() + " since " + since.since().toLocalDate()
                + (since.version() == null || since.version().isBlank() ? "" : " (" + since.version() + ")");
    }

    static String cssClass(MatrixRow.Cell cell) {
        return LevelBadge.cssClass(cell == null ? null : cell.level());
    }

    /** A cell changed by someone just now: outlined, with the word "Updated" after it (gone after a few seconds). */
    private static String changedMark(String property) {
        return "${item." + property + " ? html`<span class=\"" + RecentChanges.LABEL_CLASS + "\">" + RecentChanges.WORD
                + "</span>` : ''}";
    }

    private static String changedClass(MatrixRow row, Platform platform, RecentChanges recent) {
        return recent.isMarked(row.modelId(), platform) ? RecentChanges.CHANGED_CLASS : "";
    }

    /** One platform's column; cells that {@code recent} marks show as changed. */
    static LitRenderer<MatrixRow> platformColumn(Platform platform, RecentChanges recent) {
        return LitRenderer.<MatrixRow>of("<span class=\"level ${item.css} ${item.changed}\" title=\"${item.title}\">"
                        + "${item.text}</span>" + changedMark("changed"))
                .withProperty("css", r -> cssClass(r.cell(platform)))
                .withProperty("changed", r -> changedClass(r, platform, recent))
                .withProperty("text", r -> text(r.cell(platform)))
                .withProperty("title", r -> title(platform, r));
    }

    /** A model as a card: its name, then each platform's label over its cell, four to a line. */
    static LitRenderer<MatrixRow> card(RecentChanges recent) {
        StringBuilder template = new StringBuilder("<div class=\"matrix-card\"><div class=\"card-name\">${item.name}"
                + "</div><div class=\"card-cells\">");
        for (Platform platform : Platform.values()) {
            String key = platform.key();
            template.append("<span class=\"card-cell\"><span class=\"card-platform\">")
                    .append(platform.label())
                    .append("</span><span class=\"level ${item.")
                    .append(key)
                    .append("Css} ${item.")
                    .append(key)
                    .append("Changed}\" title=\"${item.")
                    .append(key)
                    .append("Title}\">${item.")
                    .append(key)
                    .append("Text}</span>")
                    .append(changedMark(key + "Changed"))
                    .append("</span>");
        }
        LitRenderer<MatrixRow> renderer =
                LitRenderer.of(template.append("</div></div>").toString());
        renderer.withProperty("name", MatrixRow::name);
        for (Platform platform : Platform.values()) {
            renderer.withProperty(platform.key() + "Css", r -> cssClass(r.cell(platform)))
                    .withProperty(platform.key() + "Changed", r -> changedClass(r, platform, recent))
                    .withProperty(platform.key() + "Text", r -> text(r.cell(platform)))
                    .withProperty(platform.key() + "Title", r -> title(platform, r));
        }
        return renderer;
    }
}
