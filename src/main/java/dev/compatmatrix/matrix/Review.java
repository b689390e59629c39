package dev.compatmatrix.matrix;

import java.time.LocalDateTime;

/** One kept approval or rejection of a claim version. */
public record Review(
        long reviewId,
        long claimId,
        int claimVersion,
        String platform,
        String claimLevel,
        String validatorName,
        String reviewer,
        int verificationLevel,
        Decision decision,
        ValidationStatus resultingStatus,
        String comment,
        LocalDateTime reviewedAt) {

    public enum Decision {
        APPROVE,
        REJECT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
