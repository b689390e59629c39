package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Markdown export read by a real CommonMark parser (with GitHub's tables): whatever a model's name or family
 * says, its cells come out as plain text — no link, image, HTML, emphasis or code — reading exactly as typed.
 */
class MarkdownExportRenderingTest {

    /** What an editor or an import may have typed into a name or family. */
    static final List<String> HOSTILE = List.of(
            "[click](javascript:alert(1)) ![b](http://127.0.0.1:9/b.png)",
            "![](http://127.0.0.1:9/pixel.png)",
            "<img src=x onerror=alert(1)>",
            "<http://127.0.0.1:9/autolink> <a@b.example>",
            "*em* _em_ **strong** __strong__ `code` ~~gone~~",
            "&#106;avascript &amp; &lt;b&gt; &copy;",
            "a | b \\| c \\ d \\[not a link\\](x)",
            "[ref]\n[ref]: http://127.0.0.1:9/",
            "first line\nsecond line",
            "abc\u202Egnp.exe bell\u0007 nul\u0000");

    @Test
    void every_cell_renders_as_plain_text_reading_as_typed() throws IOException {
        List<MatrixRow> rows = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            rows.add(new MatrixRow(
                    i,
                    HOSTILE.get(i),
                    HOSTILE.get(HOSTILE.size() - 1 - i),
                    "vision",
                    "small",
                    1.0,
                    0.5,
                    null,
                    null,
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of()));
        }

        Node document = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .build()
                .parse(markdown(rows));

        List<List<String>> cells = bodyCells(document);
        assertThat(cells).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(cells.get(i).get(0)).isEqualTo(VisibleText.of(rows.get(i).name()));
            assertThat(cells.get(i).get(1)).isEqualTo(VisibleText.of(rows.get(i).family()));
        }
    }

    private static String markdown(List<MatrixRow> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new MarkdownMatrixWriter(out);
        writer.begin(new ExportHeader(MatrixFilter.NONE, MatrixSort.BY_NAME, Instant.EPOCH, rows.size()));
        for (MatrixRow row : rows) {
            writer.row(row);
        }
        writer.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Each body row's cells as the reader sees them; fails on any node that is not plain text or a line break. */
    private static List<List<String>> bodyCells(Node document) {
        List<List<String>> rows = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableBody) {
                    for (Node row = node.getFirstChild(); row != null; row = row.getNext()) {
                        List<String> cells = new ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            cells.add(visibleText((TableCell) cell));
                        }
                        rows.add(cells);
                    }
                } else {
                    visitChildren(node);
                }
            }
        });
        return rows;
    }

    private static String visibleText(TableCell cell) {
        StringBuilder text = new StringBuilder();
        for (Node node = cell.getFirstChild(); node != null; node = node.getNext()) {
            assertThat(node)
                    .as("a node in the cell %s", cell)
                    .isNotInstanceOfAny(
                            Link.class, Image.class, HtmlBlock.class, Code.class, Emphasis.class, StrongEmphasis.class);
            if (node instanceof HtmlInline html) {
                // The one piece of HTML the export writes itself: a line break inside a cell.
                assertThat(html.getLiteral()).isEqualTo("<br>");
                text.append('\n');
            } else {
                assertThat(node).isInstanceOf(Text.class);
                text.append(((Text) node).getLiteral());
            }
        }
        return text.toString();
    }
}
