package dev.compatmatrix.admin.importing;

import dev.compatmatrix.admin.importing.query.ImportTargetsQuery;
import dev.compatmatrix.admin.importing.query.ImportTargetsQuery.CurrentLevel;
import dev.compatmatrix.matrix.Roles;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import of models and claims from CSV or JSON. The dry run reads the whole file, checks every row against the
 * rules and the current data, and says what would change, listing each bad row with its reason; it changes
 * nothing. Applying runs the same checks and writes everything in one transaction.
 */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
public class ImportService {

    /** Larger uploads are refused before reading. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private final ImportTargetsQuery targets;
    private final ImportWriter writer;
    private final Validator validator;

    public ImportService(ImportTargetsQuery targets, ImportWriter writer, Validator validator) {
        this.targets = targets;
        this.writer = writer;
        this.validator = validator;
    }

    /** The dry run: what the file would change and which rows are bad, changing nothing. */
    @Transactional(readOnly = true)
    public ImportPreview preview(String fileName, byte[] content) {
        return check(read(fileName, content));
    }

    /**
     * Applies the file in one transaction — all of it, or nothing when any row is bad ({@link ImportRefusedException}
     * with the same preview as the dry run) — with history and audit rows as for edits in the screens. Progress is
     * reported while rows are written.
     */
    @Transactional
    public ImportResult apply(String fileName, byte[] content, ImportProgress progress) {
        List<ImportRow> rows = read(fileName, content);
        ImportPreview preview = check(rows);
        if (!preview.applicable()) {
            throw new ImportRefusedException(preview);
        }
        return writer.write(fileName, rows, progress);
    }

    private static List<ImportRow> read(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new ImportFileException("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        return ImportFileReader.read(fileName, new ByteArrayInputStream(content));
    }

    private ImportPreview check(List<ImportRow> rows) {
        List<String> names =
                rows.stream().map(ImportRow::model).filter(Objects::nonNull).toList();
        Set<String> existing = new HashSet<>(targets.existingModels(names));
        Map<String, String> levels = new HashMap<>();
        for (CurrentLevel current : targets.levels(names)) {
            levels.put(ImportChecks.cell(current.model(), current.platform()), current.level());
        }
        return ImportChecks.preview(rows, existing, levels, this::newModelProblems);
    }

    /** A new model obeys the same rules as one created on the model form. */
    private List<String> newModelProblems(ImportRow row) {
        return validator.validate(ImportWriter.modelData(row)).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .toList();
    }
}
