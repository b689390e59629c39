package dev.compatmatrix.admin.importing;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import of models and claims from CSV or JSON. The dry run reads the whole file, checks every row against the
 * rules and the current data, and says what would change, listing each bad row with its reason; it changes
 * nothing.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class ImportService {

    /** Larger uploads are refused before reading. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private final JdbcClient jdbc;

    public ImportService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ImportPreview preview(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new ImportFileException("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        List<ImportRow> rows = ImportFileReader.read(fileName, new ByteArrayInputStream(content));
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT model_name FROM models WHERE deleted_at IS NULL")
                .query(String.class).list());
        Map<String, String> levels = new HashMap<>();
        jdbc.sql("""
                        SELECT m.model_name, d.hardware_type, d.compatibility_level
                        FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        WHERE m.deleted_at IS NULL""")
                .query(rs -> {
                    levels.put(ImportChecks.cell(rs.getString(1), rs.getString(2)), rs.getString(3));
                });
        return ImportChecks.preview(rows, existing, levels);
    }
}
