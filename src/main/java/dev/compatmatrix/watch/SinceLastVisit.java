package dev.compatmatrix.watch;

import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.matrix.MatrixEvent;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The user's watched changes since their previous sign-in, newest first. {@code previousVisit} is null on a first
 * sign-in (then there is nothing to compare with); {@code more} when there were more changes than listed.
 * {@code reports}: the user's own reports on cells that editors or validators triaged since then, newest first.
 */
public record SinceLastVisit(
        LocalDateTime previousVisit, List<MatrixEvent> changes, boolean more, List<CellReport> reports) {

    /** How many things the header's button counts: the changes and the triaged reports. */
    public int count() {
        return changes.size() + reports.size();
    }

    public boolean firstVisit() {
        return previousVisit == null;
    }
}
