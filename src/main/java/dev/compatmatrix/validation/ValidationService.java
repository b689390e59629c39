package dev.compatmatrix.validation;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.DuckDbErrors;
import dev.compatmatrix.compatibility.Claim;
import dev.compatmatrix.compatibility.ClaimConflictException;
import dev.compatmatrix.compatibility.ValidationStatus;
import dev.compatmatrix.compatibility.repository.ClaimRepository;
import dev.compatmatrix.security.Actor;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueQuery;
import dev.compatmatrix.validation.query.QueueRow;
import dev.compatmatrix.validation.repository.ReviewRepository;
import dev.compatmatrix.validation.repository.ValidatorRepository.ValidatorRef;
import dev.compatmatrix.validation.repository.ValidatorRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approvals and rejections by validators (PRODUCT.md §4). Each is one transaction that keeps a review row
 * and sets the claim's status: an approval of level L makes it validated when L reaches the claim's required
 * level and the result was not simulated, else partially validated, and never lowers a status; a rejection
 * (comment required) makes it unvalidated. Nobody reviews a claim version they wrote. Two approvals at the
 * same moment both land: DuckDB's write-write conflict is retried, as an approval is safe to repeat.
 */
@Service
@PreAuthorize("hasRole('VALIDATOR')")
public class ValidationService {

    static final int CONFLICT_RETRIES = 5;

    private final ClaimRepository claims;
    private final ReviewRepository reviews;
    private final ValidatorRepository validators;
    private final QueueQuery queue;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ValidationService(ClaimRepository claims, ReviewRepository reviews, ValidatorRepository validators,
                             QueueQuery queue, AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.claims = claims;
        this.reviews = reviews;
        this.validators = validators;
        this.queue = queue;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Approves the claim version the validator reviewed; returns the status it now has. */
    public ValidationStatus approve(ClaimRef reviewed, String comment) {
        return review(reviewed, Review.Decision.APPROVE, comment);
    }

    /** Rejects the reviewed version with a comment editors will see; the claim becomes unvalidated. */
    public ValidationStatus reject(ClaimRef reviewed, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ReviewRefusedException("A rejection needs a comment that tells the editor what is wrong");
        }
        return review(reviewed, Review.Decision.REJECT, comment);
    }

    /** One outcome of a bulk approval: the status reached, or why the claim was refused. */
    public record BulkOutcome(ClaimRef claim, ValidationStatus status, String refusal) {

        public boolean approved() {
            return refusal == null;
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
        String user = Actor.name();
        var me = validators.findForUser(user);
        return queue.page(filter, Math.max(0, offset), Math.clamp(limit, 1, 500)).stream()
                .map(row -> row.withYouMay(youMay(row, user, me.orElse(null)))).toList();
    }

    public long queueCount(QueueFilter filter) {
        return queue.count(filter);
    }

    private static String youMay(QueueRow row, String user, ValidatorRef me) {
        if (user.equals(row.writtenBy())) {
            return "Not yours to review (you wrote it)";
        }
        if (me == null) {
            return "Not linked to a validator";
        }
        return row.simulated() ? "Partially (simulated result)"
                : me.level() >= row.requiredLevel() ? "Fully validate" : "Partially (needs level " + row.requiredLevel() + ")";
    }

    /** The validation trail of a model's claims, newest first. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<Review> trail(int modelId) {
        return reviews.forModel(modelId);
    }

    private ValidationStatus review(ClaimRef reviewed, Review.Decision decision, String comment) {
        String user = Actor.name();
        ValidatorRef validator = validators.findForUser(user).orElseThrow(() -> new ReviewRefusedException(
                "Your account is not linked to a validator; ask an administrator to link it"));
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> reviewOnce(reviewed, decision, comment, user, validator));
            } catch (RuntimeException e) {
                if (attempt >= CONFLICT_RETRIES || !DuckDbErrors.isWriteWriteConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private ValidationStatus reviewOnce(ClaimRef reviewed, Review.Decision decision, String comment, String user,
                                        ValidatorRef validator) {
        Claim current = claims.findById(reviewed.claimId()).orElseThrow(() -> new ClaimConflictException(
                "This claim was removed after you opened it; nothing was reviewed.", null));
        if (current.version() != reviewed.version()) {
            throw new ClaimConflictException(describe(current) + " was changed after you opened it (now version "
                    + current.version() + "); review the current version.", current);
        }
        if (user.equals(current.updatedBy())) {
            throw new ReviewRefusedException("Four eyes: you wrote this version of " + describe(current)
                    + ", so someone else must review it");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        ValidationStatus result;
        if (decision == Review.Decision.REJECT) {
            result = ValidationStatus.UNVALIDATED;
            claims.setValidation(current.claimId(), result, null, null);
        } else {
            ValidationStatus outcome = ValidationRules.afterApproval(validator.level(), current.data().level(),
                    current.data().simulated());
            if (ValidationRules.rank(outcome) >= ValidationRules.rank(current.status())) {
                claims.setValidation(current.claimId(), outcome, validator.validatorId(), now);
                result = outcome;
            } else {
                result = current.status(); // a lower-level approval is kept as a review but lowers nothing
            }
        }
        reviews.insert(current, validator, user, decision, result, comment == null ? null : comment.strip(), now);
        audit.record(user, "claim." + decision.key(), "compatibility_details", current.claimId(),
                (decision == Review.Decision.APPROVE ? "Approved " : "Rejected ") + describe(current) + " at level "
                        + validator.level(), Map.of("validation_status", current.status().key()),
                Map.of("validation_status", result.key()), now);
        return result;
    }

    private static String describe(Claim claim) {
        return "the " + claim.platform().label() + " claim of " + claim.modelName();
    }
}
