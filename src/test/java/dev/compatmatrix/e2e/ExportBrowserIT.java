package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.Platform;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The matrix's Export menu, clicked as a person clicks it: each choice downloads exactly one file, exactly the rows
 * the filtered, sorted matrix shows, and then the page falls quiet (no further server round trips).
 */
@BrowserTest
class ExportBrowserIT {

    /** Counts the Flow client's server round trips (UIDL requests, by XMLHttpRequest or fetch) in window.__uidl. */
    private static final String COUNT_ROUND_TRIPS = """
            if (window.__uidl === undefined) {
              window.__uidl = 0;
              const open = XMLHttpRequest.prototype.open;
              XMLHttpRequest.prototype.open = function (method, url) {
                if (String(url).includes('v-r=uidl')) window.__uidl++;
                return open.apply(this, arguments);
              };
              const fetch = window.fetch;
              window.fetch = function (input) {
                if (String(input && input.url || input).includes('v-r=uidl')) window.__uidl++;
                return fetch.apply(this, arguments);
              };
            }""";
    /** How long the page must stay without a round trip to count as settled. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Test
    void the_csv_export_holds_the_filtered_rows_in_the_shown_order_with_their_levels(Browser browser)
            throws IOException {
        browser.signIn("viewer");
        browser.open("/?type=audio&sort=-score");
        List<Map<String, String>> shown =
                browser.gridRowsWhen("matrix-grid", r -> r.size() == MatrixBrowserIT.AUDIO_MODELS);

        Path file = exportByMouse(browser, ExportFormat.CSV);

        assertThat(file.getFileName().toString()).matches("compatibility-matrix-\\d{4}-\\d{2}-\\d{2}\\.csv");
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file)) {
            records = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
        assertThat(records)
                .extracting(r -> r.get("model"))
                .containsExactlyElementsOf(
                        shown.stream().map(r -> r.get("Model")).toList());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("type")).isEqualTo("audio");
            for (Platform platform : Platform.values()) {
                assertThat(records.get(i).get(platform.key()))
                        .as(records.get(i).get("model") + " " + platform)
                        .isEqualTo(levelKey(browser.gridCell("matrix-grid", i, platform.label())
                                .findElement(By.cssSelector("[title]"))
                                .getDomAttribute("title")));
            }
        }
    }

    @Test
    void each_export_choice_clicked_downloads_exactly_one_file_and_the_page_falls_quiet(Browser browser) {
        browser.signIn("viewer");
        browser.open("/?type=audio");
        browser.gridRowsWhen("matrix-grid", r -> r.size() == MatrixBrowserIT.AUDIO_MODELS);
        browser.js(COUNT_ROUND_TRIPS);

        for (ExportFormat format : ExportFormat.values()) {
            exportByMouse(browser, format);
            assertThat(downloads(browser.downloads, format))
                    .as("files downloaded by one click on " + format.label())
                    .hasSize(1);
        }
        browser.screenshot("export-menu-after-downloads");
    }

    @Test
    void the_export_menu_works_from_the_keyboard_and_downloads_once(Browser browser) {
        browser.signIn("viewer");
        browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty());
        browser.js(COUNT_ROUND_TRIPS);

        browser.find(By.cssSelector("#export-menu vaadin-menu-bar-button")).click();
        browser.find(By.xpath("//vaadin-menu-bar-item[.//a[@id='export-json']]"));
        browser.screenshot("export-menu-open");
        // The first item (CSV) has the focus when the menu opens from the keyboard; Down moves to JSON.
        browser.keys().sendKeys(Keys.ESCAPE).perform();
        browser.find(By.cssSelector("#export-menu vaadin-menu-bar-button")).sendKeys(Keys.ENTER);
        browser.until(d -> browser.focused().contains("CSV"));
        browser.keys().sendKeys(Keys.ARROW_DOWN).perform();
        browser.until(d -> browser.focused().contains("JSON"));
        browser.keys().sendKeys(Keys.ENTER).perform();

        browser.until(d -> downloads(browser.downloads, ExportFormat.JSON).isEmpty() ? null : true);
        awaitQuiet(browser);
        assertThat(downloads(browser.downloads, ExportFormat.JSON)).hasSize(1);
    }

    /**
     * Opens the menu and clicks the format's item where a mouse would (its middle); waits for the file and then for
     * the page to stay without a server round trip for {@link #QUIET} (a download loop never does).
     */
    private static Path exportByMouse(Browser browser, ExportFormat format) {
        browser.js(COUNT_ROUND_TRIPS);
        browser.find(By.cssSelector("#export-menu vaadin-menu-bar-button")).click();
        browser.find(By.xpath("//vaadin-menu-bar-item[.//a[@id='export-" + format.key() + "']]"))
                .click();
        Path file = browser.until(
                d -> downloads(browser.downloads, format).stream().findFirst().orElse(null));
        awaitQuiet(browser);
        return file;
    }

    /** Waits until no round trip has started for {@link #QUIET}; fails when the page keeps calling the server. */
    private static void awaitQuiet(Browser browser) {
        long[] last = {-1};
        Instant[] since = {Instant.now()};
        Instant start = Instant.now();
        try {
            browser.until(d -> {
                long count = ((Number) browser.js("return window.__uidl")).longValue();
                if (count != last[0]) {
                    last[0] = count;
                    since[0] = Instant.now();
                    return false;
                }
                return Duration.between(since[0], Instant.now()).compareTo(QUIET) >= 0;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page kept calling the server: " + last[0] + " round trips in "
                    + Duration.between(start, Instant.now()).toSeconds() + " s, and " + files(browser.downloads)
                    + " files downloaded");
        }
    }

    private static long files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A cell's tooltip "CUDA: High · Validated …" or "CUDA: Not tested: …" → high / not_tested (the export's keys). */
    private static String levelKey(String title) {
        String level = title.substring(title.indexOf(": ") + 2);
        return level.startsWith("Not tested") ? "not_tested" : level.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
    }

    /** The finished downloads of that format (Chromium writes .crdownload first and numbers repeated names). */
    private static List<Path> downloads(Path folder, ExportFormat format) {
        String extension = "." + format.fileName(java.time.LocalDate.EPOCH).replaceAll(".*\\.", "");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(extension)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
