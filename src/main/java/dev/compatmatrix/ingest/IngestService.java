package dev.compatmatrix.ingest;

import dev.compatmatrix.base.StepTimes;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.ClusterLock;
import dev.compatmatrix.base.db.ClusterLock.Hold;
import dev.compatmatrix.ingest.repository.IngestRepository;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.ConflictRetry;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ReviewChange;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.recommendation.repository.PerformanceResultRepository;
import dev.compatmatrix.security.api.ApiPrincipal;
import dev.compatmatrix.security.token.ApiToken;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Applies a CI pipeline's batch of results in one transaction — all of it or nothing — by the rules of
 * PRODUCT.md §2 and §4, for the validator the token belongs to:
 * <ul>
 * <li>every result is kept as an automated result (what makes a cell "disputed" or a validation stale), and its
 * measurements as performance results (source {@code ci:<validator>});</li>
 * <li>a cell not tested gets a claim, and a claim the pipeline wrote earlier is overwritten, each with a history
 * row on a level change and an approval at the pipeline's level (a simulated result at most partially);</li>
 * <li>a person's claim is never overwritten: a result at the same level approves it at the pipeline's level
 * (never lowering its status); a different level leaves it as it is, and the cell shows as disputed.</li>
 * </ul>
 * A batch id already applied for this validator changes nothing and says so.
 */
@Service
@PreAuthorize("hasAuthority('SCOPE_results:write')")
public class IngestService {

    private final IngestRepository ingest;
    private final ClaimRepository claims;
    private final DerivedColumnsRepository derivedColumns;
    private final MatrixWriter writer;
    private final PerformanceResultRepository performance;
    private final ConflictRetry retry;
    private final Clock clock;
    /**
     * Batches that collided are applied again one at a time, after the first attempts under way have ended and
     * before new ones start (fair): a retry then meets no other batch, and collisions among many pipelines posting
     * overlapping cells end after one retry instead of exhausting the retries (issue 9's crash test found 500s).
     * The turns hold across application nodes ({@link ClusterLock}).
     */
    private final ClusterLock turns;

    public IngestService(
            IngestRepository ingest,
            ClaimRepository claims,
            DerivedColumnsRepository derivedColumns,
            MatrixWriter writer,
            PerformanceResultRepository performance,
            ClusterLock turns,
            ConflictRetry retry,
            Clock clock) {
        this.performance = performance;
        this.ingest = ingest;
        this.claims = claims;
        this.derivedColumns = derivedColumns;
        this.writer = writer;
        this.turns = turns;
        this.retry = retry;
        this.clock = clock;
    }

    public IngestReport ingest(ResultBatch batch, ApiPrincipal caller) {
        List<CheckedResult> results = ResultChecks.check(batch);
        StepTimes.mark("checks");
        // Two batches touching the same cells at once: the database refuses one (a write-write conflict, or the same
        // new claim twice); applying it again is safe, and then sees the other batch's claims.
        return retry.run(
                attempt -> {
                    // First attempts run side by side; a retry runs alone (see turns).
                    Hold hold = attempt == 1 ? Hold.SHARED : Hold.EXCLUSIVE;
                    IngestReport report = turns.inTransaction(hold, () -> apply(batch.batchId(), results, caller));
                    StepTimes.mark("commit");
                    return report;
                },
                IngestConflictException::new);
    }

    private IngestReport apply(String batchId, List<CheckedResult> results, ApiPrincipal caller) {
        ApiToken token = caller.token();
        StepTimes.mark("begin");
        if (ingest.batchApplied(token.validatorId(), batchId)) {
            return new IngestReport(batchId, true, results.size(), 0, 0, 0, 0, 0);
        }
        StepTimes.mark("batch applied?");
        // ResultChecks refuses control characters in model names, so the names' separator is safe.
        Map<String, ModelRef> models = derivedColumns.findByModelNames(
                results.stream().map(CheckedResult::modelName).collect(Collectors.toSet()));
        List<ItemError> unknown = results.stream()
                .filter(r -> !models.containsKey(r.modelName()))
                .map(r -> new ItemError(r.index(), "model", "No model named '" + r.modelName() + "'"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IngestRejectedException(unknown);
        }
        StepTimes.mark("lookup models");
        Map<String, IngestRepository.CellClaim> current = new HashMap<>();
        // Every claimed level of the batch's models, by model id: the writer derives their columns from it.
        Map<Integer, Integer> modelOfRow = new HashMap<>();
        models.values().forEach(m -> modelOfRow.put(m.compatibilityId(), m.modelId()));
        Map<Integer, Map<Platform, CompatibilityLevel>> levels = new HashMap<>();
        for (var claim : ingest.claims(modelOfRow.keySet())) {
            current.put(cell(claim.compatibilityId(), claim.platform()), claim);
            levels.computeIfAbsent(modelOfRow.get(claim.compatibilityId()), m -> new EnumMap<>(Platform.class))
                    .put(Platform.fromKey(claim.platform()).orElseThrow(), claim.level());
        }
        StepTimes.mark("lookup claims");
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> ids = claims.newIds(IngestPlan.newClaimCount(results, models, current));
        IngestPlan plan = IngestPlan.of(results, models, current, caller.name(), token, batchId, ids.iterator());
        IngestReport report = new IngestReport(
                batchId,
                false,
                results.size(),
                plan.createdCount(),
                plan.updatedCount(),
                plan.confirmedCount(),
                plan.disputedCount(),
                plan.measurements().size());
        StepTimes.mark("plan");
        writer.writeAutomatedBatch(
                new MatrixWriter.AutomatedBatch(
                        plan.claims(),
                        plan.approvals().stream()
                                .map(r -> approval(
                                        r,
                                        plan.confirmations().get(r.claimId()),
                                        token,
                                        caller.name(),
                                        "Automated result, batch " + batchId,
                                        now))
                                .toList(),
                        plan.automatedResults().stream()
                                .map(a -> new AutomatedResultRow(
                                        a.modelId(),
                                        Platform.fromKey(a.platform()).orElseThrow(),
                                        token.validatorId(),
                                        CompatibilityLevel.fromKey(a.level()).orElseThrow(),
                                        a.run(),
                                        a.version(),
                                        now))
                                .toList(),
                        levels,
                        List.of(new AuditLog.Entry(
                                "ingest.batch",
                                "ingest_batches",
                                batchId,
                                "Applied batch " + batchId + " of " + results.size() + " results for "
                                        + token.validatorName(),
                                null,
                                Map.of(
                                        "created",
                                        report.created(),
                                        "updated",
                                        report.updated(),
                                        "confirmed",
                                        report.confirmed(),
                                        "disputed",
                                        report.disputed())))),
                caller.name(),
                now);
        performance.append(plan.measurements(), "ci:" + token.validatorName(), now);
        StepTimes.mark("measurements");
        ingest.recordBatch(token.validatorId(), batchId, token.tokenId(), results.size(), now);
        StepTimes.mark("ingest_batches");
        return report;
    }

    /** The pipeline's approval of a claim; {@code confirmed} the status it raises a person's claim to, if any. */
    private static ReviewChange approval(
            IngestRepository.ReviewWrite r,
            ValidationStatus confirmed,
            ApiToken token,
            String reviewer,
            String comment,
            LocalDateTime now) {
        return new ReviewChange(
                new ReviewRow(
                        r.claimId(),
                        r.claimVersion(),
                        r.modelId(),
                        Platform.fromKey(r.platform()).orElseThrow(),
                        CompatibilityLevel.fromKey(r.claimLevel()).orElseThrow(),
                        token.validatorId(),
                        reviewer,
                        token.validatorLevel(),
                        Review.Decision.APPROVE,
                        r.result(),
                        comment,
                        r.frameworkVersion(),
                        now),
                confirmed == null ? null : Validation.by(confirmed, token.validatorId()),
                null);
    }

    static String cell(int compatibilityId, String platform) {
        return compatibilityId + "/" + platform;
    }

    /** The status a pipeline's approval gives a claim at this level. */
    static ValidationStatus approvalStatus(ApiToken token, dev.compatmatrix.matrix.ClaimData data) {
        return ValidationRules.afterApproval(token.validatorLevel(), data.level(), data.simulated());
    }
}
