package dev.compatmatrix.matrix;

import java.time.LocalDateTime;

/**
 * A stored claim (one {@code compatibility_details} row) at one row version.
 *
 * @param updatedBy who wrote this version (null for imported or generated data)
 */
public record Claim(
        long claimId,
        int version,
        int modelId,
        String modelName,
        Platform platform,
        ClaimData data,
        ValidationStatus status,
        String updatedBy,
        LocalDateTime updatedAt)
        implements ClaimVersion {}
