package dev.compatmatrix.compare.export;

import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.compatibility.export.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as a Markdown table, as the screen shows it: platforms as rows, models as columns, "≠ differs" after a
 * platform whose claims differ. Stored text is escaped as in every Markdown export ({@link MarkdownText}): it cannot
 * end a cell, start a link or become a tag.
 */
public final class CompareMarkdown {

    public static final String DIFFERS = "≠ differs";

    private CompareMarkdown() {}

    /** "compare-bert-base-uncased-roberta-base": a file name of the models' names, safe for any file system. */
    static String baseName(Comparison comparison) {
        String names = String.join("-", comparison.models()).replaceAll("[^A-Za-z0-9._-]+", "_");
        return "compare-" + (names.length() > 120 ? names.substring(0, 120) : names);
    }

    public static String fileName(Comparison comparison) {
        return baseName(comparison) + ".md";
    }

    public static String of(Comparison comparison, List<Comparison.PlatformRow> rows) {
        StringBuilder md = new StringBuilder("# Compare models\n\n");
        md.append(escape(comparison.performanceBasis())).append("\n\n");
        List<String> header = new ArrayList<>(List.of("Platform"));
        comparison.models().forEach(m -> header.add(escape(m)));
        line(md, header);
        line(md, header.stream().map(h -> "---").toList());
        for (Comparison.PlatformRow row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(escape(row.platform().label()) + (row.differs() ? " " + DIFFERS : ""));
            row.cells().forEach(cell -> cells.add(cell(cell, comparison.common() == null)));
            line(md, cells);
        }
        return md.toString();
    }

    private static String cell(Comparison.Cell cell, boolean ownChoice) {
        List<String> parts = new ArrayList<>();
        parts.add(escape(cell.levelText()));
        addIfPresent(parts, cell.statusText());
        addIfPresent(parts, cell.limitations() == null ? null : "Limitations: " + cell.limitations());
        addIfPresent(parts, cell.notes() == null ? null : "Notes: " + cell.notes());
        if (cell.measurement() != null) {
            addIfPresent(
                    parts,
                    cell.measurement().text()
                            + (ownChoice
                                    ? " ("
                                            + Comparison.choiceText(
                                                    cell.measurement().choice()) + ")"
                                    : ""));
        }
        return String.join("<br>", parts);
    }

    private static void addIfPresent(List<String> parts, String text) {
        if (text != null && !text.isBlank()) {
            parts.add(escape(text));
        }
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String escape(String text) {
        return MarkdownText.cell(text);
    }
}
