package dev.compatmatrix.compatibility;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.DatabaseErrors;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.feedback.repository.CellReportRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ClaimFields;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.EvidenceRun;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.TextLimit;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.StaleClaimException;
import dev.compatmatrix.matrix.store.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating, editing and removing claims. Each change is one transaction that {@link MatrixWriter} writes: the claim,
 * its validation reset when its substance changes, a history row on every level change (creation and removal
 * included), the model's derived columns by {@link ScoreRule}, and an audit row.
 * Saving over a newer version, or the database's own write-write conflict, is a {@link ClaimConflictException};
 * bad input is an {@link InvalidChangeException}; in both cases nothing is written.
 */
@Service
@PreAuthorize(Roles.HAS_EDITOR)
public class ClaimService {

    private final ClaimRepository claims;
    private final DerivedColumnsRepository derivedColumns;
    private final MatrixWriter writer;
    private final ClaimRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CellReportRepository reports;

    public ClaimService(
            ClaimRepository claims,
            DerivedColumnsRepository derivedColumns,
            MatrixWriter writer,
            Validator validator,
            TransactionTemplate transaction,
            Clock clock,
            CellReportRepository reports) {
        this.claims = claims;
        this.reports = reports;
        this.derivedColumns = derivedColumns;
        this.writer = writer;
        this.rules = new ClaimRules(validator);
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The claim of a model on a platform, to load into the editor; empty when not tested. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public Optional<Claim> find(String modelName, Platform platform) {
        return derivedColumns.findByModelName(modelName).flatMap(ref -> claims.find(ref.modelId(), platform));
    }

    /** Records a claim for a cell that was not tested. */
    public Claim create(String modelName, Platform platform, ClaimData data, ChangeNote note) {
        return create(modelName, platform, data, note, null);
    }

    /** Creates the claim; {@code report} (null for none) is closed as accepted from it in the same transaction. */
    private Claim create(String modelName, Platform platform, ClaimData data, ChangeNote note, CellReport report) {
        rules.check(data, note.problems(null, data.level()));
        String user = Actor.name();
        return write(null, () -> {
            ModelRef model = derivedColumns
                    .findByModelName(modelName)
                    .orElseThrow(() -> new InvalidChangeException(Map.of("", "No model named '" + modelName + "'")));
            Optional<Claim> existing = claims.find(model.modelId(), platform);
            if (existing.isPresent()) {
                throw new ClaimConflictException(
                        "Someone has already recorded a claim for " + modelName + " on " + platform.label()
                                + ". Open it to edit it.",
                        existing.get());
            }
            long id = claims.newIds(1).getFirst();
            LocalDateTime now = LocalDateTime.now(clock);
            writer.writeClaims(
                    List.of(new ClaimChange.Create(
                            id,
                            model,
                            platform,
                            data,
                            Validation.RESET,
                            note.reason(),
                            note.version(),
                            report == null ? null : report.id())),
                    withAcceptance(
                            new AuditLog.Entry(
                                    "claim.create",
                                    "compatibility_details",
                                    id,
                                    "Created " + platform.label() + " claim for " + modelName + ": "
                                            + data.level().label(),
                                    null,
                                    ClaimFields.of(data)),
                            report,
                            id,
                            user,
                            now),
                    user,
                    now);
            return claims.findById(id).orElseThrow();
        });
    }

    /** Saves an edit of {@code loaded}; refused when someone saved a newer version in between. */
    public Claim update(Claim loaded, ClaimData data, ChangeNote note) {
        return update(loaded, data, note, null);
    }

    /** Saves the edit; {@code report} (null for none) is closed as accepted from it in the same transaction. */
    private Claim update(Claim loaded, ClaimData data, ChangeNote note, CellReport report) {
        rules.check(data, note.problems(loaded, data.level()));
        String user = Actor.name();
        return write(loaded, () -> {
            ModelRef model = derivedColumns.findByModelId(loaded.modelId()).orElseThrow();
            LocalDateTime now = LocalDateTime.now(clock);
            writer.writeClaims(
                    List.of(ClaimChange.editFromReport(loaded, model, data, note, report == null ? null : report.id())),
                    withAcceptance(
                            new AuditLog.Entry(
                                    "claim.update",
                                    "compatibility_details",
                                    loaded.claimId(),
                                    "Edited " + loaded.platform().label() + " claim for " + loaded.modelName(),
                                    ClaimFields.changed(loaded.data(), data, true),
                                    ClaimFields.changed(loaded.data(), data, false)),
                            report,
                            loaded.claimId(),
                            user,
                            now),
                    user,
                    now);
            return claims.findById(loaded.claimId()).orElseThrow();
        });
    }

    /**
     * Accepting a user's report (issue 22): saves the claim of the report's cell by the usual rules ({@code loaded}
     * null: the cell is not tested, a new claim) and closes the report as ACCEPTED with the claim's id, in one
     * transaction; the history row of a level change links the report. A report changed or closed meanwhile, or about
     * another cell: nothing is written.
     */
    @PreAuthorize(Roles.HAS_EDITOR_OR_VALIDATOR)
    public Claim saveFromReport(CellReport report, Claim loaded, ClaimData data, ChangeNote note) {
        if (loaded != null && (loaded.modelId() != report.modelId() || loaded.platform() != report.platform())) {
            throw new InvalidChangeException(Map.of("", "Report #" + report.id() + " is about another cell"));
        }
        return loaded == null
                ? create(report.modelName(), report.platform(), data, note, report)
                : update(loaded, data, note, report);
    }

    /**
     * The claim's audit entry, and when the change is accepted from {@code report}, the report closed as ACCEPTED
     * (conditional on the version the editor was shown) with its audit entry. Runs inside the change's transaction.
     */
    private List<AuditLog.Entry> withAcceptance(
            AuditLog.Entry claimEntry, CellReport report, long claimId, String user, LocalDateTime now) {
        if (report == null) {
            return List.of(claimEntry);
        }
        if (!reports.close(report.id(), report.rowVersion(), ReportState.ACCEPTED, user, null, null, claimId, now)) {
            throw new InvalidChangeException(Map.of(
                    "",
                    "Report #" + report.id() + " was changed or closed after you opened it. Nothing was saved:"
                            + " reload the Reports tab and look at it again."));
        }
        return List.of(
                claimEntry,
                new AuditLog.Entry(
                        "feedback.accept",
                        "cell_reports",
                        report.id(),
                        "Accepted: report #" + report.id() + " on " + report.modelName() + " / "
                                + report.platform().label() + " into claim #" + claimId,
                        Map.of("state", ReportState.OPEN.name()),
                        Map.of("state", ReportState.ACCEPTED.name(), "claimId", claimId)));
    }

    /** Removes {@code loaded}; the cell returns to "not tested". Refused when it changed in between. */
    public void remove(Claim loaded, String reason) {
        rules.checkRemove(reason);
        String user = Actor.name();
        write(loaded, () -> {
            ModelRef model = derivedColumns.findByModelId(loaded.modelId()).orElseThrow();
            writer.writeClaims(
                    List.of(ClaimChange.remove(loaded, model, reason.strip())),
                    List.of(new AuditLog.Entry(
                            "claim.remove",
                            "compatibility_details",
                            loaded.claimId(),
                            "Removed " + loaded.platform().label() + " claim for " + loaded.modelName() + ": "
                                    + reason.strip(),
                            ClaimFields.of(loaded.data()),
                            null)),
                    user,
                    LocalDateTime.now(clock));
            return null;
        });
    }

    /**
     * A validator resolving a dispute takes the automated result's level: the same write as an editor's level change
     * (history row with the reason, validation reset, derived columns, audit). Only ValidationService calls it, after
     * checking the dispute and the validator's level.
     */
    @PreAuthorize(Roles.HAS_VALIDATOR)
    public Claim takeLevel(Claim loaded, CompatibilityLevel level, ChangeNote note) {
        return update(loaded, loaded.data().withLevel(level), note);
    }

    /** Runs one change in one transaction, turning the database's write-write conflict into a conflict message. */
    private <T> T write(Claim loaded, java.util.function.Supplier<T> change) {
        try {
            return transaction.execute(status -> change.get());
        } catch (ClaimConflictException | InvalidChangeException e) {
            throw e;
        } catch (StaleClaimException e) {
            throw conflict(loaded);
        } catch (RuntimeException e) {
            if (DatabaseErrors.isWriteWriteConflict(e)) {
                throw loaded == null
                        ? new ClaimConflictException(
                                "Someone else changed this model at the same moment. Try again.", null)
                        : conflict(loaded);
            }
            throw e;
        }
    }

    private ClaimConflictException conflict(Claim loaded) {
        Optional<Claim> current = claims.findById(loaded.claimId());
        if (current.isEmpty()) {
            return new ClaimConflictException(
                    "Someone removed this claim after you opened it. Nothing was saved.", null);
        }
        Claim now = current.get();
        String who = now.updatedBy() == null ? "Someone" : now.updatedBy();
        String changes = ClaimFields.describeDifferences(loaded.data(), now.data());
        return new ClaimConflictException(
                who + " saved this claim after you opened it" + (changes.isEmpty() ? "." : ": " + changes + ".")
                        + " Nothing was saved. Their values are shown beside yours: choose, then save"
                        + " again.",
                now);
    }

    /** Field checks shared by the form and the service. */
    static final class ClaimRules {
        private final Validator validator;

        ClaimRules(Validator validator) {
            this.validator = validator;
        }

        /** Refuses {@code data} with every problem at once: its fields' and the change note's. */
        void check(ClaimData data, Map<String, String> noteProblems) {
            Map<String, String> errors = dataErrors(data);
            errors.putAll(noteProblems);
            throwIfAny(errors);
        }

        void checkRemove(String reason) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidChangeException(Map.of("reason", "Removing a claim needs a reason"));
            }
            if (reason.length() > ChangeNote.REASON_MAX) {
                throw new InvalidChangeException(
                        Map.of("reason", TextLimit.tooLong(ChangeNote.REASON_MAX, reason.length())));
            }
        }

        private Map<String, String> dataErrors(ClaimData data) {
            Map<String, String> errors = new LinkedHashMap<>();
            validator
                    .validate(data)
                    .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
            if (data.evidenceRun() != null && !EvidenceRun.isValid(data.evidenceRun())) {
                errors.putIfAbsent("evidenceRun", EvidenceRun.MESSAGE);
            }
            return errors;
        }

        private static void throwIfAny(Map<String, String> errors) {
            if (!errors.isEmpty()) {
                throw new InvalidChangeException(errors);
            }
        }
    }
}
