package dev.compatmatrix.ingest.repository;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An ingest batch's own reads and its record of applied batches: a batch of 1,000 results costs a handful of
 * statements per table instead of several per result ({@code MatrixWriter} writes the matrix). The caller owns
 * the transaction.
 */
@Repository
public class IngestRepository {

    private final JdbcClient jdbc;

    public IngestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean batchApplied(int validatorId, String batchId) {
        return jdbc.sql("SELECT count(*) FROM ingest_batches WHERE validator_id = :validator AND batch_id = :batch")
                        .param("validator", validatorId)
                        .param("batch", batchId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void recordBatch(int validatorId, String batchId, int tokenId, int items, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO ingest_batches (validator_id, batch_id, token_id, items, received_at)
                        VALUES (:validator, :batch, :token, :items, :now)""")
                .param("validator", validatorId)
                .param("batch", batchId)
                .param("token", tokenId)
                .param("items", items)
                .param("now", now)
                .update();
    }

    /** What ingest needs to know of a cell's current claim. */
    public record CellClaim(
            long claimId,
            int version,
            int compatibilityId,
            String platform,
            CompatibilityLevel level,
            boolean simulated,
            ValidationStatus status,
            String updatedBy,
            String frameworkVersion) {}

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
                .query((rs, n) -> new CellClaim(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getString(4),
                        CompatibilityLevel.fromKey(rs.getString(5)).orElseThrow(),
                        rs.getBoolean(6),
                        ValidationStatus.fromKey(rs.getString(7)).orElse(ValidationStatus.UNVALIDATED),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** An approval the batch gives a claim (the claim's version, level and framework version it approved). */
    public record ReviewWrite(
            long claimId,
            int claimVersion,
            int modelId,
            String platform,
            String claimLevel,
            ValidationStatus result,
            String frameworkVersion) {}

    /** A result the batch reported for a cell. */
    public record AutomatedWrite(int modelId, String platform, String level, String run, String version) {}
}
