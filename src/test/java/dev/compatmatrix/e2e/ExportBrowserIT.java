package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.compatibility.Platform;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The matrix's Export menu downloads exactly the rows the filtered, sorted matrix shows. */
@BrowserTest
class ExportBrowserIT {

    @Test
    void the_csv_export_holds_the_filtered_rows_in_the_shown_order_with_their_levels(Browser browser) throws IOException {
        browser.signIn("viewer");
        browser.open("/?type=audio&sort=-score");
        List<Map<String, String>> shown = browser.gridRowsWhen("matrix-grid", r -> r.size() == MatrixBrowserIT.AUDIO_MODELS);

        browser.find(By.cssSelector("#export-menu vaadin-menu-bar-button")).click();
        browser.find(By.xpath("//vaadin-menu-bar-item[.//a[@id='export-csv']]")).click();

        Path file = browser.until(d -> downloaded(browser.downloads, ".csv"));
        assertThat(file.getFileName().toString()).matches("compatibility-matrix-\\d{4}-\\d{2}-\\d{2}\\.csv");
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        assertThat(records).extracting(r -> r.get("model"))
                .containsExactlyElementsOf(shown.stream().map(r -> r.get("Model")).toList());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("type")).isEqualTo("audio");
            for (Platform platform : Platform.values()) {
                assertThat(levelKey(shown.get(i).get(platform.label()))).as(records.get(i).get("model") + " " + platform)
                        .isEqualTo(records.get(i).get(platform.key()));
            }
        }
    }

    /** "High ✓" → high, "Not tested" → not_tested (the export's keys). */
    private static String levelKey(String cell) {
        return cell.startsWith("Not tested") ? "not_tested" : cell.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
    }

    /** The finished download with that extension, or null while there is none (Chromium writes .crdownload first). */
    private static Path downloaded(Path folder, String extension) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(extension)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
