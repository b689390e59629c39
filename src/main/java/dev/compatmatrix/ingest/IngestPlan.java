package dev.compatmatrix.ingest;

import dev.compatmatrix.ingest.repository.IngestRepository.AutomatedWrite;
import dev.compatmatrix.ingest.repository.IngestRepository.CellClaim;
import dev.compatmatrix.ingest.repository.IngestRepository.ReviewWrite;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.recommendation.repository.PerformanceResultRepository.Measurement;
import dev.compatmatrix.security.token.ApiToken;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch will write, decided per cell by {@link IngestService}'s rules before anything is written: new
 * claims and overwritten ones in the batch's order, the approvals, the confirmations of people's claims.
 */
record IngestPlan(
        List<ClaimChange> claims,
        Map<Long, ValidationStatus> confirmations,
        List<ReviewWrite> reviewsOfExisting,
        List<ReviewWrite> reviewsOfNew,
        List<AutomatedWrite> automatedResults,
        List<Measurement> measurements,
        int createdCount,
        int updatedCount,
        int confirmedCount,
        int disputedCount) {

    /** How many claims the batch creates: its cells without a claim ({@code current} keyed by {@link IngestService#cell}). */
    static int newClaimCount(
            List<CheckedResult> results, Map<String, ModelRef> models, Map<String, CellClaim> current) {
        return (int) results.stream()
                .filter(r -> !current.containsKey(IngestService.cell(
                        models.get(r.modelName()).compatibilityId(),
                        r.platform().key())))
                .count();
    }

    /** @param newClaimIds ids for {@link #newClaimCount} new claims */
    static IngestPlan of(
            List<CheckedResult> results,
            Map<String, ModelRef> models,
            Map<String, CellClaim> current,
            String caller,
            ApiToken token,
            String batchId,
            Iterator<Long> newClaimIds) {
        List<ClaimChange> claims = new ArrayList<>();
        Map<Long, ValidationStatus> confirmations = new LinkedHashMap<>();
        List<ReviewWrite> reviews = new ArrayList<>();
        List<ReviewWrite> reviewsOfNew = new ArrayList<>();
        List<AutomatedWrite> automated = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int confirmed = 0;
        int disputed = 0;
        String reason = "Automated result from " + token.validatorName() + " (batch " + batchId + ")";
        for (CheckedResult result : results) {
            ModelRef model = models.get(result.modelName());
            String platform = result.platform().key();
            String level = result.claim().level().key();
            String version = result.claim().frameworkVersion();
            automated.add(new AutomatedWrite(
                    model.modelId(), platform, level, result.claim().evidenceRun(), version));
            result.performance()
                    .forEach(m -> measurements.add(new Measurement(
                            model.modelId(),
                            platform,
                            m.task(),
                            m.batchSize(),
                            m.precision(),
                            m.throughput(),
                            m.latencyP50(),
                            m.latencyP95(),
                            m.memoryMb())));
            CellClaim claim = current.get(IngestService.cell(model.compatibilityId(), platform));
            ValidationStatus approval = IngestService.approvalStatus(token, result.claim());
            if (claim == null) {
                long claimId = newClaimIds.next();
                claims.add(new ClaimChange.Create(
                        claimId,
                        model,
                        result.platform(),
                        result.claim(),
                        Validation.by(approval, token.validatorId()),
                        reason,
                        version));
                reviewsOfNew.add(new ReviewWrite(claimId, 1, model.modelId(), platform, level, approval, version));
                created++;
            } else if (Actor.isPipeline(claim.updatedBy())) {
                claims.add(new ClaimChange.Update(
                        claim.claimId(),
                        claim.version(),
                        model,
                        result.platform(),
                        claim.level(),
                        result.claim(),
                        Validation.by(approval, token.validatorId()),
                        reason,
                        version));
                reviews.add(new ReviewWrite(
                        claim.claimId(), claim.version() + 1, model.modelId(), platform, level, approval, version));
                updated++;
            } else if (claim.level() == result.claim().level()) {
                ValidationStatus raised =
                        ValidationRules.afterApproval(token.validatorLevel(), claim.level(), claim.simulated());
                ValidationStatus kept = ValidationRules.keptAfterApproval(raised, claim.status());
                if (kept != claim.status()) {
                    confirmations.put(claim.claimId(), kept);
                }
                reviews.add(new ReviewWrite(
                        claim.claimId(),
                        claim.version(),
                        model.modelId(),
                        platform,
                        level,
                        kept,
                        claim.frameworkVersion()));
                confirmed++;
            } else {
                disputed++;
            }
        }
        return new IngestPlan(
                claims,
                confirmations,
                reviews,
                reviewsOfNew,
                automated,
                measurements,
                created,
                updated,
                confirmed,
                disputed);
    }

    /** Approval rows for every claim the batch overwrote or confirmed, then for the ones it created. */
    List<ReviewWrite> approvals() {
        List<ReviewWrite> all = new ArrayList<>(reviewsOfExisting);
        all.addAll(reviewsOfNew);
        return all;
    }
}
