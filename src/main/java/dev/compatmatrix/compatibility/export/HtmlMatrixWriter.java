package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ui.LevelBadge;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * A standalone HTML page with inline CSS: title with the filter and time, then the table. Every element is
 * built with jsoup, which escapes all text. Rows are rendered one at a time and streamed between the page's
 * head and tail, so a large export never holds the whole document.
 */
final class HtmlMatrixWriter implements MatrixWriter {

    private static final String ROWS_MARKER = "rows";
    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2933; }
            h1 { font-size: 1.25rem; }
            table { border-collapse: collapse; font-size: 0.875rem; }
            th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; white-space: nowrap; }
            thead th { background: #f3f5f7; position: sticky; top: 0; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            .level-high { background: #dcf5e3; color: #0b5d22; }
            .level-medium { background: #e1ecfb; color: #143f7a; }
            .level-low { background: #fff0d6; color: #7a4a00; }
            .level-unsupported { background: #fde2e1; color: #8a1c17; }
            .level-none { color: #5c6670; font-style: italic; }
            .legend { color: #5c6670; }
            """;
    /** Only in a page that includes predictions: a predicted cell looks like no claim (and says so in words). */
    private static final String PREDICTION_CSS = """
            .prediction { color: #4b2a86; font-style: italic; border: 1px dashed #7b5cc4; }
            """;

    private final Writer out;
    private Document page;
    private Element body;

    HtmlMatrixWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void begin(ExportHeader header) throws IOException {
        page = Document.createShell("");
        page.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        page.prependChild(new DocumentType("html", "", ""));
        page.head().appendElement("meta").attr("charset", "utf-8");
        page.title(header.title());
        page.head()
                .appendElement("style")
                .appendChild(new DataNode(CSS + (header.predictions() ? PREDICTION_CSS : "")));
        page.body().appendElement("h1").text(header.title());
        page.body().appendElement("p").addClass("legend").text(header.countText() + ". " + header.legend());
        Element headings =
                page.body().appendElement("table").appendElement("thead").appendElement("tr");
        ExportValues.readableColumns()
                .forEach(column ->
                        headings.appendElement("th").attr("scope", "col").text(column));
        body = headings.parent().parent().appendElement("tbody");
        body.appendChild(new Comment(ROWS_MARKER));
        out.write(head());
    }

    @Override
    public void row(MatrixRow row) throws IOException {
        Element tr = body.appendElement("tr");
        List<String> cells = ExportValues.readableCells(row);
        for (int i = 0; i < cells.size(); i++) {
            Element td = tr.appendElement(i == 0 ? "th" : "td").text(cells.get(i));
            int platform = i - ExportValues.FIRST_PLATFORM_COLUMN;
            if (i == 0) {
                td.attr("scope", "row");
            } else if (platform >= 0 && platform < Platform.values().length) {
                MatrixRow.Cell cell = row.cell(Platform.values()[platform]);
                td.addClass(
                        row.prediction(Platform.values()[platform]) != null
                                ? "prediction"
                                : LevelBadge.cssClass(cell == null ? null : cell.level()));
            }
        }
        out.write(tr.outerHtml());
        out.write('\n');
        tr.remove();
    }

    @Override
    public void end() throws IOException {
        out.write(tail());
        out.flush();
    }

    /** The page up to the first row. */
    private String head() {
        String html = page.outerHtml();
        return html.substring(0, html.indexOf(marker())) + "\n";
    }

    /** The page after the last row. */
    private String tail() {
        String html = page.outerHtml();
        return html.substring(html.indexOf(marker()) + marker().length()) + "\n";
    }

    /** Text can't produce it: jsoup escapes "<" in text and attributes. */
    private static String marker() {
        return "<!--" + ROWS_MARKER + "-->";
    }
}
