package dev.compatmatrix.validation;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.DatabaseErrors;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.query.ClaimMarksQuery;
import dev.compatmatrix.matrix.query.Objection;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.ConflictRetry;
import dev.compatmatrix.matrix.store.DisputeDecision;
import dev.compatmatrix.matrix.store.MatrixTables.ResolutionRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ReviewChange;
import dev.compatmatrix.matrix.store.ReviewRepository;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRef;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueQuery;
import dev.compatmatrix.validation.query.QueueRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approvals, rejections and dispute resolutions by validators (PRODUCT.md §4). Each is one transaction that keeps
 * a review (or resolution) row and sets the claim's status: an approval of level L makes it validated when L reaches
 * the claim's required level and the result was not simulated, else partially validated, and never lowers a status;
 * a rejection (comment required) makes it unvalidated when its level reaches the level of the approval that set the
 * status, else it is kept as an objection for a validator of that level. A validator of at least the claim's required
 * level resolves a dispute: keep the claim (comment required) or take the automated level (a claim change through
 * {@link ClaimService}). Nobody reviews a claim version they wrote. Two approvals at the same moment both land:
 * a write-write conflict is retried ({@link ConflictRetry}), as an approval is safe to repeat.
 */
@Service
@PreAuthorize(Roles.HAS_VALIDATOR)
public class ValidationService {

    /** At most this many characters in a resolution's comment (it also goes into the claim's history reason). */
    public static final int RESOLUTION_COMMENT_MAX = 800;

    private final ClaimRepository claims;
    private final ReviewRepository reviews;
    private final ValidatorRepository validators;
    private final QueueQuery queue;
    private final ClaimMarksQuery marks;
    private final MatrixWriter writer;
    private final ClaimService claimWrites;
    private final TransactionTemplate transaction;
    private final ConflictRetry retry;
    private final Clock clock;

    public ValidationService(
            ClaimRepository claims,
            ReviewRepository reviews,
            ValidatorRepository validators,
            QueueQuery queue,
            ClaimMarksQuery marks,
            MatrixWriter writer,
            ClaimService claimWrites,
            TransactionTemplate transaction,
            ConflictRetry retry,
            Clock clock) {
        this.claims = claims;
        this.reviews = reviews;
        this.validators = validators;
        this.queue = queue;
        this.marks = marks;
        this.writer = writer;
        this.claimWrites = claimWrites;
        this.transaction = transaction;
        this.retry = retry;
        this.clock = clock;
    }

    /** Approves the claim version the validator reviewed; says what it did to the status. */
    public ReviewOutcome approve(ClaimRef reviewed, String comment) {
        return review(reviewed, Review.Decision.APPROVE, comment);
    }

    /**
     * Rejects the reviewed version with a comment editors will see: the claim becomes unvalidated, or, when the
     * validator is below the level of the approval that set its status, the rejection is kept as an objection.
     */
    public ReviewOutcome reject(ClaimRef reviewed, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ReviewRefusedException("A rejection needs a comment that tells the editor what is wrong");
        }
        return review(reviewed, Review.Decision.REJECT, comment);
    }

    /** One outcome of a bulk approval: what it did to the status, or why the claim was refused. */
    public record BulkOutcome(ClaimRef claim, ReviewOutcome outcome, String refusal) {

        public boolean approved() {
            return refusal == null;
        }

        public ValidationStatus status() {
            return outcome == null ? null : outcome.status();
        }

        /** "Validated", "already Validated (…)", or "refused — why". */
        public String describe() {
            return approved() ? outcome.describe() : "refused — " + refusal;
        }
    }

    /** Approves each claim on its own; one refusal does not stop the others. */
    public List<BulkOutcome> approveAll(List<ClaimRef> reviewed) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (ClaimRef claim : reviewed) {
            try {
                outcomes.add(new BulkOutcome(claim, approve(claim, null), null));
            } catch (ReviewRefusedException | ClaimConflictException e) {
                outcomes.add(new BulkOutcome(claim, null, e.getMessage()));
            }
        }
        return outcomes;
    }

    /** One page of the queue, each row saying what the signed-in validator may do with it. */
    public List<QueueRow> queuePage(QueueFilter filter, int offset, int limit) {
        return withAccess(queue.page(filter, Math.max(0, offset), Math.clamp(limit, 1, 500)));
    }

    /** The rows of these claims still in the filtered queue, as {@link #queuePage} shows them (a selection kept current). */
    public List<QueueRow> stillQueued(QueueFilter filter, Collection<Long> claimIds) {
        return withAccess(queue.ofClaims(filter, claimIds));
    }

    private List<QueueRow> withAccess(List<QueueRow> rows) {
        String user = Actor.name();
        var me = validators.findForUser(user);
        return rows.stream()
                .map(row -> row.withAccess(access(row, user, me.orElse(null))))
                .toList();
    }

    /** The signed-in validator's verification level, if the account is linked to a validator. */
    public java.util.Optional<Integer> myLevel() {
        return validators.findForUser(Actor.name()).map(ValidatorRef::level);
    }

    public long queueCount(QueueFilter filter) {
        return queue.count(filter);
    }

    private static QueueRow.Access access(QueueRow row, String user, ValidatorRef me) {
        boolean yours = user.equals(row.writtenBy());
        String blocked = yours ? "Not yours to review (you wrote it)" : me == null ? "Not linked to a validator" : null;
        if (blocked != null) {
            return new QueueRow.Access(blocked, blocked, blocked, yours);
        }
        String resolveBlocked = me.level() >= row.requiredLevel()
                ? null
                : "Resolving this dispute needs level " + row.requiredLevel() + "; you are level " + me.level();
        String youMay = row.objection() != null && me.level() < row.objection().needsLevel()
                ? "Needs level " + row.objection().needsLevel() + " (objection)"
                : row.simulated()
                        ? "Partially (simulated result)"
                        : me.level() >= row.requiredLevel()
                                ? "Fully validate"
                                : "Partially (needs level " + row.requiredLevel() + ")";
        return new QueueRow.Access(youMay, null, resolveBlocked, false);
    }

    /** The validation trail of a model's claims, newest first. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public List<Review> trail(int modelId) {
        return reviews.forModel(modelId);
    }

    /** A model's disputed claims by platform: the automated result (who, when, what level, evidence) each disagrees with. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public Map<Platform, AutomatedResult> disputes(int modelId) {
        return marks.disputes(modelId);
    }

    /** A model's claims with an open objection (a lower-level rejection waiting for a higher-level validator). */
    @PreAuthorize(Roles.HAS_VIEWER)
    public Map<Platform, Objection> objections(int modelId) {
        return marks.objections(modelId);
    }

    /**
     * Resolves the reviewed claim's dispute by keeping the claim as it is (its level and validation status); the
     * comment says why. It stays resolved until a newer automated result disagrees.
     */
    public void keepClaim(ClaimRef reviewed, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ReviewRefusedException(
                    "Keeping a disputed claim needs a comment that says why the claim is right");
        }
        resolve(reviewed, DisputeDecision.KEEP, comment);
    }

    /**
     * Resolves the reviewed claim's dispute by taking the automated level: a claim change through the usual rules
     * (history row with the reason, validation reset, derived columns, audit). Returns the changed claim.
     */
    public Claim takeAutomatedLevel(ClaimRef reviewed, String comment) {
        return resolve(reviewed, DisputeDecision.TAKE, comment);
    }

    private Claim resolve(ClaimRef reviewed, DisputeDecision decision, String comment) {
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > RESOLUTION_COMMENT_MAX) {
            throw new ReviewRefusedException("At most " + RESOLUTION_COMMENT_MAX + " characters, please");
        }
        String user = Actor.name();
        ValidatorRef validator = linkedValidator(user);
        try {
            return transaction.execute(status -> resolveOnce(reviewed, decision, note, user, validator));
        } catch (RuntimeException e) {
            if (DatabaseErrors.isWriteWriteConflict(e)) {
                throw new ClaimConflictException(
                        "Someone changed this claim at the same moment; nothing was resolved." + " Try again.", null);
            }
            throw e;
        }
    }

    private Claim resolveOnce(
            ClaimRef reviewed, DisputeDecision decision, String comment, String user, ValidatorRef validator) {
        Claim current = currentVersion(reviewed, user);
        int required = ValidationRules.requiredLevel(current.data().level());
        if (validator.level() < required) {
            throw new ReviewRefusedException("Resolving the dispute over " + describe(current) + " needs a validator of"
                    + " level " + required + " (what a "
                    + current.data().level().label() + " claim requires); you are"
                    + " level " + validator.level());
        }
        AutomatedResult result = marks.disputes(current.modelId()).get(current.platform());
        if (result == null) {
            throw new ReviewRefusedException(describe(current) + " is not disputed (any more); nothing was resolved");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        boolean take = decision == DisputeDecision.TAKE;
        writer.recordResolutions(
                List.of(new ResolutionRow(
                        current.claimId(),
                        current.version(),
                        current.modelId(),
                        current.platform(),
                        result.resultId(),
                        decision,
                        take ? result.level() : current.data().level(),
                        validator.validatorId(),
                        user,
                        validator.level(),
                        comment,
                        now)),
                List.of(new AuditLog.Entry(
                        "claim.dispute_" + decision.key(),
                        "compatibility_details",
                        current.claimId(),
                        (take ? "Took " + result.summary() + " for " : "Kept ") + describe(current) + " ("
                                + current.data().level().label() + ") against " + result.summary()
                                + (comment == null ? "" : ": " + comment),
                        Map.of("compatibility_level", current.data().level().key()),
                        Map.of(
                                "compatibility_level",
                                (take ? result.level() : current.data().level()).key()))),
                user,
                now);
        if (!take) {
            return current;
        }
        String version = result.frameworkVersion() != null
                ? result.frameworkVersion()
                : current.data().frameworkVersion() != null ? current.data().frameworkVersion() : "not reported";
        String reason = "Dispute resolved by " + user + " (level " + validator.level() + "): took " + result.summary()
                + (result.evidenceRun() == null ? "" : " (run " + result.evidenceRun() + ")")
                + (comment == null ? "" : ": " + comment);
        return claimWrites.takeLevel(current, result.level(), new ChangeNote(reason, version));
    }

    private ValidatorRef linkedValidator(String user) {
        return validators
                .findForUser(user)
                .orElseThrow(() -> new ReviewRefusedException(
                        "Your account is not linked to a validator; ask an administrator to link it"));
    }

    /** The claim as it is now, when it is still the version the validator looked at and someone else wrote it. */
    private Claim currentVersion(ClaimRef reviewed, String user) {
        Claim current = claims.findById(reviewed.claimId())
                .orElseThrow(() -> new ClaimConflictException(
                        "This claim was removed after you opened it; nothing was reviewed.", null));
        if (current.version() != reviewed.version()) {
            throw new ClaimConflictException(
                    describe(current) + " was changed after you opened it (now version " + current.version()
                            + "); review the current version.",
                    current);
        }
        if (user.equals(current.updatedBy())) {
            throw new ReviewRefusedException(
                    "Four eyes: you wrote this version of " + describe(current) + ", so someone else must review it");
        }
        return current;
    }

    private ReviewOutcome review(ClaimRef reviewed, Review.Decision decision, String comment) {
        String user = Actor.name();
        ValidatorRef validator = linkedValidator(user);
        return retry.run(
                attempt -> transaction.execute(status -> reviewOnce(reviewed, decision, comment, user, validator)),
                conflict -> conflict);
    }

    private ReviewOutcome reviewOnce(
            ClaimRef reviewed, Review.Decision decision, String comment, String user, ValidatorRef validator) {
        Claim current = currentVersion(reviewed, user);
        LocalDateTime now = LocalDateTime.now(clock);
        ValidationStatus result;
        Validation validation = null;
        Integer objectionNeeds = null;
        if (decision == Review.Decision.REJECT) {
            int approvalLevel = reviews.approvalLevel(current);
            if (validator.level() >= approvalLevel) {
                result = ValidationStatus.UNVALIDATED;
                validation = Validation.RESET;
            } else {
                result = current.status(); // a lower-level rejection does not undo a higher validation: an objection
                objectionNeeds = approvalLevel;
            }
        } else {
            ValidationStatus outcome = ValidationRules.afterApproval(
                    validator.level(), current.data().level(), current.data().simulated());
            if (ValidationRules.approvalStands(outcome, current.status())) {
                validation = Validation.by(outcome, validator.validatorId());
                result = outcome;
            } else {
                result = current.status(); // a lower-level approval is kept as a review but lowers nothing
            }
        }
        ReviewRow review = new ReviewRow(
                current.claimId(),
                current.version(),
                current.modelId(),
                current.platform(),
                current.data().level(),
                validator.validatorId(),
                user,
                validator.level(),
                decision,
                result,
                comment == null ? null : comment.strip(),
                current.data().frameworkVersion(),
                now);
        writer.recordReviews(
                List.of(new ReviewChange(review, validation, objectionNeeds)),
                List.of(new AuditLog.Entry(
                        "claim." + decision.key(),
                        "compatibility_details",
                        current.claimId(),
                        (decision == Review.Decision.APPROVE
                                        ? "Approved "
                                        : objectionNeeds != null ? "Objected to " : "Rejected ")
                                + describe(current) + " at level " + validator.level(),
                        Map.of("validation_status", current.status().key()),
                        Map.of("validation_status", result.key()))),
                user,
                now);
        return new ReviewOutcome(current.status(), result, objectionNeeds);
    }

    private static String describe(Claim claim) {
        return "the " + claim.platform().label() + " claim of " + claim.modelName();
    }
}
