package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.MatrixTables.CellStateRow;
import dev.compatmatrix.matrix.store.MatrixTables.ClaimRow;
import dev.compatmatrix.matrix.store.MatrixTables.HistoryRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A cell's states rebuilt from what was recorded before {@code cell_states} existed (V0017): its history rows (each
 * level change opens a state, unvalidated, about the change's version; a removal closes it), its reviews (each change
 * of status opens a state) and its claim as it is now, which is always the last, open state — exactly, so the matrix
 * as of today is the matrix now. Edits that changed no level left no trace before V0017, so the state before the
 * claim's last edit is as the history and reviews tell it. Used by the bulk loader and by the migration of older
 * databases (V0018).
 */
public final class CellTimeline {

    private CellTimeline() {}

    /**
     * The states of one cell, oldest first. {@code history} and {@code reviews} are the cell's (any order);
     * {@code current} its claim now (null when the cell is not tested now); {@code since} when the model began, for
     * a claim that has no recorded change at all.
     */
    public static List<CellStateRow> rebuild(
            int modelId,
            Platform platform,
            List<HistoryRow> history,
            List<ReviewRow> reviews,
            ClaimRow current,
            LocalDateTime since) {
        record Step(LocalDateTime at, int order, HistoryRow change, ReviewRow review) {}
        List<Step> steps = new ArrayList<>();
        history.forEach(h -> steps.add(new Step(h.date(), 0, h, null)));
        reviews.forEach(r -> steps.add(new Step(r.reviewedAt(), 1, null, r)));
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));

        List<CellStateRow> states = new ArrayList<>();
        CellStateRow open = null;
        LocalDateTime last = null;
        for (Step step : steps) {
            CellStateRow next;
            if (step.change() != null) {
                HistoryRow h = step.change();
                next = h.next() == null
                        ? null
                        : new CellStateRow(
                                modelId,
                                platform,
                                h.date(),
                                null,
                                h.next(),
                                ValidationStatus.UNVALIDATED,
                                null,
                                null,
                                h.version(),
                                false);
            } else {
                ReviewRow r = step.review();
                if (open == null || r.resultingStatus() == open.status() && r.decision() != Review.Decision.APPROVE) {
                    continue;
                }
                boolean approval = r.decision() == Review.Decision.APPROVE;
                next = new CellStateRow(
                        modelId,
                        platform,
                        r.reviewedAt(),
                        null,
                        open.level(),
                        r.resultingStatus(),
                        approval ? (Integer) r.validatorId() : open.validatorId(),
                        approval ? r.reviewedAt() : open.validationDate(),
                        open.frameworkVersion(),
                        approval
                                ? !Objects.equals(r.frameworkVersion(), open.frameworkVersion())
                                : open.versionChanged());
                if (r.resultingStatus() == ValidationStatus.UNVALIDATED) {
                    next = new CellStateRow(
                            modelId,
                            platform,
                            r.reviewedAt(),
                            null,
                            open.level(),
                            ValidationStatus.UNVALIDATED,
                            null,
                            null,
                            open.frameworkVersion(),
                            false);
                }
            }
            if (open != null) {
                states.add(closed(open, step.at()));
            }
            open = next;
            last = step.at();
        }
        if (current != null) {
            // No recorded change at all: the claim has had its level since the model began (an edit would have
            // left a history row had it changed the level), not only since its last edit.
            LocalDateTime from = open == null && states.isEmpty() && since != null
                    ? since
                    : latest(last, current.updatedAt(), current.validationDate());
            CellStateRow now = new CellStateRow(
                    modelId,
                    platform,
                    from == null ? since : from,
                    null,
                    current.data().level(),
                    current.status(),
                    current.validatorId(),
                    current.validationDate(),
                    current.data().frameworkVersion(),
                    versionChanged(current, reviews));
            if (open != null && sameState(open, now)) {
                now = open;
            } else if (open != null) {
                states.add(closed(open, now.from()));
            }
            states.add(now);
        } else if (open != null) {
            states.add(open); // a claim the history never removed: kept open, as recorded
        }
        return states;
    }

    /** Whether the approval that set the claim's status recorded another framework version (stale). */
    private static boolean versionChanged(ClaimRow claim, List<ReviewRow> reviews) {
        return reviews.stream()
                .anyMatch(r -> r.decision() == Review.Decision.APPROVE
                        && r.reviewedAt().equals(claim.validationDate())
                        && !Objects.equals(r.frameworkVersion(), claim.data().frameworkVersion()));
    }

    private static boolean sameState(CellStateRow a, CellStateRow b) {
        return a.level() == b.level()
                && a.status() == b.status()
                && Objects.equals(a.validatorId(), b.validatorId())
                && Objects.equals(a.validationDate(), b.validationDate())
                && Objects.equals(a.frameworkVersion(), b.frameworkVersion())
                && a.versionChanged() == b.versionChanged();
    }

    private static CellStateRow closed(CellStateRow state, LocalDateTime to) {
        return new CellStateRow(
                state.modelId(),
                state.platform(),
                state.from(),
                to,
                state.level(),
                state.status(),
                state.validatorId(),
                state.validationDate(),
                state.frameworkVersion(),
                state.versionChanged());
    }

    private static LocalDateTime latest(LocalDateTime... times) {
        LocalDateTime latest = null;
        for (LocalDateTime t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }
}
