package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.feedback.query.OpenReportsQuery.CellReports;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationMarks;
import dev.compatmatrix.matrix.query.LevelSinceQuery.LevelSince;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.prediction.CellPrediction;
import java.util.stream.Collectors;

/**
 * How the matrix shows a claim, compactly so eight platforms fit a laptop screen: the level's word or its usual
 * abbreviation ("Med", "Unsup") with the validation mark and the ◷ stale and ⚠ disputed marks, on the level's colour
 * (never colour alone); the full text in the tooltip, with since when the claim has had its level. Two layouts: one column per platform, or on a phone one card
 * per model holding all eight platforms. With "Show predictions" on, an untested cell that has a shown prediction
 * reads "≈ likely High · 82 %" in a look no claim has (hatched, dotted outline, italic, the ≈ mark and the word
 * "likely"), says "Prediction, not a claim" to assistive technology, and names its strongest reasons in the tooltip.
 * Under a cell, users' open reports that count there (OpenReportsQuery), in words and a ⚑ mark, never in a claim's
 * look: "⚑ 2 reports contradict" under a claim, "community: works for 1" under an untested cell.
 */
final class MatrixCells {

    /** What the marks and words in the cells mean. */
    static final String LEGEND = "✓ validated · ◐ partly validated · ○ unvalidated · ◷ stale · ⚠ disputed · "
            + "Med = Medium · Unsup = Unsupported (tested, fails) · dashed \"Not tested\" = no claim";

    /** Added to the legend while predictions are shown. */
    static final String PREDICTIONS_LEGEND = " · ≈ likely … = a prediction, not a claim (counted nowhere)";

    /** Added to the legend in the live matrix. */
    static final String REPORTS_LEGEND = " · ⚑ n reports contradict = users' open reports say otherwise (not claims)";

    /** How many of a prediction's reasons (strongest first) its tooltip names. */
    static final int REASONS_SHOWN = 3;

    private MatrixCells() {}

    /** The predicted cell's tooltip: what it is, then its strongest reasons, one per line. */
    static String predictedTitle(Platform platform, CellPrediction prediction) {
        String reasons = prediction.reasons().stream()
                .filter(reason -> !reason.isBlank())
                .limit(REASONS_SHOWN)
                .map(reason -> "• " + VisibleText.of(reason))
                .collect(Collectors.joining("\n"));
        return platform.label() + ": " + PredictedBadge.label(prediction) + ". Nobody has tested this cell yet."
                + (reasons.isEmpty() ? "" : "\nStrongest reasons:\n" + reasons);
    }

    /** A platform column's Vaadin tooltip: only a predicted cell has one (a claim's cell keeps its title). */
    static String predictedTooltip(Platform platform, MatrixRow row) {
        CellPrediction prediction = row.prediction(platform);
        return prediction == null ? null : predictedTitle(platform, prediction);
    }

    /**
     * One cell's template; {@code p} prefixes its properties. A predicted cell gets its own span: its class, mark and
     * label, never a claim's; {@code ptitle} is its title (empty where a Vaadin tooltip shows it instead).
     */
    private static String cellTemplate(String p) {
        return "${item." + name(p, "predicted") + " ? html`<span class=\"level " + PredictedBadge.CSS_CLASS
                + "\" role=\"img\" aria-label=\"${item." + name(p, "label") + "}\" title=\"${item." + name(p, "ptitle")
                + "}\">${item." + name(p, "text") + "}</span>` : html`<span class=\"level ${item." + name(p, "css")
                + "} ${item." + name(p, "changed") + "}\" title=\"${item." + name(p, "title") + "}\">${item."
                + name(p, "text") + "}</span>`}" + changedMark(name(p, "changed")) + reportsMark(p);
    }

    /** The reports under a cell, when any count there: its words, and the same at length for the tooltip and aria. */
    private static String reportsMark(String p) {
        return "${item." + name(p, "reports") + " ? html`<span class=\"" + REPORTS_CLASS + "\" role=\"note\" "
                + "aria-label=\"${item." + name(p, "reportsTitle") + "}\" title=\"${item." + name(p, "reportsTitle")
                + "}\">${item." + name(p, "reports") + "}</span>` : ''}";
    }

    /** The class of the reports' words under a cell. */
    static final String REPORTS_CLASS = "cell-reports";

    /** "⚑ 2 reports contradict", "community: works for 1", or "" when no report counts on the cell. */
    static String reportsText(CellReports reports) {
        if (reports.contradicting() > 0) {
            return "⚑ " + reports.contradicting()
                    + (reports.contradicting() == 1 ? " report contradicts" : " reports contradict");
        }
        return reports.community() > 0 ? "community: works for " + reports.community() : "";
    }

    /** The tooltip and assistive text of {@link #reportsText}. */
    static String reportsTitle(CellReports reports) {
        if (reports.contradicting() > 0) {
            return reports.contradicting() + " open user "
                    + (reports.contradicting() == 1 ? "report says" : "reports say")
                    + " otherwise than this level. Reports are not claims: an editor or validator triages them on the"
                    + " model page.";
        }
        return reports.community() == 0
                ? ""
                : "Community evidence, not a claim: " + reports.community()
                        + (reports.community() == 1 ? " user reports" : " users report")
                        + " it works (or partly). Nobody has claimed this cell yet.";
    }

    /** A property's name: "text" in a platform's column, "cudaText" in the card. */
    private static String name(String prefix, String property) {
        return prefix.isEmpty() ? property : prefix + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    /** The properties of {@link #cellTemplate} for one platform of a row. */
    private static void cellProperties(
            LitRenderer<MatrixRow> renderer, String p, Platform platform, RecentChanges recent, boolean titled) {
        renderer.withProperty(name(p, "predicted"), r -> r.prediction(platform) != null)
                .withProperty(
                        name(p, "label"),
                        r -> r.prediction(platform) == null ? "" : PredictedBadge.label(r.prediction(platform)))
                .withProperty(
                        name(p, "ptitle"),
                        r -> !titled || r.prediction(platform) == null
                                ? ""
                                : predictedTitle(platform, r.prediction(platform)))
                .withProperty(name(p, "css"), r -> cssClass(r.cell(platform)))
                .withProperty(name(p, "changed"), r -> changedClass(r, platform, recent))
                .withProperty(name(p, "text"), r -> cellText(r, platform))
                .withProperty(name(p, "title"), r -> title(platform, r))
                .withProperty(name(p, "reports"), r -> reportsText(r.reports(platform)))
                .withProperty(name(p, "reportsTitle"), r -> reportsTitle(r.reports(platform)));
    }

    /** The claim's text, or the predicted text of an untested cell with a shown prediction. */
    static String cellText(MatrixRow row, Platform platform) {
        CellPrediction prediction = row.prediction(platform);
        return prediction == null ? text(row.cell(platform)) : PredictedBadge.text(prediction);
    }

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
        LitRenderer<MatrixRow> renderer = LitRenderer.of(cellTemplate(""));
        cellProperties(renderer, "", platform, recent, false);
        return renderer;
    }

    /** A model as a card: its name, then each platform's label over its cell, four to a line. */
    static LitRenderer<MatrixRow> card(RecentChanges recent) {
        StringBuilder template = new StringBuilder("<div class=\"matrix-card\"><div class=\"card-name\">${item.name}"
                + "</div><div class=\"card-cells\">");
        for (Platform platform : Platform.values()) {
            template.append("<span class=\"card-cell\"><span class=\"card-platform\">")
                    .append(platform.label())
                    .append("</span>")
                    .append(cellTemplate(platform.key()))
                    .append("</span>");
        }
        LitRenderer<MatrixRow> renderer =
                LitRenderer.of(template.append("</div></div>").toString());
        renderer.withProperty("name", MatrixRow::name);
        for (Platform platform : Platform.values()) {
            cellProperties(renderer, platform.key(), platform, recent, true);
        }
        return renderer;
    }
}
