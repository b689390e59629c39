package dev.compatmatrix.admin.importing;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.catalog.ModelData;
import dev.compatmatrix.catalog.ModelSize;
import dev.compatmatrix.catalog.ModelType;
import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.compatibility.Claim;
import dev.compatmatrix.compatibility.ClaimData;
import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ScoreRule;
import dev.compatmatrix.compatibility.repository.ClaimRepository;
import dev.compatmatrix.compatibility.repository.DerivedColumnsRepository;
import dev.compatmatrix.compatibility.repository.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.history.repository.HistoryRepository;
import dev.compatmatrix.security.Actor;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Writes checked import rows inside the caller's transaction: models, claims, history, derived columns, audit. */
@Component
class ImportWriter {

    private final ModelRepository models;
    private final DerivedColumnsRepository derivedColumns;
    private final ClaimRepository claims;
    private final HistoryRepository history;
    private final AuditLog audit;
    private final Clock clock;

    ImportWriter(ModelRepository models, DerivedColumnsRepository derivedColumns, ClaimRepository claims,
                 HistoryRepository history, AuditLog audit, Clock clock) {
        this.models = models;
        this.derivedColumns = derivedColumns;
        this.claims = claims;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    static ModelData modelData(ImportRow row) {
        return new ModelData(row.model(), row.family(), ModelType.fromKey(String.valueOf(row.type())).orElse(null),
                ModelSize.fromKey(String.valueOf(row.size())).orElse(null),
                row.parametersMillions() == null ? null : Double.valueOf(row.parametersMillions()), null);
    }

    ImportResult write(String fileName, List<ImportRow> rows, ImportProgress progress) {
        String user = Actor.name();
        LocalDateTime now = LocalDateTime.now(clock);
        String defaultReason = "Imported from " + fileName;
        int modelsCreated = 0;
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        Set<Integer> touched = new LinkedHashSet<>();
        int done = 0;
        for (ImportRow row : rows) {
            if (done > 0 && done % ImportProgress.STEP == 0) {
                progress.rowsWritten(done, rows.size());
            }
            done++;
            Optional<ModelRef> ref = derivedColumns.findByModelName(row.model());
            if (ref.isEmpty()) {
                ModelData data = modelData(row);
                int id = models.insert(data, now);
                derivedColumns.insertUntested(id, data.type().key(), data.size().key(), now);
                audit.record(user, "model.create", "models", id, "Imported model " + data.name(), null,
                        Map.of("family", data.family(), "type", data.type().key(), "size", data.size().key()), now);
                modelsCreated++;
                ref = derivedColumns.findByModelName(row.model());
            }
            if (row.hardware() == null) {
                continue;
            }
            ModelRef model = ref.orElseThrow();
            Platform platform = Platform.fromKey(row.hardware()).orElseThrow();
            CompatibilityLevel level = CompatibilityLevel.fromKey(row.level()).orElseThrow();
            String reason = row.reason() == null ? defaultReason : row.reason();
            Optional<Claim> existing = claims.find(model.modelId(), platform);
            if (existing.isEmpty()) {
                ClaimData data = new ClaimData(level, row.limitations(), row.workarounds(), row.notes(), null,
                        row.frameworkVersion(), null, null, null, false);
                long id = claims.insert(model.compatibilityId(), platform, data, user, now);
                history.append(model.modelId(), platform.key(), null, level.key(), reason, now, row.frameworkVersion(), user);
                audit.record(user, "claim.create", "compatibility_details", id, "Imported " + platform.label()
                        + " claim for " + row.model() + ": " + level.label(), null, Map.of("level", level.key()), now);
                created++;
                touched.add(model.compatibilityId());
                continue;
            }
            Claim claim = existing.get();
            ClaimData before = claim.data();
            ClaimData after = new ClaimData(level, orKeep(row.limitations(), before.limitations()),
                    orKeep(row.workarounds(), before.workarounds()), orKeep(row.notes(), before.performanceNotes()),
                    before.evidenceRun(), orKeep(row.frameworkVersion(), before.frameworkVersion()), before.device(),
                    before.batchSize(), before.precision(), before.simulated());
            if (after.equals(before)) {
                unchanged++;
                continue;
            }
            claims.update(claim.claimId(), claim.version(), after, !before.sameSubstanceAs(after), user, now);
            if (before.level() != level) {
                history.append(model.modelId(), platform.key(), before.level().key(), level.key(), reason, now,
                        after.frameworkVersion(), user);
            }
            audit.record(user, "claim.update", "compatibility_details", claim.claimId(), "Imported change of the "
                    + platform.label() + " claim for " + row.model(), Map.of("level", before.level().key()),
                    Map.of("level", level.key()), now);
            changed++;
            touched.add(model.compatibilityId());
        }
        for (int compatibilityId : touched) {
            derivedColumns.store(compatibilityId, ScoreRule.derive(claims.levels(compatibilityId)), now);
        }
        progress.rowsWritten(rows.size(), rows.size());
        ImportResult result = new ImportResult(rows.size(), modelsCreated, created, changed, unchanged);
        audit.record(user, "import.apply", "import", fileName, "Imported " + fileName + ": " + rows.size() + " rows",
                null, Map.of("models_created", modelsCreated, "claims_created", created, "claims_changed", changed), now);
        return result;
    }

    private static String orKeep(String imported, String current) {
        return imported == null ? current : imported;
    }
}
