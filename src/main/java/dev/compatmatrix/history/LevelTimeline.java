package dev.compatmatrix.history;

import dev.compatmatrix.history.query.LevelChange;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a model's level changes into periods: each level lasts until the next change on that platform. */
public final class LevelTimeline {

    /** A platform's level from {@code start} until {@code end}. */
    public record Period(Platform platform, CompatibilityLevel level, LocalDateTime start, LocalDateTime end) {}

    private LevelTimeline() {}

    /**
     * @param changes oldest first
     * @param from    periods are clipped to start no earlier than this (null: no clipping)
     * @param until   the open end of the current levels, and the clip end
     */
    public static List<Period> periods(List<LevelChange> changes, LocalDateTime from, LocalDateTime until) {
        List<Period> periods = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            List<LevelChange> own = changes.stream()
                    .filter(c -> c.platform() == platform)
                    .sorted(Comparator.comparing(LevelChange::date))
                    .toList();
            for (int i = 0; i < own.size(); i++) {
                LevelChange change = own.get(i);
                LocalDateTime end = i + 1 < own.size() ? own.get(i + 1).date() : until;
                LocalDateTime start = from != null && change.date().isBefore(from) ? from : change.date();
                if (end.isAfter(until)) {
                    end = until;
                }
                if (change.level() != null && end.isAfter(start)) {
                    periods.add(new Period(platform, change.level(), start, end));
                }
            }
        }
        return periods;
    }
}
