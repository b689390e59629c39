package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person opens "What to test next" from the menu on the demo, reads what ranks it, picks a platform (which goes into the address), follows a model's link and downloads the CSV of the queue.
 */
@BrowserTest
class TestNextBrowserIT {

    private static final Path SHOTS = Path.of("/work/wt/shots");

    @Test
    void a_person_picks_a_platform_downloads_its_queue_and_opens_a_model(Browser browser) throws IOException {
        browser.signIn("viewer");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='What to test next']"))
                .click();
        browser.until(d -> browser.path().startsWith("/test-next"));
        // The demo may have trained at start-up (then a run is named) or not (then the ranking is by shared cells).
        assertThat(browser.byId("test-next-training").getText()).containsAnyOf("haven't been trained", "training run");
        List<Map<String, String>> all = browser.gridRowsWhen("test-next-grid", r -> !r.isEmpty());
        assertThat(all.getFirst().get("#")).isEqualTo("1");
        assertThat(all.getFirst().get("Prediction")).matches("no prediction|likely .* · \\d+ %");
        shoot(browser, "testnext-desktop");

        browser.choose("Platform", "ROCm");
        browser.until(d -> browser.path().contains("platform=rocm"));
        List<Map<String, String>> rocm = browser.gridRowsWhen(
                "test-next-grid",
                r -> !r.isEmpty()
                        && r.stream().allMatch(row -> row.get("Platform").equals("ROCm")));
        String count = browser.byId("test-next-count").getText();
        assertThat(count).endsWith("untested cells");
        shoot(browser, "testnext-rocm");

        browser.byId("test-next-csv").click();
        Path file = browser.until(d -> browser.downloaded("what-to-test-next-rocm.csv"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("rank,model,family,type,platform,prediction");
        assertThat(lines).hasSize(1 + Integer.parseInt(count.split(" ")[0].replace(",", "")));
        assertThat(lines.get(1)).startsWith("1," + rocm.getFirst().get("Model") + ",");

        String model = rocm.getFirst().get("Model");
        browser.find(By.xpath("//vaadin-grid[@id='test-next-grid']//a[normalize-space()='" + model + "']"))
                .click();
        browser.until(d -> browser.path().startsWith("/models/"));
        assertThat(browser.path()).contains(model);
    }

    private static void shoot(Browser browser, String name) throws IOException {
        Path shot = browser.screenshot(name);
        if (Files.isDirectory(SHOTS)) {
            Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
