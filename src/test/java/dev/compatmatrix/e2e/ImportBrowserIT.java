package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** An admin uploads a file as Excel saves "CSV UTF-8" (byte-order mark, CRLF) and sees its dry run. */
@BrowserTest
class ImportBrowserIT {

    @Test
    void an_excel_csv_utf8_file_gets_its_dry_run(Browser browser) throws IOException {
        Path file = Files.createTempDirectory("import").resolve("excel-models.csv");
        try (InputStream excel = ImportBrowserIT.class.getResourceAsStream("/import/excel-csv-utf8.csv")) {
            Files.copy(excel, file);
        }
        browser.signIn("admin");
        browser.open("/admin/import");

        WebElement input = (WebElement) browser.js("""
                const upload = document.getElementById('import-upload');
                return upload.querySelector('input[type=file]') || upload.shadowRoot.querySelector('input[type=file]');""");
        input.sendKeys(file.toAbsolutePath().toString());

        String summary = browser.until(d -> {
            String text = browser.byId("import-summary").getText();
            return text.startsWith("excel-models.csv") ? text : null;
        });
        browser.screenshot("import-excel-csv");
        assertThat(summary)
                .isEqualTo("excel-models.csv: 2 rows — 1 new model, 2 new claims, 0 changed claims, "
                        + "0 unchanged. Ready to apply.");
    }
}
