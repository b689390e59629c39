package dev.compatmatrix.matrix.time;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A moment the matrix can be shown as of: the end of a day, or a named snapshot. {@code before} (UTC) is the first
 * instant not included: the next midnight for a day, the snapshot's own time for a snapshot (what was committed
 * before it was marked). {@code text} is how a URL or API names it ({@code 2026-06-01}, or the snapshot's name).
 */
public record PointInTime(String text, LocalDateTime before, String snapshot) {

    public static PointInTime endOf(LocalDate day) {
        return new PointInTime(day.toString(), day.plusDays(1).atStartOfDay(), null);
    }

    public static PointInTime snapshot(String name, LocalDateTime takenAt) {
        return new PointInTime(name, takenAt, name);
    }

    public boolean isSnapshot() {
        return snapshot != null;
    }

    /** For a person: "the end of 2026-06-01 (UTC)" or "snapshot v2.1 (2026-06-01 14:02 UTC)". */
    public String describe() {
        return isSnapshot()
                ? "snapshot " + snapshot + " (" + before.toLocalDate() + " "
                        + before.toLocalTime().withSecond(0).withNano(0) + " UTC)"
                : "the end of " + text + " (UTC)";
    }
}
