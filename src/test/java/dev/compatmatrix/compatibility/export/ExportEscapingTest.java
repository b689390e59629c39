package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Text an editor typed comes out of every format exactly as typed, never breaking the file's structure. */
class ExportEscapingTest extends WritingIntegrationTest {

    static final String NAME = "acme/escape-me";
    /**
     * A family as an older version stored it (today's rule, catalog/Identifier, refuses it): commas, quotes, line
     * breaks, pipes, backslashes and markup.
     */
    static final String FAMILY = "fam, \"quoted\" | piped \\ slashed\r\nnext line <script>alert('x')</script>";

    static final MatrixFilter ONLY_IT = new MatrixFilter("escape-me", null, null, null, Map.of(), null, null);

    @Autowired
    CatalogService catalog;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void createTheModel() {
        signIn("editor", Roles.EDITOR);
        if (catalog.find(NAME).isEmpty()) {
            catalog.create(new ModelData(NAME, "escape-family", ModelType.VISION, ModelSize.SMALL, 12.5, null));
            for (String table : List.of("models", "cross_platform_compatibility")) { // the matrix row keeps it too
                jdbc.sql("UPDATE " + table + " SET model_family = :family WHERE model_name = :name")
                        .param("family", FAMILY)
                        .param("name", NAME)
                        .update();
            }
        }
    }

    @Test
    void csv_quotes_commas_quotes_and_line_breaks_and_reads_back_unchanged() throws IOException {
        String csv = export(ExportFormat.CSV);

        var records = ExportFiles.csv(csv);
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().get("model")).isEqualTo(NAME);
        assertThat(records.getFirst().get("family")).isEqualTo(FAMILY);
        assertThat(records.getFirst().get("cuda")).isEqualTo("not_tested");
        assertThat(records.getFirst().size()).isEqualTo(CsvMatrixWriter.header().size());
    }

    @Test
    void markdown_keeps_the_row_on_one_line_with_pipes_escaped() throws IOException {
        String markdown = export(ExportFormat.MARKDOWN);

        List<List<String>> rows = ExportFiles.markdownRows(markdown);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).hasSize(16);
        assertThat(rows.getFirst().get(1))
                .isEqualTo("fam, \"quoted\" \\| piped \\\\ slashed<br>next line "
                        + "&lt;script&gt;alert('x')&lt;/script&gt;");
        assertThat(markdown).doesNotContain("<script>");
    }

    @Test
    void html_escapes_markup_so_no_script_runs() throws IOException {
        String html = export(ExportFormat.HTML);

        var page = Jsoup.parse(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        var row = ExportFiles.htmlRows(html);
        assertThat(row).hasSize(1);
        assertThat(row.getFirst().child(1).wholeText()).isEqualTo(FAMILY);
    }

    @Test
    void a_filter_with_markup_is_escaped_in_the_html_title() throws IOException {
        var filter = new MatrixFilter("<script>alert(1)</script>", null, null, null, Map.of(), null, null);
        var out = new ByteArrayOutputStream();
        exports.export(filter, MatrixSort.BY_NAME, ExportFormat.HTML, out);
        String html = out.toString(StandardCharsets.UTF_8);

        assertThat(Jsoup.parse(html).select("script")).isEmpty();
        assertThat(Jsoup.parse(html).title()).contains("q=<script>alert(1)</script>");
    }

    @Test
    void json_strings_carry_the_text_unchanged() throws IOException {
        var json = ExportFiles.json(export(ExportFormat.JSON));

        assertThat(json.get("count").asInt()).isEqualTo(1);
        assertThat(json.get("rows").get(0).get("family").asString()).isEqualTo(FAMILY);
        assertThat(json.get("filter").get("q").asString()).isEqualTo("escape-me");
    }

    private String export(ExportFormat format) throws IOException {
        var out = new ByteArrayOutputStream();
        exports.export(ONLY_IT, MatrixSort.BY_NAME, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
