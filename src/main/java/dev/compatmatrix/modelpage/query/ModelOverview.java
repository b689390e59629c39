package dev.compatmatrix.modelpage.query;

import dev.compatmatrix.history.LevelTimeline;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.query.LevelSinceQuery.LevelSince;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Everything the model page shows, read in one service call. */
public record ModelOverview(
        Header header,
        Map<Platform, ClaimRow> claims,
        Map<Platform, Marks> marks,
        List<RecommendationRow> recommendations,
        List<HistoryRow> history,
        List<Review> reviews,
        List<LevelTimeline.Period> levelPeriods,
        Map<Platform, LevelSince> levelSince) {

    /** Since when a platform's claim has had its level; empty when not tested or the history does not say. */
    public java.util.Optional<LevelSince> levelSince(Platform platform) {
        return claims.containsKey(platform)
                ? java.util.Optional.ofNullable(levelSince.get(platform))
                : java.util.Optional.empty();
    }

    /** A platform's stale and disputed marks; {@link Marks#NONE} when it has none or is not tested. */
    public Marks marks(Platform platform) {
        return marks.getOrDefault(platform, Marks.NONE);
    }

    /** The newest review of a platform's current claim version, if any (a rejection's comment is for editors). */
    public java.util.Optional<Review> latestReview(Platform platform) {
        ClaimRow claim = claims.get(platform);
        return claim == null
                ? java.util.Optional.empty()
                : reviews.stream()
                        .filter(r -> r.claimId() == claim.claimId() && r.claimVersion() == claim.version())
                        .findFirst();
    }

    /** The model and its derived columns. */
    public record Header(
            int modelId,
            String name,
            String family,
            String type,
            String size,
            Double parametersMillions,
            String sourceUrl,
            double score,
            Platform recommended,
            LocalDateTime lastUpdated) {}

    /** The seed's "detailed compatibility information" for one platform, with the claim's evidence. */
    public record ClaimRow(
            long claimId,
            int version,
            Platform platform,
            CompatibilityLevel level,
            String limitations,
            String workarounds,
            String performanceNotes,
            ValidationStatus status,
            String validator,
            LocalDateTime validationDate,
            Evidence evidence,
            String approvedFrameworkVersion) {}

    /**
     * A claim's marks as the matrix has them (the shared rules decide them), with what explains them:
     * {@code staleReason} in words, {@code dispute} the automated result that disagrees (null unless disputed).
     */
    public record Marks(boolean stale, boolean disputed, String staleReason, AutomatedResult dispute) {

        public static final Marks NONE = new Marks(false, false, null, null);

        /**
         * Why a stale claim is stale: validated before {@code staleBefore}, and/or approved for another
         * framework/runtime version than the claim names now.
         */
        public static String staleReason(ClaimRow claim, LocalDateTime staleBefore) {
            var reasons = new java.util.ArrayList<String>();
            if (claim.validationDate() != null && claim.validationDate().isBefore(staleBefore)) {
                reasons.add("validated " + claim.validationDate().toLocalDate() + ", before the age limit ("
                        + staleBefore.toLocalDate() + ")");
            }
            if (claim.approvedFrameworkVersion() != null
                    && !claim.approvedFrameworkVersion().equals(claim.evidence().frameworkVersion())) {
                reasons.add("approved for " + claim.approvedFrameworkVersion() + "; a newer run names "
                        + (claim.evidence().frameworkVersion() == null
                                ? "no version"
                                : claim.evidence().frameworkVersion()));
            }
            return reasons.isEmpty() ? "the validation is out of date" : String.join("; ", reasons);
        }
    }

    /** What the claim rests on: run id or link, version, device, batch size, precision, simulated. */
    public record Evidence(
            String run,
            String frameworkVersion,
            String device,
            Integer batchSize,
            String precision,
            boolean simulated) {

        /** "run-1 · torch 2.5.1 · A100 · batch 32 · fp16 · simulated", skipping what is unknown. */
        public String summary() {
            var parts = new java.util.ArrayList<String>();
            for (String part : new String[] {
                run,
                frameworkVersion,
                device,
                batchSize == null ? null : "batch " + batchSize,
                precision,
                simulated ? "simulated" : null
            }) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            return String.join(" · ", parts);
        }
    }
}
