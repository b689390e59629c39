package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.StepTimes;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixTables.ClaimRow;
import dev.compatmatrix.matrix.store.MatrixTables.Column;
import dev.compatmatrix.matrix.store.MatrixTables.HistoryRow;
import dev.compatmatrix.matrix.store.MatrixTables.MatrixRow;
import dev.compatmatrix.matrix.store.MatrixTables.ObjectionRow;
import dev.compatmatrix.matrix.store.MatrixTables.ResolutionRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of the matrix: claims, their history, validation, reviews and objections, automated results,
 * dispute resolutions, the models' matrix rows with their derived columns, and the audit rows of these writes.
 * Features decide what changes and hand it over as a list; one change or 10,000 take the same path, a handful of
 * set-based statements per table ({@link MatrixDatabase}). Each call is one transaction (the caller's, when it has one):
 * all of it is written or none of it.
 */
@Component
public class MatrixWriter {

    private static final String NEXT_VERSION = "row_version = compatibility_details.row_version + 1";
    private static final List<Column<ClaimRow>> CLAIM_KEY =
            List.copyOf(MatrixTables.CLAIMS.columns("id", "row_version"));
    private static final List<Column<ClaimRow>> CLAIM_ID = List.copyOf(MatrixTables.CLAIMS.columns("id"));
    private static final List<Column<ClaimRow>> CLAIM_DATA = List.copyOf(MatrixTables.CLAIMS.columns(
            "compatibility_level",
            "limitations",
            "workarounds",
            "performance_notes",
            "evidence_run",
            "framework_version",
            "device",
            "batch_size",
            "precision",
            "simulated",
            "updated_by",
            "updated_at"));
    private static final List<Column<ClaimRow>> CLAIM_VALIDATION =
            List.copyOf(MatrixTables.CLAIMS.columns("validation_status", "validator_id", "validation_date"));
    private static final List<Column<ClaimRow>> CLAIM_DATA_AND_VALIDATION = concat(CLAIM_DATA, CLAIM_VALIDATION);
    private static final List<Column<MatrixRow>> MATRIX_ROW_ID = List.copyOf(MatrixTables.MATRIX_ROWS.columns("id"));
    private static final List<Column<MatrixRow>> MATRIX_ROW_MODEL =
            List.copyOf(MatrixTables.MATRIX_ROWS.columns("model_id"));
    /** The model's own columns its matrix row keeps (V0023), and the time that invalidates the matrix caches. */
    private static final List<Column<MatrixRow>> MATRIX_ROW_MODEL_COLUMNS =
            List.copyOf(MatrixTables.MATRIX_ROWS.columns(
                    "model_name",
                    "model_family",
                    "model_type",
                    "model_size",
                    "parameters_millions",
                    "model_size_rank",
                    "last_updated"));

    private final MatrixDatabase database;
    private final ClaimRepository claims;
    private final DerivedColumnsRepository derivedColumns;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final MatrixVersion version;
    private final MatrixEvents events;
    private final CellStates cellStates;

    MatrixWriter(
            MatrixDatabase database,
            ClaimRepository claims,
            DerivedColumnsRepository derivedColumns,
            AuditLog audit,
            TransactionTemplate transaction,
            MatrixVersion version,
            MatrixEvents events,
            CellStates cellStates) {
        this.database = database;
        this.claims = claims;
        this.derivedColumns = derivedColumns;
        this.audit = audit;
        this.transaction = transaction;
        this.version = version;
        this.events = events;
        this.cellStates = cellStates;
    }

    /**
     * Writes claim changes: new claims (by their drawn ids), new versions (each must still be at its expected
     * version, else {@link StaleClaimException}), removals; a history row for every change of level in list order
     * (creations and removals included); the derived columns of every model touched, by {@link ScoreRule}; then
     * the audit entries, in their order.
     */
    public void writeClaims(
            List<ClaimChange> changes, List<AuditLog.Entry> auditEntries, String user, LocalDateTime now) {
        inOneTransaction(() -> {
            follow(writeClaimRows(changes, user, now), now);
            rederive(touched(changes), now);
            StepTimes.mark("claims: derived columns");
            audit.recordAll(user, auditEntries, now);
            StepTimes.mark("claims: audit");
            return null;
        });
    }

    /** A new model's matrix row, with an id from {@link DerivedColumnsRepository#newIds}; it keeps the model's columns. */
    public record NewMatrixRow(ModelRef model, ModelData data) {}

    /** New models' matrix rows: nothing tested, so nothing supported and score 0. */
    public void addModels(List<NewMatrixRow> rows, LocalDateTime now) {
        ScoreRule.Derived untested = ScoreRule.derive(Map.of());
        inOneTransaction(MatrixVersion.Change.MODELS, () -> {
            database.append(
                    MatrixTables.MATRIX_ROWS,
                    rows.stream()
                            .map(r -> new MatrixRow(
                                    r.model().compatibilityId(), r.model().modelId(), r.data(), untested, now))
                            .toList());
            events.record(rows.stream()
                    .map(r -> modelEvent(ChangeKind.MODEL_ADDED, r.model().modelId(), now))
                    .toList());
            return null;
        });
    }

    /** A model's columns after an edit, which its matrix row keeps too. */
    public record EditedModel(int modelId, ModelData data) {}

    /** The matrix rows follow their models' new name, family, type, size and parameters. */
    public void updateModels(List<EditedModel> edited, LocalDateTime now) {
        inOneTransaction(MatrixVersion.Change.MODELS, () -> {
            database.update(
                    MatrixTables.MATRIX_ROWS.name(),
                    MATRIX_ROW_MODEL,
                    MATRIX_ROW_MODEL_COLUMNS,
                    null,
                    edited.stream()
                            .map(e -> MatrixTables.MATRIX_ROWS.values(
                                    new MatrixRow(0, e.modelId(), e.data(), null, now),
                                    MATRIX_ROW_MODEL,
                                    MATRIX_ROW_MODEL_COLUMNS))
                            .toList());
            events.record(edited.stream()
                    .map(e -> modelEvent(ChangeKind.MODEL_EDITED, e.modelId(), now))
                    .toList());
            return null;
        });
    }

    /** Removes a deleted model's claims (each with a closing history row) and its matrix row. */
    public void deleteModel(int modelId, String reason, String user, LocalDateTime now) {
        inOneTransaction(MatrixVersion.Change.MODELS, () -> {
            derivedColumns.findByModelId(modelId).ifPresent(model -> {
                List<ClaimChange> removals = new ArrayList<>();
                for (Claim claim : claims.findAll(model.compatibilityId())) {
                    removals.add(ClaimChange.remove(claim, model, reason));
                }
                follow(writeClaimRows(removals, user, now), now);
                database.delete(MatrixTables.MATRIX_ROWS.name(), MATRIX_ROW_ID, List.<Object[]>of(new Object[] {
                    model.compatibilityId()
                }));
                events.record(List.of(modelEvent(ChangeKind.MODEL_DELETED, modelId, now)));
            });
            return null;
        });
    }

    /**
     * Keeps reviews, sets the validation of the claims they change, keeps the objections they leave, then the
     * audit entries. Returns the reviews' ids in list order.
     */
    public List<Long> recordReviews(
            List<ReviewChange> reviews, List<AuditLog.Entry> auditEntries, String user, LocalDateTime now) {
        return inOneTransaction(() -> {
            ReviewWrites written = writeReviewRows(reviews, now);
            cellStates.follow(written.cells(), now);
            StepTimes.mark("reviews: cell_states");
            events.record(written.events());
            StepTimes.mark("reviews: events");
            audit.recordAll(user, auditEntries, now);
            StepTimes.mark("reviews: audit");
            return written.ids();
        });
    }

    /** What a batch of a pipeline's results writes ({@link #writeAutomatedBatch}). */
    public record AutomatedBatch(
            List<ClaimChange> claims,
            List<ReviewChange> approvals,
            List<AutomatedResultRow> results,
            Map<Integer, Map<Platform, CompatibilityLevel>> levelsBefore,
            List<AuditLog.Entry> auditEntries) {}

    /**
     * A pipeline's batch in one pass: {@link #writeClaims}, then {@link #recordReviews} of its approvals, then
     * {@link #recordResults}, with the same rows, events (in that order, one change) and cell states as those three
     * calls, but each table written once: one {@code cell_states} step for all cells (the claims' and the confirmed
     * ones' are distinct cells, and an approval at the claim's own framework version leaves {@code version_changed}
     * as it was), one events append, one version mark, and no claims re-read — the derived columns and the levels the
     * results' events name follow from {@code levelsBefore}: every claimed level of the batch's models by model id,
     * read in this transaction (which holds them as they are until it writes them).
     */
    public void writeAutomatedBatch(AutomatedBatch batch, String user, LocalDateTime now) {
        // Results alone leave the claims version (what the dashboard keeps its totals by), as recordResults does.
        MatrixVersion.Change versionChange =
                batch.claims().isEmpty() && batch.approvals().isEmpty()
                        ? MatrixVersion.Change.RESULTS
                        : MatrixVersion.Change.MATRIX;
        inOneTransaction(versionChange, () -> {
            ClaimWrites claimWrites = writeClaimRows(batch.claims(), user, now);
            Map<Integer, Map<Platform, CompatibilityLevel>> levels = new HashMap<>(batch.levelsBefore());
            Map<Integer, ScoreRule.Derived> derived = new LinkedHashMap<>();
            Map<Integer, Set<Platform>> changedPlatforms = new HashMap<>();
            for (ClaimChange change : batch.claims()) {
                Map<Platform, CompatibilityLevel> model = new EnumMap<>(Platform.class);
                model.putAll(levels.getOrDefault(change.model().modelId(), Map.of()));
                CompatibilityLevel before = model.get(change.platform());
                CompatibilityLevel after = levelAfter(change);
                if (after == null) {
                    model.remove(change.platform());
                } else {
                    model.put(change.platform(), after);
                }
                levels.put(change.model().modelId(), model);
                Set<Platform> changed = changedPlatforms.computeIfAbsent(
                        change.model().compatibilityId(), id -> EnumSet.noneOf(Platform.class));
                if (before != model.get(change.platform())) {
                    changed.add(change.platform());
                }
            }
            for (ClaimChange change : batch.claims()) {
                derived.put(
                        change.model().compatibilityId(),
                        ScoreRule.derive(levels.get(change.model().modelId())));
            }
            derivedColumns.storeChanged(derived, changedPlatforms, now);
            StepTimes.mark("claims: derived columns");
            audit.recordAll(user, batch.auditEntries(), now);
            ReviewWrites reviewWrites = writeReviewRows(batch.approvals(), now);
            database.append(MatrixTables.AUTOMATED_RESULTS, batch.results());
            StepTimes.mark("results: append");
            List<CellStates.Cell> cells = new ArrayList<>(claimWrites.cells());
            cells.addAll(reviewWrites.cells());
            cellStates.follow(cells, now);
            StepTimes.mark("cell_states");
            List<MatrixEvents.Event> all = new ArrayList<>(claimWrites.events());
            all.addAll(reviewWrites.events());
            all.addAll(resultEvents(batch.results(), levels));
            events.record(all);
            StepTimes.mark("events");
            return null;
        });
    }

    private record ClaimWrites(List<CellStates.Cell> cells, List<MatrixEvents.Event> events) {}

    /** The cell states and events of written claims. */
    private void follow(ClaimWrites written, LocalDateTime now) {
        cellStates.follow(written.cells(), now);
        StepTimes.mark("claims: cell_states");
        events.record(written.events());
        StepTimes.mark("claims: events");
    }

    private record ReviewWrites(List<Long> ids, List<CellStates.Cell> cells, List<MatrixEvents.Event> events) {}

    /** The review rows, the validation they set and the objections they leave; the cells and events to follow. */
    private ReviewWrites writeReviewRows(List<ReviewChange> reviews, LocalDateTime now) {
        List<Object[]> validations = new ArrayList<>();
        for (ReviewChange review : reviews) {
            if (review.validation() != null) {
                validations.add(new Object[] {
                    review.review().claimId(),
                    review.validation().status().key(),
                    review.validation().validatorId(),
                    validationDate(review.validation(), now)
                });
            }
        }
        database.update(MatrixTables.CLAIMS.name(), CLAIM_ID, CLAIM_VALIDATION, null, validations);
        StepTimes.mark("reviews: validation");
        List<Long> ids = database.append(
                MatrixTables.REVIEWS, reviews.stream().map(ReviewChange::review).toList());
        StepTimes.mark("reviews: append");
        List<ObjectionRow> objections = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            ReviewChange review = reviews.get(i);
            if (review.objectionNeeds() != null) {
                objections.add(new ObjectionRow(
                        ids.get(i),
                        review.review().claimId(),
                        review.review().claimVersion(),
                        review.objectionNeeds()));
            }
        }
        database.append(MatrixTables.OBJECTIONS, objections);
        StepTimes.mark("reviews: objections");
        List<CellStates.Cell> cells = reviews.stream()
                .filter(r -> r.validation() != null)
                .map(r -> new CellStates.Cell(
                        r.review().modelId(), r.review().platform(), r.review().claimId()))
                .toList();
        List<MatrixEvents.Event> changed = reviews.stream()
                .map(ReviewChange::review)
                .map(r -> new MatrixEvents.Event(
                        ChangeKind.VALIDATION,
                        r.modelId(),
                        r.platform(),
                        r.claimLevel(),
                        r.claimLevel(),
                        r.resultingStatus().key(),
                        r.reviewer(),
                        now))
                .toList();
        return new ReviewWrites(ids, cells, changed);
    }

    /** Keeps results reported by automated validators (what makes a cell disputed or a validation stale). */
    public void recordResults(List<AutomatedResultRow> results) {
        inOneTransaction(MatrixVersion.Change.RESULTS, () -> {
            Map<Integer, Map<Platform, CompatibilityLevel>> claimed = claims.levelsOfModels(
                    results.stream().map(AutomatedResultRow::modelId).collect(Collectors.toSet()));
            StepTimes.mark("results: claimed levels");
            events.record(resultEvents(results, claimed));
            StepTimes.mark("results: events");
            List<Long> ids = database.append(MatrixTables.AUTOMATED_RESULTS, results);
            StepTimes.mark("results: append");
            return ids;
        });
    }

    /** A result's event names the level claimed in its cell ({@code claimed} by model id) beside the one reported. */
    private static List<MatrixEvents.Event> resultEvents(
            List<AutomatedResultRow> results, Map<Integer, Map<Platform, CompatibilityLevel>> claimed) {
        String actor = Actor.nameOrNull();
        return results.stream()
                .map(r -> new MatrixEvents.Event(
                        ChangeKind.RESULT,
                        r.modelId(),
                        r.platform(),
                        claimed.getOrDefault(r.modelId(), Map.of()).get(r.platform()),
                        r.reportedLevel(),
                        null,
                        actor,
                        r.reportedAt()))
                .toList();
    }

    /** Keeps dispute resolutions (rows never updated), then the audit entries. */
    public void recordResolutions(
            List<ResolutionRow> resolutions, List<AuditLog.Entry> auditEntries, String user, LocalDateTime now) {
        inOneTransaction(MatrixVersion.Change.RESULTS, () -> {
            database.append(MatrixTables.RESOLUTIONS, resolutions);
            events.record(resolutions.stream()
                    .map(r -> new MatrixEvents.Event(
                            ChangeKind.DISPUTE_RESOLVED,
                            r.modelId(),
                            r.platform(),
                            r.keptLevel(),
                            r.keptLevel(),
                            r.decision().key(),
                            r.resolver(),
                            now))
                    .toList());
            audit.recordAll(user, auditEntries, now);
            return null;
        });
    }

    /** The claim rows and their history; the cells and events to follow. */
    private ClaimWrites writeClaimRows(List<ClaimChange> changes, String user, LocalDateTime now) {
        List<ClaimRow> creates = new ArrayList<>();
        List<Object[]> keepValidation = new ArrayList<>();
        List<Object[]> setValidation = new ArrayList<>();
        List<Object[]> removals = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        List<MatrixEvents.Event> changed = new ArrayList<>();
        for (ClaimChange change : changes) {
            switch (change) {
                case ClaimChange.Create c -> {
                    creates.add(new ClaimRow(
                            c.claimId(),
                            c.model().compatibilityId(),
                            c.platform(),
                            c.data(),
                            c.validation().status(),
                            c.validation().validatorId(),
                            validationDate(c.validation(), now),
                            1,
                            user,
                            now));
                    history.add(new HistoryRow(
                            c.model().modelId(),
                            c.platform(),
                            null,
                            c.data().level(),
                            c.reason(),
                            now,
                            c.version(),
                            user,
                            c.reportId()));
                    changed.add(new MatrixEvents.Event(
                            ChangeKind.CLAIM_CREATED,
                            c.model().modelId(),
                            c.platform(),
                            null,
                            c.data().level(),
                            null,
                            user,
                            now));
                }
                case ClaimChange.Update u -> {
                    ClaimRow next = new ClaimRow(
                            u.claimId(),
                            u.model().compatibilityId(),
                            u.platform(),
                            u.data(),
                            u.validation() == null ? null : u.validation().status(),
                            u.validation() == null ? null : u.validation().validatorId(),
                            u.validation() == null ? null : validationDate(u.validation(), now),
                            u.expectedVersion(),
                            user,
                            now);
                    if (u.validation() == null) {
                        keepValidation.add(MatrixTables.CLAIMS.values(next, CLAIM_KEY, CLAIM_DATA));
                    } else {
                        setValidation.add(MatrixTables.CLAIMS.values(next, CLAIM_KEY, CLAIM_DATA_AND_VALIDATION));
                    }
                    if (u.previousLevel() != u.data().level()) {
                        history.add(new HistoryRow(
                                u.model().modelId(),
                                u.platform(),
                                u.previousLevel(),
                                u.data().level(),
                                u.reason(),
                                now,
                                u.version(),
                                user,
                                u.reportId()));
                    }
                    changed.add(new MatrixEvents.Event(
                            u.previousLevel() == u.data().level() ? ChangeKind.CLAIM_EDITED : ChangeKind.LEVEL_CHANGED,
                            u.model().modelId(),
                            u.platform(),
                            u.previousLevel(),
                            u.data().level(),
                            u.validation() == null
                                    ? null
                                    : u.validation().status().key(),
                            user,
                            now));
                }
                case ClaimChange.Remove r -> {
                    removals.add(new Object[] {r.claimId(), r.expectedVersion()});
                    history.add(new HistoryRow(
                            r.model().modelId(),
                            r.platform(),
                            r.previousLevel(),
                            null,
                            r.reason(),
                            now,
                            r.version(),
                            user));
                    changed.add(new MatrixEvents.Event(
                            ChangeKind.CLAIM_REMOVED,
                            r.model().modelId(),
                            r.platform(),
                            r.previousLevel(),
                            null,
                            null,
                            user,
                            now));
                }
            }
        }
        int expected = keepValidation.size() + setValidation.size() + removals.size();
        int written = database.update(MatrixTables.CLAIMS.name(), CLAIM_KEY, CLAIM_DATA, NEXT_VERSION, keepValidation)
                + database.update(
                        MatrixTables.CLAIMS.name(), CLAIM_KEY, CLAIM_DATA_AND_VALIDATION, NEXT_VERSION, setValidation)
                + database.delete(MatrixTables.CLAIMS.name(), CLAIM_KEY, removals);
        if (written != expected) {
            throw new StaleClaimException(expected, written);
        }
        StepTimes.mark("claims: update");
        database.append(MatrixTables.CLAIMS, creates);
        StepTimes.mark("claims: append");
        database.append(MatrixTables.HISTORY, history);
        StepTimes.mark("claims: history");
        return new ClaimWrites(
                changes.stream()
                        .map(c -> new CellStates.Cell(c.model().modelId(), c.platform(), claimAfter(c)))
                        .toList(),
                changed);
    }

    /** The claim a change leaves in its cell (none after a removal). */
    private static Long claimAfter(ClaimChange change) {
        return switch (change) {
            case ClaimChange.Create c -> c.claimId();
            case ClaimChange.Update u -> u.claimId();
            case ClaimChange.Remove r -> null;
        };
    }

    /** The level a change leaves in its cell (none after a removal). */
    private static CompatibilityLevel levelAfter(ClaimChange change) {
        return switch (change) {
            case ClaimChange.Create c -> c.data().level();
            case ClaimChange.Update u -> u.data().level();
            case ClaimChange.Remove r -> null;
        };
    }

    private static MatrixEvents.Event modelEvent(ChangeKind kind, int modelId, LocalDateTime now) {
        return new MatrixEvents.Event(kind, modelId, null, null, null, null, Actor.nameOrNull(), now);
    }

    private static Set<Integer> touched(List<ClaimChange> changes) {
        Set<Integer> touched = new LinkedHashSet<>();
        changes.forEach(c -> touched.add(c.model().compatibilityId()));
        return touched;
    }

    /** Stores what {@link ScoreRule} derives from the models' claims now; bumps their {@code last_updated}. */
    private void rederive(Set<Integer> compatibilityIds, LocalDateTime now) {
        Map<Integer, ScoreRule.Derived> derived = new LinkedHashMap<>();
        claims.levelsIn(compatibilityIds).forEach((id, levels) -> derived.put(id, ScoreRule.derive(levels)));
        derivedColumns.storeAll(derived, now);
    }

    private static LocalDateTime validationDate(Validation validation, LocalDateTime now) {
        return validation.validatorId() == null ? null : now;
    }

    private <T> T inOneTransaction(Supplier<T> write) {
        return inOneTransaction(MatrixVersion.Change.MATRIX, write);
    }

    /** The write, and its mark in the data version that every node's caches compare ({@link MatrixVersion}). */
    private <T> T inOneTransaction(MatrixVersion.Change change, Supplier<T> write) {
        return transaction.execute(status -> {
            T written = write.get();
            version.changed(change);
            StepTimes.mark("matrix version");
            return written;
        });
    }

    private static <R> List<Column<R>> concat(List<Column<R>> first, List<Column<R>> second) {
        List<Column<R>> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
