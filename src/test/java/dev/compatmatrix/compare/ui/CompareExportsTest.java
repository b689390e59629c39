package dev.compatmatrix.compare.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.compare.export.CompareCsv;
import dev.compatmatrix.compare.export.CompareMarkdown;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The compare screen's CSV and Markdown, read back as files: what the table shows, stored text kept inert. */
class CompareExportsTest extends KaribuTest {

    private static final String MODELS = "bert-base-uncased,distilbert-base-uncased,xlm-roberta-base";

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    private static String download(Anchor link) {
        return new String(DownloadKt._download(link), StandardCharsets.UTF_8);
    }

    @Test
    void the_downloads_hold_the_rows_the_table_shows_with_each_figures_basis() throws IOException {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("compare", QueryParameters.fromString("models=" + MODELS + "&differences=only"));
        CompareView view = _get(CompareView.class);
        Comparison comparison = view.comparison();
        List<Comparison.PlatformRow> differing = comparison.differingRows();
        assertThat(differing).isNotEmpty().hasSizeLessThan(Platform.values().length);

        List<CSVRecord> records = csv(download(view.csv));
        assertThat(records).hasSize(differing.size() * 3);
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            Comparison.PlatformRow row = differing.get(i / 3);
            Comparison.Cell cell = row.cells().get(i % 3);
            assertThat(record.get("platform")).isEqualTo(row.platform().key());
            assertThat(record.get("model")).isEqualTo(cell.model());
            assertThat(record.get("differs")).isEqualTo("true");
            assertThat(record.get("level"))
                    .isEqualTo(
                            cell.level() == null ? "not_tested" : cell.level().key());
            if (cell.measurement() != null) {
                assertThat(record.get("task")).isEqualTo(comparison.common().taskType());
                assertThat(record.get("batch_size"))
                        .isEqualTo(String.valueOf(comparison.common().batchSize()));
                assertThat(Double.parseDouble(record.get("throughput_items_per_s")))
                        .isCloseTo(cell.measurement().throughputItemsPerS(), org.assertj.core.data.Offset.offset(0.05));
            }
        }

        List<String> markdown = download(view.markdown).lines().toList();
        List<String> table = markdown.stream().filter(l -> l.startsWith("|")).toList();
        assertThat(table.getFirst())
                .isEqualTo("| Platform | bert-base-uncased | distilbert-base-uncased | xlm-roberta-base |");
        assertThat(table).hasSize(2 + differing.size());
        assertThat(table.subList(2, table.size()))
                .allSatisfy(line -> assertThat(line).contains("≠ differs"));
        assertThat(markdown).anySatisfy(l -> assertThat(l).contains(Comparison.choiceText(comparison.common())));
    }

    @Test
    void formula_like_text_stays_inert_in_csv_and_pipes_and_tags_stay_text_in_markdown() throws IOException {
        var choice = new PerformanceChoice("embedding", 32, Precision.FP16);
        var evil = new Comparison.Cell(
                "=cmd|' /C calc'!A0",
                CompatibilityLevel.HIGH,
                ValidationStatus.VALIDATED,
                false,
                false,
                "-2+3 | breaks <b>tables</b>",
                "@SUM(A1)\nsecond line",
                new Comparison.Measurement(choice, 10.0, 2.5, 3.0));
        var plain = new Comparison.Cell("plain", null, null, false, false, null, null, null);
        var rows = Arrays.stream(Platform.values())
                .map(p -> new Comparison.PlatformRow(p, List.of(evil, plain)))
                .toList();
        var comparison = new Comparison(List.of(evil.model(), plain.model()), rows, choice, List.of());

        StringWriter out = new StringWriter();
        CompareCsv.write(comparison, rows, out);
        CSVRecord first = csv(out.toString()).getFirst();
        assertThat(first.get("model")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(first.get("limitations")).isEqualTo("'-2+3 | breaks <b>tables</b>");
        assertThat(first.get("notes")).isEqualTo("'@SUM(A1)\nsecond line");

        String markdown = CompareMarkdown.of(comparison, rows);
        List<String> table = markdown.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(table).hasSize(2 + Platform.values().length);
        assertThat(table)
                .allSatisfy(line -> assertThat(line.split("(?<!\\\\)\\|", -1)).hasSize(5));
        assertThat(table.get(2))
                .contains("Limitations: -2+3 \\| breaks &lt;b&gt;tables&lt;/b&gt;")
                .contains("Notes: @SUM(A1)<br>second line")
                .doesNotContain("<b>");
    }
}
