package dev.compatmatrix.ingest;

import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.HistoryRepository.HistoryWrite;
import dev.compatmatrix.ingest.repository.IngestRepository.AutomatedWrite;
import dev.compatmatrix.ingest.repository.IngestRepository.CellClaim;
import dev.compatmatrix.ingest.repository.IngestRepository.ClaimWrite;
import dev.compatmatrix.ingest.repository.IngestRepository.ReviewWrite;
import dev.compatmatrix.recommendation.repository.PerformanceResultRepository.Measurement;
import dev.compatmatrix.security.token.ApiToken;
import dev.compatmatrix.matrix.ValidationRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a batch will write, decided per cell by {@link IngestService}'s rules before anything is written. */
record IngestPlan(List<Create> creates, List<ClaimWrite> updates, Map<Long, ValidationStatus> confirmations,
                  List<HistoryWrite> history, List<ReviewWrite> reviewsOfExisting, List<AutomatedWrite> automatedResults,
                  Set<Integer> touchedModels, List<Measurement> measurements, int confirmedCount, int disputedCount) {

    /** A claim for a cell that was not tested; its id comes from the sequence when it is written. */
    record Create(ModelRef model, CheckedResult result, ValidationStatus status, int validatorId) {

        ClaimWrite withId(long claimId) {
            return new ClaimWrite(claimId, model.compatibilityId(), result.platform().key(), result.claim(), status,
                    validatorId);
        }
    }

    static IngestPlan of(List<CheckedResult> results, Map<String, ModelRef> models, Map<String, CellClaim> current,
                         String caller, ApiToken token, String batchId) {
        List<Create> creates = new ArrayList<>();
        List<ClaimWrite> updates = new ArrayList<>();
        Map<Long, ValidationStatus> confirmations = new LinkedHashMap<>();
        List<HistoryWrite> history = new ArrayList<>();
        List<ReviewWrite> reviews = new ArrayList<>();
        List<AutomatedWrite> automated = new ArrayList<>();
        Set<Integer> touched = new HashSet<>();
        List<Measurement> measurements = new ArrayList<>();
        int confirmed = 0;
        int disputed = 0;
        String reason = "Automated result from " + token.validatorName() + " (batch " + batchId + ")";
        for (CheckedResult result : results) {
            ModelRef model = models.get(result.modelName());
            String platform = result.platform().key();
            String level = result.claim().level().key();
            String version = result.claim().frameworkVersion();
            automated.add(new AutomatedWrite(model.modelId(), platform, level, result.claim().evidenceRun(), version));
            result.performance().forEach(m -> measurements.add(new Measurement(model.modelId(), platform, m.task(),
                    m.batchSize(), m.precision(), m.throughput(), m.latencyP50(), m.latencyP95(), m.memoryMb())));
            CellClaim claim = current.get(IngestService.cell(model.compatibilityId(), platform));
            ValidationStatus approval = IngestService.approvalStatus(token, result.claim());
            if (claim == null) {
                creates.add(new Create(model, result, approval, token.validatorId()));
                history.add(new HistoryWrite(model.modelId(), platform, null, level, reason, version));
                touched.add(model.compatibilityId());
            } else if (Actor.isPipeline(claim.updatedBy())) {
                updates.add(new ClaimWrite(claim.claimId(), model.compatibilityId(), platform, result.claim(), approval,
                        token.validatorId()));
                if (claim.level() != result.claim().level()) {
                    history.add(new HistoryWrite(model.modelId(), platform, claim.level().key(), level, reason,
                            version));
                }
                reviews.add(new ReviewWrite(claim.claimId(), claim.version() + 1, model.modelId(), platform, level,
                        approval, version));
                touched.add(model.compatibilityId());
            } else if (claim.level() == result.claim().level()) {
                ValidationStatus raised = ValidationRules.afterApproval(token.validatorLevel(), claim.level(),
                        claim.simulated());
                ValidationStatus kept = ValidationRules.keptAfterApproval(raised, claim.status());
                if (kept != claim.status()) {
                    confirmations.put(claim.claimId(), kept);
                }
                reviews.add(new ReviewWrite(claim.claimId(), claim.version(), model.modelId(), platform, level, kept,
                        claim.frameworkVersion()));
                confirmed++;
            } else {
                disputed++;
            }
        }
        return new IngestPlan(creates, updates, confirmations, history, reviews, automated, touched, measurements,
                confirmed, disputed);
    }

    /** Approval rows for every claim the batch created, overwrote or confirmed; {@code ids} are the new claims'. */
    List<ReviewWrite> approvals(List<Long> ids) {
        List<ReviewWrite> all = new ArrayList<>(reviewsOfExisting);
        for (int i = 0; i < creates.size(); i++) {
            Create create = creates.get(i);
            all.add(new ReviewWrite(ids.get(i), 1, create.model().modelId(), create.result().platform().key(),
                    create.result().claim().level().key(), create.status(), create.result().claim().frameworkVersion()));
        }
        return all;
    }
}
