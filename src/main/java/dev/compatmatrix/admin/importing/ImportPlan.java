package dev.compatmatrix.admin.importing;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.catalog.repository.ModelRepository.NewModel;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixWriter.NewMatrixRow;
import dev.compatmatrix.matrix.store.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a chunk of import rows writes, decided row by row in file order: a model the database does not know is
 * created by its first row; a claim is created, changed (fields the row leaves empty keep their value) or left
 * unchanged. The ids of new models and claims are drawn beforehand, so every row, and every audit row, gets the
 * id and the order that writing one row at a time gave it.
 */
final class ImportPlan {

    final List<NewModel> models = new ArrayList<>();
    final List<NewMatrixRow> matrixRows = new ArrayList<>();
    /** New claims and new versions, in file order (so their history rows are). */
    final List<ClaimChange> claims = new ArrayList<>();

    final List<AuditLog.Entry> audit = new ArrayList<>();
    private int created;
    private int changed;
    private int unchanged;

    private ImportPlan() {}

    int created() {
        return created;
    }

    int changed() {
        return changed;
    }

    /** Rows whose claim exists and stays as it is. */
    int unchanged() {
        return unchanged;
    }

    /** How many models the chunk creates: the distinct names the database does not know. */
    static int newModelCount(List<ImportRow> rows, Map<String, ModelRef> known) {
        return (int) rows.stream()
                .map(ImportRow::model)
                .filter(name -> !known.containsKey(name))
                .distinct()
                .count();
    }

    /** How many claims the chunk creates: its cells without a claim ({@code claims} keyed by {@link ImportChecks#cell}). */
    static int newClaimCount(List<ImportRow> rows, Map<String, Claim> claims) {
        return (int) rows.stream()
                .filter(row ->
                        row.hardware() != null && !claims.containsKey(ImportChecks.cell(row.model(), row.hardware())))
                .count();
    }

    /**
     * @param known       the models that exist, by name
     * @param claims      their claims, by {@link ImportChecks#cell} of model name and platform key
     * @param newModels   ids for {@link #newModelCount} new models and their matrix rows
     * @param newClaimIds ids for {@link #newClaimCount} new claims
     */
    static ImportPlan of(
            List<ImportRow> rows,
            Map<String, ModelRef> known,
            Map<String, Claim> claims,
            Iterator<ModelRef> newModels,
            Iterator<Long> newClaimIds,
            String defaultReason) {
        Map<String, ModelRef> models = new HashMap<>(known);
        ImportPlan plan = new ImportPlan();
        for (ImportRow row : rows) {
            ModelRef model = models.get(row.model());
            if (model == null) {
                model = newModels.next();
                models.put(row.model(), model);
                plan.createModel(model, ImportWriter.modelData(row));
            }
            if (row.hardware() == null) {
                continue;
            }
            Claim existing = claims.get(ImportChecks.cell(row.model(), row.hardware()));
            String reason = row.reason() == null ? defaultReason : row.reason();
            if (existing == null) {
                plan.createClaim(newClaimIds.next(), model, row, reason);
            } else if (!plan.changeClaim(existing, model, row, reason)) {
                plan.unchanged++;
            }
        }
        return plan;
    }

    private void createModel(ModelRef model, ModelData data) {
        models.add(new NewModel(model.modelId(), data));
        matrixRows.add(new NewMatrixRow(model, data));
        audit.add(new AuditLog.Entry(
                "model.create",
                "models",
                model.modelId(),
                "Imported model " + data.name(),
                null,
                Map.of(
                        "family",
                        data.family(),
                        "type",
                        data.type().key(),
                        "size",
                        data.size().key())));
    }

    private void createClaim(long claimId, ModelRef model, ImportRow row, String reason) {
        Platform platform = Platform.fromKey(row.hardware()).orElseThrow();
        CompatibilityLevel level = CompatibilityLevel.fromKey(row.level()).orElseThrow();
        claims.add(new ClaimChange.Create(
                claimId,
                model,
                platform,
                new ClaimData(
                        level,
                        row.limitations(),
                        row.workarounds(),
                        row.notes(),
                        null,
                        row.frameworkVersion(),
                        null,
                        null,
                        null,
                        false),
                Validation.RESET,
                reason,
                row.frameworkVersion()));
        created++;
        audit.add(new AuditLog.Entry(
                "claim.create",
                "compatibility_details",
                claimId,
                "Imported " + platform.label() + " claim for " + row.model() + ": " + level.label(),
                null,
                Map.of("level", level.key())));
    }

    /** Plans the new version of an existing claim; false when the row changes nothing. */
    private boolean changeClaim(Claim claim, ModelRef model, ImportRow row, String reason) {
        Platform platform = claim.platform();
        CompatibilityLevel level = CompatibilityLevel.fromKey(row.level()).orElseThrow();
        ClaimData before = claim.data();
        ClaimData after = new ClaimData(
                level,
                orKeep(row.limitations(), before.limitations()),
                orKeep(row.workarounds(), before.workarounds()),
                orKeep(row.notes(), before.performanceNotes()),
                before.evidenceRun(),
                orKeep(row.frameworkVersion(), before.frameworkVersion()),
                before.device(),
                before.batchSize(),
                before.precision(),
                before.simulated());
        if (after.equals(before)) {
            return false;
        }
        claims.add(ClaimChange.edit(claim, model, after, reason, after.frameworkVersion()));
        changed++;
        audit.add(new AuditLog.Entry(
                "claim.update",
                "compatibility_details",
                claim.claimId(),
                "Imported change of the " + platform.label() + " claim for " + row.model(),
                Map.of("level", before.level().key()),
                Map.of("level", level.key())));
        return true;
    }

    private static String orKeep(String imported, String current) {
        return imported == null ? current : imported;
    }
}
