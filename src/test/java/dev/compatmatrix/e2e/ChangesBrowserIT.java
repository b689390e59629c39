package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A person opens Changes from the menu, picks a range of the demo history, sees the counts per kind and a regression
 * first, filters by a kind and downloads the Markdown changelog of exactly that.
 */
@BrowserTest
class ChangesBrowserIT {

    private static final Path SHOTS = Path.of("/work/wt/shots");

    @Test
    void a_person_picks_a_range_sees_regressions_first_filters_by_kind_and_downloads_the_changelog(Browser browser)
            throws IOException {
        browser.signIn("viewer");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Changes']"))
                .click();
        browser.until(
                d -> browser.path().startsWith("/changes?") && browser.path().contains("from="));

        pick(browser, "changes-from-day", "2026-03-01");
        pick(browser, "changes-to-day", "2026-10-01");
        browser.until(d ->
                browser.path().contains("from=2026-03-01") && browser.path().contains("to=2026-10-01"));
        assertThat(browser.byId("changes-title").getText()).isEqualTo("Changes from 2026-03-01 to 2026-10-01");

        long regressed = count(browser.byId("kind-regressed").getText());
        long improved = count(browser.byId("kind-improved").getText());
        assertThat(regressed).as("regressions in the demo history").isPositive();
        assertThat(improved).isPositive();
        List<Map<String, String>> rows = browser.gridRowsWhen("changes-grid", r -> !r.isEmpty());
        assertThat(rows.getFirst().get("Change")).isEqualTo("Regressed");
        assertThat(rows.getFirst().get("Model")).isNotBlank();
        shoot(browser, "changes-desktop");

        browser.byId("kind-improved").click();
        browser.until(d -> browser.path().contains("kind=improved"));
        assertThat(browser.byId("kind-improved").getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        List<Map<String, String>> onlyImproved = browser.gridRowsWhen(
                "changes-grid",
                r -> !r.isEmpty()
                        && r.stream().allMatch(row -> row.get("Change").equals("Improved")));
        assertThat(onlyImproved).isNotEmpty();
        assertThat(browser.byId("change-count").getText()).isEqualTo(improved + " changed cells");

        browser.byId("download-markdown").click();
        Path file =
                browser.until(d -> download(browser.downloads, "compatibility-changes-2026-03-01-to-2026-10-01.md"));
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(markdown)
                .startsWith("# Compatibility changes from 2026-03-01 to 2026-10-01\n")
                .contains("| Improved | " + improved + " |", "## Improved (" + improved + ")")
                .doesNotContain("## Regressed");
        assertThat(markdown.lines().filter(line -> line.startsWith("- "))).hasSize((int) improved);

        browser.resize(390, 844);
        browser.awaitIdle();
        shoot(browser, "changes-phone");
        browser.js("arguments[0].scrollIntoView({block: 'start'})", browser.byId("change-count"));
        browser.awaitIdle();
        shoot(browser, "changes-phone-list");
    }

    private static void pick(Browser browser, String pickerId, String day) {
        browser.type(By.cssSelector("#" + pickerId + " input"), day);
        browser.keys().sendKeys(Keys.ENTER).perform();
        browser.awaitIdle();
    }

    /** The number in a kind button's text ("Regressed: 12"). */
    private static long count(String buttonText) {
        return Long.parseLong(
                buttonText.substring(buttonText.lastIndexOf(':') + 1).trim());
    }

    private static Path download(Path folder, String name) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().equals(name))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void shoot(Browser browser, String name) throws IOException {
        Path shot = browser.screenshot(name);
        if (Files.isDirectory(SHOTS)) {
            Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
