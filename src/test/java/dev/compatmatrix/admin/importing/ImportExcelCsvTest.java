package dev.compatmatrix.admin.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A file saved by Excel as "CSV UTF-8": a byte-order mark before the header, CRLF line ends, quoted fields. */
class ImportExcelCsvTest extends WritingIntegrationTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_csv_with_a_byte_order_mark_and_crlf_imports_like_any_other() throws IOException {
        signIn("admin", Roles.ADMIN);
        byte[] excel = excelFile();
        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);

        ImportPreview preview = imports.preview("models.csv", excel);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.rows()).isEqualTo(2);
        assertThat(preview.modelsToCreate()).isEqualTo(1);
        assertThat(preview.claimsToCreate()).isEqualTo(2);

        imports.apply("models.csv", excel, (done, total) -> {});
        assertThat(jdbc.sql("""
                        SELECT d.performance_notes FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        WHERE m.model_name = 'excel-bom-model' AND d.hardware_type = 'cuda'""").query(String.class).single()).isEqualTo("Läuft, mit \"Anführungszeichen\"");
    }

    private static byte[] excelFile() throws IOException {
        try (InputStream in = ImportExcelCsvTest.class.getResourceAsStream("/import/excel-csv-utf8.csv")) {
            return in.readAllBytes();
        }
    }
}
