package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** NUL, BEL and bidi overrides in stored text leave every export format named, never raw. */
class ExportHiddenCharactersTest {

    static final String NAME = "acme/abc\u202Egnp.exe";
    static final String FAMILY = "fam\u0000ily\u0007 \u2066x\u2069";
    static final MatrixFilter FILTER = new MatrixFilter("q\u202E", null, null, null, Map.of(), null, null);

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void no_export_format_carries_a_control_or_bidi_character(ExportFormat format) throws IOException {
        String text = export(format);

        assertThat(text.codePoints()
                        .filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r')
                        .toArray())
                .isEmpty();
        assertThat(text).doesNotContain("\u202E", "\u2066", "\u2069", "\\u0000", "\\u0007");
    }

    @Test
    void each_format_shows_the_hidden_characters_by_name() throws IOException {
        assertThat(ExportFiles.csv(export(ExportFormat.CSV)).getFirst().get("model"))
                .isEqualTo("acme/abc<U+202E>gnp.exe");
        assertThat(ExportFiles.json(export(ExportFormat.JSON))
                        .get("rows")
                        .get(0)
                        .get("family")
                        .asString())
                .isEqualTo("fam<U+0000>ily<U+0007> <U+2066>x<U+2069>");
        assertThat(ExportFiles.htmlRows(export(ExportFormat.HTML))
                        .getFirst()
                        .child(0)
                        .text())
                .isEqualTo("acme/abc<U+202E>gnp.exe");
        assertThat(Jsoup.parse(export(ExportFormat.HTML)).title()).contains("q<U+202E>");
        assertThat(ExportFiles.markdownRows(export(ExportFormat.MARKDOWN))
                        .getFirst()
                        .getFirst())
                .isEqualTo("acme/abc&lt;U+202E&gt;gnp.exe");
    }

    private static String export(ExportFormat format) throws IOException {
        var out = new ByteArrayOutputStream();
        MatrixWriter writer = switch (format) {
            case CSV -> new CsvMatrixWriter(out);
            case JSON -> new JsonMatrixWriter(JsonMapper.builder().build(), out);
            case MARKDOWN -> new MarkdownMatrixWriter(out);
            case HTML -> new HtmlMatrixWriter(out);
        };
        writer.begin(new ExportHeader(FILTER, MatrixSort.BY_NAME, Instant.EPOCH, 1));
        writer.row(new MatrixRow(
                1, NAME, FAMILY, "vision", "small", 1.0, 0.5, null, null, Map.of(), Map.of(), Map.of(), Map.of()));
        writer.end();
        return out.toString(StandardCharsets.UTF_8);
    }
}
