package dev.compatmatrix.ingest.repository;

import dev.compatmatrix.compatibility.ClaimData;
import dev.compatmatrix.compatibility.ValidationStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based reads and batched writes of an ingest batch: a batch of 1,000 results costs a handful of
 * statements per table instead of several per result. The caller owns the transaction.
 */
@Repository
public class IngestRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;

    public IngestRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /** A model an ingest result names, with its matrix row. */
    public record ModelCells(String modelName, int modelId, int compatibilityId) {
    }

    public boolean batchApplied(int validatorId, String batchId) {
        return jdbc.sql("SELECT count(*) FROM ingest_batches WHERE validator_id = :validator AND batch_id = :batch")
                .param("validator", validatorId).param("batch", batchId).query(Long.class).single() > 0;
    }

    public void recordBatch(int validatorId, String batchId, int tokenId, int items, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO ingest_batches (validator_id, batch_id, token_id, items, received_at)
                        VALUES (:validator, :batch, :token, :items, :now)""")
                .param("validator", validatorId).param("batch", batchId).param("token", tokenId)
                .param("items", items).param("now", now).update();
    }

    /** The named models that exist (deleted ones do not), by name. */
    public Map<String, ModelCells> models(Collection<String> names) {
        Map<String, ModelCells> models = new HashMap<>();
        jdbc.sql("""
                        SELECT m.model_name, m.model_id, c.id AS compatibility_id
                        FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        WHERE m.deleted_at IS NULL AND m.model_name IN (:names)""")
                .param("names", names)
                .query(rs -> {
                    models.put(rs.getString(1), new ModelCells(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                });
        return models;
    }

    /** Ids for new claims, drawn from the claims' sequence in one statement. */
    public List<Long> newClaimIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval('compatibility_details_seq') FROM range(:count)").param("count", count)
                .query(Long.class).list();
    }

    /** A claim as an ingest batch writes it, with the validation the pipeline's approval gives it. */
    public record ClaimWrite(long claimId, int compatibilityId, String platform, ClaimData data,
                             ValidationStatus status, int validatorId) {
    }

    public void insertClaims(List<ClaimWrite> writes, String user, LocalDateTime now) {
        batch("""
                INSERT INTO compatibility_details (id, compatibility_id, hardware_type, compatibility_level,
                    limitations, workarounds, performance_notes, validation_status, validator_id, validation_date,
                    evidence_run, framework_version, device, batch_size, precision, simulated, row_version,
                    updated_by, updated_at)
                VALUES (:id, :compatibilityId, :platform, :level, :limitations, :workarounds, :notes, :status,
                    :validatorId, :now, :run, :framework, :device, :batchSize, :precision, :simulated, 1, :user, :now)
                """, writes.stream().map(w -> claimParams(w, user, now)).toList());
    }

    /** Overwrites claims the pipeline owns; each becomes a new version. */
    public void updateClaims(List<ClaimWrite> writes, String user, LocalDateTime now) {
        batch("""
                UPDATE compatibility_details SET compatibility_level = :level, limitations = :limitations,
                    workarounds = :workarounds, performance_notes = :notes, evidence_run = :run,
                    framework_version = :framework, device = :device, batch_size = :batchSize,
                    precision = :precision, simulated = :simulated, validation_status = :status,
                    validator_id = :validatorId, validation_date = :now, row_version = row_version + 1,
                    updated_by = :user, updated_at = :now
                WHERE id = :id
                """, writes.stream().map(w -> claimParams(w, user, now)).toList());
    }

    /** Raises the status of people's claims the pipeline confirmed. */
    public void setValidation(Map<Long, ValidationStatus> statusByClaim, int validatorId, LocalDateTime now) {
        batch("""
                UPDATE compatibility_details SET validation_status = :status, validator_id = :validatorId,
                    validation_date = :now
                WHERE id = :id""", statusByClaim.entrySet().stream().map(e -> Map.<String, Object>of(
                "id", e.getKey(), "status", e.getValue().key(), "validatorId", validatorId, "now", now)).toList());
    }

    public record HistoryWrite(int modelId, String platform, String previous, String next, String reason,
                               String version) {
    }

    public void appendHistory(List<HistoryWrite> rows, String user, LocalDateTime now) {
        batch("""
                INSERT INTO compatibility_history (model_id, hardware_type, previous_status, new_status, change_reason,
                    change_date, change_version, changed_by)
                VALUES (:modelId, :platform, :previous, :next, :reason, :now, :version, :user)""",
                rows.stream().map(h -> params("modelId", h.modelId(), "platform", h.platform(), "previous", h.previous(),
                        "next", h.next(), "reason", h.reason(), "now", now, "version", h.version(), "user", user)).toList());
    }

    public record ReviewWrite(long claimId, int claimVersion, int modelId, String platform, String claimLevel,
                              ValidationStatus result, String frameworkVersion) {
    }

    public void appendApprovals(List<ReviewWrite> rows, int validatorId, int verificationLevel, String reviewer,
                                String comment, LocalDateTime now) {
        batch("""
                INSERT INTO validation_reviews (claim_id, claim_version, model_id, hardware_type, claim_level,
                    validator_id, reviewer, verification_level, decision, resulting_status, comment,
                    framework_version, reviewed_at)
                VALUES (:claimId, :version, :modelId, :platform, :level, :validatorId, :reviewer, :verification,
                    'approve', :status, :comment, :framework, :now)""",
                rows.stream().map(r -> params("claimId", r.claimId(), "version", r.claimVersion(), "modelId", r.modelId(),
                        "platform", r.platform(), "level", r.claimLevel(), "validatorId", validatorId,
                        "reviewer", reviewer, "verification", verificationLevel, "status", r.result().key(),
                        "comment", comment, "framework", r.frameworkVersion(), "now", now)).toList());
    }

    public record AutomatedWrite(int modelId, String platform, String level, String run, String version) {
    }

    public void appendAutomatedResults(List<AutomatedWrite> rows, int validatorId, LocalDateTime now) {
        batch("""
                INSERT INTO automated_results (model_id, hardware_type, validator_id, reported_level, evidence_run,
                    framework_version, reported_at)
                VALUES (:modelId, :platform, :validatorId, :level, :run, :version, :now)""",
                rows.stream().map(a -> params("modelId", a.modelId(), "platform", a.platform(), "validatorId", validatorId,
                        "level", a.level(), "run", a.run(), "version", a.version(), "now", now)).toList());
    }

    private static Map<String, Object> claimParams(ClaimWrite w, String user, LocalDateTime now) {
        ClaimData data = w.data();
        return params("id", w.claimId(), "compatibilityId", w.compatibilityId(), "platform", w.platform(),
                "level", data.level().key(), "limitations", data.limitations(), "workarounds", data.workarounds(),
                "notes", data.performanceNotes(), "status", w.status().key(), "validatorId", w.validatorId(),
                "run", data.evidenceRun(), "framework", data.frameworkVersion(), "device", data.device(),
                "batchSize", data.batchSize(), "precision", data.precision() == null ? null : data.precision().key(),
                "simulated", data.simulated(), "user", user, "now", now);
    }

    /** A parameter map that, unlike Map.of, takes nulls. */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private void batch(String sql, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> sources = new ArrayList<>(rows.size());
        rows.forEach(row -> sources.add(new MapSqlParameterSource(row)));
        batchJdbc.batchUpdate(sql, sources.toArray(MapSqlParameterSource[]::new));
    }
}
