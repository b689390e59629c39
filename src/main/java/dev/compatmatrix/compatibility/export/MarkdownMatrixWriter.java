package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.MatrixRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Markdown document: a heading with the filter and time, then one table row per model. */
final class MarkdownMatrixWriter implements MatrixWriter {

    private final Writer out;

    MarkdownMatrixWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void begin(ExportHeader header) throws IOException {
        out.write("# " + MarkdownText.cell(header.title()) + "\n\n");
        out.write(header.countText() + ". " + header.legend() + "\n\n");
        List<String> columns = ExportValues.readableColumns();
        line(columns);
        line(columns.stream().map(c -> "---").toList());
    }

    @Override
    public void row(MatrixRow row) throws IOException {
        line(ExportValues.readableCells(row));
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private void line(List<String> cells) throws IOException {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(MarkdownText.cell(cell)).append(" |");
        }
        out.write(line.append('\n').toString());
    }
}
