package dev.compatmatrix.matrix.time;

import dev.compatmatrix.matrix.query.SnapshotQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The one place where a date or snapshot name given by a person or a client becomes a {@link PointInTime}, with
 * the rules every screen and API shares: a day (YYYY-MM-DD, UTC) or a snapshot's name; not in the future; not
 * before the first recorded state; a range from before to. Refusals name the parameter.
 */
@Component
public class TimePoints {

    private final SnapshotQuery snapshots;
    private final Clock clock;
    /** The start of the history only moves earlier on a restore, which restarts the application. */
    private final AtomicReference<LocalDateTime> historyStart = new AtomicReference<>();

    public TimePoints(SnapshotQuery snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** {@code text} as a point in time; {@code parameter} names it in a refusal. */
    public PointInTime resolve(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPointInTimeException(
                    parameter, parameter + ": give a date (YYYY-MM-DD) or a snapshot name.");
        }
        String given = text.strip();
        Optional<LocalDate> day = parseDay(parameter, given);
        if (day.isPresent()) {
            return day(parameter, day.get());
        }
        return snapshots
                .byName(given)
                .map(s -> PointInTime.snapshot(s.name(), s.takenAt()))
                .orElseThrow(() -> new InvalidPointInTimeException(
                        parameter,
                        parameter + ": \"" + shorten(given)
                                + "\" is neither a date (YYYY-MM-DD) nor the name of a snapshot."));
    }

    /** The end of {@code day}, if the matrix has a recorded state by then and the day has begun. */
    public PointInTime day(String parameter, LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw new InvalidPointInTimeException(
                    parameter, parameter + ": " + day + " is in the future; the latest date is today, " + today + ".");
        }
        Optional<LocalDateTime> start = historyStart();
        if (start.isPresent() && day.isBefore(start.get().toLocalDate())) {
            throw new InvalidPointInTimeException(
                    parameter,
                    parameter + ": " + day + " is before the recorded history, which begins on "
                            + start.get().toLocalDate() + ".");
        }
        return PointInTime.endOf(day);
    }

    /** Both ends, {@code from} strictly before {@code to}. */
    public TimeRange range(String fromText, String toText) {
        PointInTime from = resolve("from", fromText);
        PointInTime to = resolve("to", toText);
        if (!from.before().isBefore(to.before())) {
            throw new InvalidPointInTimeException(
                    "to",
                    "to: " + to.text() + " is not after from (" + from.text() + "); swap them to see what changed.");
        }
        return new TimeRange(from, to);
    }

    /** Today, which shows the matrix as it is now. */
    public PointInTime today() {
        return PointInTime.endOf(LocalDate.now(clock));
    }

    /** The first day the matrix has a recorded state, if any. */
    public Optional<LocalDateTime> historyStart() {
        LocalDateTime known = historyStart.get();
        if (known != null) {
            return Optional.of(known);
        }
        Optional<LocalDateTime> read = snapshots.historyStart();
        read.ifPresent(historyStart::set);
        return read;
    }

    private static Optional<LocalDate> parseDay(String parameter, String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidPointInTimeException(parameter, parameter + ": " + text + " is not a calendar date.");
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
