package dev.compatmatrix.ingest.repository;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import dev.compatmatrix.base.db.MultiRowSql;
import dev.compatmatrix.base.db.MultiRowSql.Column;
import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.base.db.TextList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based reads and multi-row writes of an ingest batch: a batch of 1,000 results costs a handful of
 * statements per table instead of several per result. The caller owns the transaction.
 */
@Repository
public class IngestRepository {

    private final JdbcClient jdbc;
    private final TableAppender appender;

    public IngestRepository(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
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

    /** What ingest needs to know of a cell's current claim. */
    public record CellClaim(long claimId, int version, int compatibilityId, String platform, CompatibilityLevel level,
                            boolean simulated, ValidationStatus status, String updatedBy, String frameworkVersion) {
    }

    /**
     * The claims of these matrix rows. Only the columns ingest decides by, and no join: the ids are split from
     * one text parameter, which DuckDB plans faster than 1,000 bound parameters.
     */
    public List<CellClaim> claims(Collection<Integer> compatibilityIds) {
        if (compatibilityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, row_version, compatibility_id, hardware_type, compatibility_level, simulated,
                               validation_status, updated_by, framework_version
                        FROM compatibility_details
                        WHERE compatibility_id IN (""" + TextList.IDS_QUERY + ")")
                .param("ids", TextList.joinIds(compatibilityIds))
                .query((rs, n) -> new CellClaim(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        CompatibilityLevel.fromKey(rs.getString(5)).orElseThrow(), rs.getBoolean(6),
                        ValidationStatus.fromKey(rs.getString(7)).orElse(ValidationStatus.UNVALIDATED), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** A claim as an ingest batch writes it, with the validation the pipeline's approval gives it. */
    public record ClaimWrite(long claimId, int compatibilityId, String platform, ClaimData data,
                             ValidationStatus status, int validatorId) {
    }

    /** Appends new claims in compatibility_details' column order (V0001, then V0003's columns). */
    public void insertClaims(List<ClaimWrite> writes, String user, LocalDateTime now) {
        appender.append("compatibility_details", writes.stream().map(w -> {
            ClaimData d = w.data();
            return new Object[] {w.claimId(), w.compatibilityId(), w.platform(), d.level().key(), d.limitations(),
                    d.workarounds(), d.performanceNotes(), w.status().key(), w.validatorId(), now, 1, d.evidenceRun(),
                    d.frameworkVersion(), d.device(), d.batchSize(), precision(d), d.simulated(), user, now};
        }).toList());
    }

    private static final List<Column> CLAIM_UPDATE_COLUMNS = List.of(new Column("compatibility_level", "VARCHAR"),
            new Column("limitations", "VARCHAR"), new Column("workarounds", "VARCHAR"),
            new Column("performance_notes", "VARCHAR"), new Column("evidence_run", "VARCHAR"),
            new Column("framework_version", "VARCHAR"), new Column("device", "VARCHAR"),
            new Column("batch_size", "INTEGER"), new Column("precision", "VARCHAR"), new Column("simulated", "BOOLEAN"),
            new Column("validation_status", "VARCHAR"), new Column("validator_id", "INTEGER"),
            new Column("validation_date", "TIMESTAMP"), new Column("updated_by", "VARCHAR"),
            new Column("updated_at", "TIMESTAMP"));

    /** Overwrites claims the pipeline owns; each becomes a new version. */
    public void updateClaims(List<ClaimWrite> writes, String user, LocalDateTime now) {
        MultiRowSql.update(jdbc, "compatibility_details", CLAIM_ID, CLAIM_UPDATE_COLUMNS, "row_version = row_version + 1",
                writes.stream().map(w -> {
                    ClaimData d = w.data();
                    return new Object[] {w.claimId(), d.level().key(), d.limitations(), d.workarounds(),
                            d.performanceNotes(), d.evidenceRun(), d.frameworkVersion(), d.device(), d.batchSize(),
                            precision(d), d.simulated(), w.status().key(), w.validatorId(), now, user, now};
                }).toList());
    }

    private static final Column CLAIM_ID = new Column("id", "BIGINT");

    /** Raises the status of people's claims the pipeline confirmed. */
    public void setValidation(Map<Long, ValidationStatus> statusByClaim, int validatorId, LocalDateTime now) {
        MultiRowSql.update(jdbc, "compatibility_details", CLAIM_ID, List.of(new Column("validation_status", "VARCHAR"),
                        new Column("validator_id", "INTEGER"), new Column("validation_date", "TIMESTAMP")), null,
                statusByClaim.entrySet().stream()
                        .map(e -> new Object[] {e.getKey(), e.getValue().key(), validatorId, now}).toList());
    }

    public record ReviewWrite(long claimId, int claimVersion, int modelId, String platform, String claimLevel,
                              ValidationStatus result, String frameworkVersion) {
    }

    public void appendApprovals(List<ReviewWrite> rows, int validatorId, int verificationLevel, String reviewer,
                                String comment, LocalDateTime now) {
        // Column order of V0005.
        appender.appendWithIds("validation_reviews", "validation_reviews_seq", rows.stream().map(r -> new Object[] {r.claimId(), r.claimVersion(), r.modelId(), r.platform(),
                        r.claimLevel(), validatorId, reviewer, verificationLevel, "approve", r.result().key(), comment,
                        r.frameworkVersion(), now}).toList());
    }

    public record AutomatedWrite(int modelId, String platform, String level, String run, String version) {
    }

    public void appendAutomatedResults(List<AutomatedWrite> rows, int validatorId, LocalDateTime now) {
        // Column order of V0006.
        appender.appendWithIds("automated_results", "automated_results_seq", rows.stream().map(a -> new Object[] {a.modelId(), a.platform(), validatorId, a.level(), a.run(),
                        a.version(), now}).toList());
    }

    private static String precision(ClaimData data) {
        return data.precision() == null ? null : data.precision().key();
    }
}
