package dev.compatmatrix.admin.importing;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.StaleClaimException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes checked import rows inside the caller's transaction: models, then claims, history, derived columns and
 * audit through {@link MatrixWriter}. Set-based, {@link ImportProgress#STEP} rows at a time: per chunk one query
 * for its models and one for their claims, ids from the sequences in one statement each, then one writer call
 * ({@link ImportPlan} decides what to write, row by row). The result is
 * the same as writing one row after the other, ids and order of the audit rows included.
 */
@Component
class ImportWriter {

    private final ModelRepository models;
    private final DerivedColumnsRepository derivedColumns;
    private final ClaimRepository claims;
    private final MatrixWriter writer;
    private final AuditLog audit;
    private final Clock clock;

    ImportWriter(
            ModelRepository models,
            DerivedColumnsRepository derivedColumns,
            ClaimRepository claims,
            MatrixWriter writer,
            AuditLog audit,
            Clock clock) {
        this.models = models;
        this.derivedColumns = derivedColumns;
        this.claims = claims;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    static ModelData modelData(ImportRow row) {
        return new ModelData(
                row.model(),
                row.family(),
                ModelType.fromKey(String.valueOf(row.type())).orElse(null),
                ModelSize.fromKey(String.valueOf(row.size())).orElse(null),
                row.parametersMillions() == null ? null : Double.valueOf(row.parametersMillions()),
                null);
    }

    ImportResult write(String fileName, List<ImportRow> rows, ImportProgress progress) {
        String user = Actor.name();
        LocalDateTime now = LocalDateTime.now(clock);
        int modelsCreated = 0;
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (int from = 0; from < rows.size(); from += ImportProgress.STEP) {
            int to = Math.min(rows.size(), from + ImportProgress.STEP);
            ImportPlan plan = plan(rows.subList(from, to), "Imported from " + fileName);
            write(plan, user, now);
            modelsCreated += plan.models.size();
            created += plan.created();
            changed += plan.changed();
            unchanged += plan.unchanged();
            progress.rowsWritten(to, rows.size());
        }
        if (rows.isEmpty()) {
            progress.rowsWritten(0, 0);
        }
        audit.record(
                user,
                "import.apply",
                "import",
                fileName,
                "Imported " + fileName + ": " + rows.size() + " rows",
                null,
                Map.of("models_created", modelsCreated, "claims_created", created, "claims_changed", changed),
                now);
        return new ImportResult(rows.size(), modelsCreated, created, changed, unchanged);
    }

    /** Reads what the chunk's rows name and draws the ids it needs; then the plan decides. */
    private ImportPlan plan(List<ImportRow> chunk, String defaultReason) {
        Map<String, ModelRef> known = derivedColumns.findByModelNames(
                chunk.stream().map(ImportRow::model).toList());
        Map<String, Claim> current = new HashMap<>();
        for (Claim claim : claims.findIn(
                known.values().stream().map(ModelRef::compatibilityId).toList())) {
            current.put(ImportChecks.cell(claim.modelName(), claim.platform().key()), claim);
        }
        int newModels = ImportPlan.newModelCount(chunk, known);
        List<Integer> modelIds = models.newIds(newModels);
        List<Integer> matrixIds = derivedColumns.newIds(newModels);
        List<ModelRef> refs = new ArrayList<>();
        for (int i = 0; i < newModels; i++) {
            refs.add(new ModelRef(modelIds.get(i), matrixIds.get(i)));
        }
        List<Long> claimIds = claims.newIds(ImportPlan.newClaimCount(chunk, current));
        return ImportPlan.of(chunk, known, current, refs.iterator(), claimIds.iterator(), defaultReason);
    }

    private void write(ImportPlan plan, String user, LocalDateTime now) {
        models.insertAll(plan.models, now);
        writer.addModels(plan.matrixRows, now);
        try {
            writer.writeClaims(plan.claims, plan.audit, user, now);
        } catch (StaleClaimException e) {
            // Not expected inside one transaction (the database refuses a concurrent write first); never half an
            // import.
            throw new IllegalStateException("A claim changed while the import was written; nothing was imported", e);
        }
    }
}
