package dev.compatmatrix.watch;

import dev.compatmatrix.matrix.MatrixEvent;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The user's watched changes since their previous sign-in, newest first. {@code previousVisit} is null on a first
 * sign-in (then there is nothing to compare with); {@code more} when there were more changes than listed.
 */
public record SinceLastVisit(LocalDateTime previousVisit, List<MatrixEvent> changes, boolean more) {

    public boolean firstVisit() {
        return previousVisit == null;
    }
}
