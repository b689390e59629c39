package dev.compatmatrix.demo;

import dev.compatmatrix.demo.ClaimFactory.ValidatorRef;
import dev.compatmatrix.demo.GeneratedModel.AutomatedResult;
import dev.compatmatrix.demo.GeneratedModel.Claim;
import dev.compatmatrix.demo.GeneratedModel.Review;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review.Decision;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The validation trail of a synthetic model's claims, as the product's rules (PRODUCT.md §4,
 * {@code ValidationService}, {@code IngestService}) would have left it. {@link ClaimFactory} decides each claim's
 * status and approver; this adds the rows behind them:
 * <ul>
 * <li>every validated or partially validated claim has the approval that set it (its approver, level and date;
 * a pipeline's approval comes with its agreeing automated result), and {@value #EARLIER_PARTIAL_PERCENT} % of the
 * validated ones a lower-level person's partial approval before it;</li>
 * <li>{@value #REJECTED_PERCENT} % of the unvalidated claims were rejected by a person with a comment; the rest
 * were never reviewed;</li>
 * <li>{@value #RERUN_PERCENT} % of the validated claims were re-run on another runtime version after their approval with
 * the same outcome: version 2, status kept, so the validation is stale;</li>
 * <li>{@value #DISPUTED_PERCENT} % of all claims have a newer automated result that disagrees (disputed).</li>
 * </ul>
 * Nobody reviews a version they wrote: generated claims have no author, re-runs are the editor's.
 */
final class SyntheticValidation {

    static final int EARLIER_PARTIAL_PERCENT = 20;
    static final int REJECTED_PERCENT = 20;
    static final int RERUN_PERCENT = 5;
    static final int DISPUTED_PERCENT = 3;
    /** The demo's editor account: who re-ran claims. */
    static final String RERUN_BY = ClaimFactory.AUTHOR;

    private static final List<String> REJECTIONS = List.of(
            "The evidence run is a smoke test only; attach a run of the full suite.",
            "Throughput in the notes does not match the linked run.",
            "Level looks too high for the operator fallbacks listed under limitations.",
            "Device in the evidence is not the one the run used; please re-run on the stated device.");

    private final List<ValidatorRef> validators;
    private final List<ValidatorRef> people;
    private final ValidatorRef pipeline;
    private final LocalDateTime now;

    /**
     * @param validators every validator, people and pipelines
     * @param now        nothing happens after it (the data set's "now")
     */
    SyntheticValidation(List<ValidatorRef> validators, LocalDateTime now) {
        this.validators = validators;
        this.people = validators.stream().filter(v -> !v.automated()).toList();
        this.pipeline = validators.stream()
                .filter(ValidatorRef::automated)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Disputes need an automated validator"));
        this.now = now;
    }

    /** The model with its claims' reviews and re-runs and its automated results; draws only from {@code random}. */
    GeneratedModel validate(GeneratedModel model, Random random) {
        Map<Platform, Claim> claims = new EnumMap<>(Platform.class);
        List<AutomatedResult> results = new ArrayList<>();
        for (Map.Entry<Platform, Claim> entry : model.claims().entrySet()) {
            Platform platform = entry.getKey();
            Claim claim = entry.getValue();
            claim = claim.status() == ValidationStatus.UNVALIDATED
                    ? maybeRejected(claim, random)
                    : approved(platform, claim, results, random);
            if (random.nextInt(100) < DISPUTED_PERCENT) {
                LocalDateTime last =
                        claim.validationDate() == null || claim.validationDate().isBefore(claim.updatedAt())
                                ? claim.updatedAt()
                                : claim.validationDate();
                results.add(new AutomatedResult(
                        platform,
                        pipeline.id(),
                        DemoAutomatedResults.disagreeing(claim.level()),
                        DemoApprovals.token(pipeline) + "-" + random.nextInt(100_000),
                        claim.frameworkVersion(),
                        between(last, now, random)));
            }
            claims.put(platform, claim);
        }
        return model.withValidation(claims, results);
    }

    /** The approval that set the claim's status, perhaps a lower one before it, perhaps a re-run after it. */
    private Claim approved(Platform platform, Claim claim, List<AutomatedResult> results, Random random) {
        ValidatorRef approver = validators.stream()
                .filter(v -> v.id() == claim.validatorId())
                .findFirst()
                .orElseThrow();
        List<Review> reviews = new ArrayList<>();
        int required = ValidationRules.requiredLevel(claim.level());
        List<ValidatorRef> lower =
                people.stream().filter(v -> v.level() < required).toList();
        if (claim.status() == ValidationStatus.VALIDATED
                && !lower.isEmpty()
                && random.nextInt(100) < EARLIER_PARTIAL_PERCENT) {
            reviews.add(DemoApprovals.review(
                    claim,
                    lower.get(random.nextInt(lower.size())),
                    Decision.APPROVE,
                    ValidationStatus.PARTIALLY_VALIDATED,
                    null,
                    between(claim.updatedAt(), claim.validationDate(), random)));
        }
        reviews.add(DemoApprovals.approval(platform, claim, approver, results));
        Claim reviewed = claim.reviewed(claim.status(), claim.validatorId(), claim.validationDate(), reviews);
        if (claim.status() == ValidationStatus.VALIDATED && random.nextInt(100) < RERUN_PERCENT) {
            return reviewed.rerun(
                    ClaimFactory.evidenceRun(platform, random),
                    another(platform, claim.frameworkVersion()),
                    RERUN_BY,
                    between(claim.validationDate(), now, random));
        }
        return reviewed;
    }

    /** A rejection by a person leaves the claim unvalidated with no approver (ValidationService.reject). */
    private Claim maybeRejected(Claim claim, Random random) {
        if (random.nextInt(100) >= REJECTED_PERCENT) {
            return claim;
        }
        LocalDateTime when = claim.updatedAt().plusHours(1 + random.nextInt(72));
        Review rejection = DemoApprovals.review(
                claim,
                people.get(random.nextInt(people.size())),
                Decision.REJECT,
                ValidationStatus.UNVALIDATED,
                REJECTIONS.get(random.nextInt(REJECTIONS.size())),
                when.isAfter(now) ? now : when);
        return claim.reviewed(ValidationStatus.UNVALIDATED, null, null, List.of(rejection));
    }

    /** The platform's newest version, or the one before it when the claim already ran on the newest. */
    private static String another(Platform platform, String current) {
        List<String> versions = ClaimFactory.versions(platform);
        return versions.getLast().equals(current) ? versions.get(versions.size() - 2) : versions.getLast();
    }

    /** A whole minute strictly between {@code from} and {@code to} (or {@code to} when they are that close). */
    private static LocalDateTime between(LocalDateTime from, LocalDateTime to, Random random) {
        long minutes = Duration.between(from, to).toMinutes();
        return minutes < 2 ? to : from.plusMinutes(1 + random.nextLong(minutes - 1));
    }
}
